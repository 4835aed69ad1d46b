package org.edugraph.school;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.edugraph.imports.ImportErrors;
import org.edugraph.neo4j.Graph;
import org.edugraph.region.RegionCodes;
import org.edugraph.region.Towns;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Where a school to be created goes, for createSchool and the import alike, for any number of
 * records in a few statements: its region code as given; a code the division list no longer
 * has placed in its successor, which a notice says; or the county of the town its record names,
 * through the gazetteer, never guessed between towns of one name. A code the graph does not
 * know is refused naming the nearest valid ones.
 */
@Component
class SchoolPlacement {

    private final Graph graph;
    private final Towns towns;

    SchoolPlacement(Graph graph, Towns towns) {
        this.graph = graph;
        this.towns = towns;
    }

    /** A record's place as given: a region code, a town, or both (the town then within the region). */
    record Request(String regionCode, String town) {
    }

    sealed interface Result {
    }

    /**
     * @param regionCode where the school is located
     * @param regionName that region's name
     * @param townCode   the town it was placed by, or null
     * @param notice     what was done that the record did not say outright (a former code replaced), or null
     */
    record Placed(String regionCode, String regionName, String townCode, String notice) implements Result {
    }

    /**
     * @param field    the field at fault: regionCode or town
     * @param notFound true when what the record names does not exist (NOT_FOUND), false for an ambiguous
     *                 or contradictory record (BAD_REQUEST)
     */
    record Problem(String field, String message, boolean notFound) implements Result {
    }

    private record Former(String code, String name, String successor, String successorName, String note) {
    }

    Map<Request, Result> place(Collection<Request> requests, Duration timeout) {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> townKeys = new LinkedHashSet<>();
        requests.forEach(r -> {
            codes.add(r.regionCode());
            townKeys.add(r.town());
        });
        codes.remove(null);
        townKeys.remove(null);
        Record found = read(timeout, """
                CALL () { UNWIND $codes AS code MATCH (r:Region {code: code}) RETURN collect([code, r.name]) AS known }
                CALL () {
                  UNWIND $codes AS code
                  MATCH (f:FormerRegionCode {code: code})
                  OPTIONAL MATCH (s:Region {code: f.successor})
                  RETURN collect([code, f.name, s.code, s.name, f.note]) AS formers
                }
                RETURN known, formers""", Map.of("codes", List.copyOf(codes))).getFirst();
        Map<String, String> known = new HashMap<>();
        for (Value p : found.get("known").values()) {
            known.put(p.get(0).asString(), p.get(1).asString(null));
        }
        Map<String, Former> formers = new HashMap<>();
        for (Value f : found.get("formers").values()) {
            formers.put(f.get(0).asString(), new Former(f.get(0).asString(), f.get(1).asString(), text(f.get(2)), text(f.get(3)),
                    text(f.get(4))));
        }
        Map<String, List<Towns.Candidate>> candidates = towns.candidates(townKeys, timeout);
        Map<String, String> all = null;
        Map<Request, Result> results = new HashMap<>();
        for (Request request : requests) {
            if (results.containsKey(request)) {
                continue;
            }
            String code = request.regionCode();
            String regionName = code == null ? null : known.get(code);
            String notice = null;
            if (code != null && regionName == null) {
                Former former = formers.get(code);
                if (former != null && former.successor() != null) {
                    notice = "regionCode %s (%s) is no longer in the division list; placed in its successor %s %s".formatted(
                            code, former.name(), former.successor(), former.successorName());
                    code = former.successor();
                    regionName = former.successorName();
                } else {
                    if (all == null) {
                        all = new HashMap<>();
                        for (Record r : read(timeout, "MATCH (r:Region) RETURN r.code AS code, r.name AS name", Map.of())) {
                            all.put(r.get("code").asString(), r.get("name").asString());
                        }
                    }
                    String nearest = String.join(", ", RegionCodes.nearest(code, all, RegionCodes.NEAREST));
                    results.put(request, new Problem("regionCode", former == null
                            ? "no region with code %s (regionCode); the nearest valid codes are %s".formatted(
                                    ImportErrors.cut(code), nearest)
                            : "region code %s (%s) is no longer in the division list (%s); the nearest valid codes are %s"
                                    .formatted(code, former.name(), former.note(), nearest), true));
                    continue;
                }
            }
            if (request.town() == null) {
                results.put(request, new Placed(code, regionName, null, notice));
                continue;
            }
            switch (Towns.resolve(ImportErrors.cut(request.town()), code, regionName, candidates.get(request.town()))) {
                case Towns.Found town -> results.put(request, new Placed(town.town().county().code(),
                        town.town().county().name(), town.town().code(), notice));
                case Towns.Refused refused -> results.put(request, new Problem("town", refused.problem(), refused.unknown()));
            }
        }
        return results;
    }

    /** A read with the caller's timeout (an import's), or the query timeout when null. */
    private List<Record> read(Duration timeout, String cypher, Map<String, Object> parameters) {
        return graph.read(timeout == null ? Graph.Read.records() : Graph.Read.records().within(timeout), cypher, parameters);
    }

    private static String text(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    /** The requests of these records, once each. */
    static List<Request> requests(Collection<NewSchool> schools) {
        return schools.stream().map(s -> new Request(s.regionCode(), s.town())).filter(Objects::nonNull).distinct().toList();
    }
}
