package org.edugraph.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.neo4j.Graph;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

/**
 * The gazetteer's towns (乡镇/街道) as a lookup table: a school's record that names a town (by
 * its 9-digit code, its full name 陈埭镇 or its short name 陈埭) is placed in that town's county.
 * A name that several towns share is never settled by a guess: the record's region may narrow
 * it to one, else it is refused with the candidates listed.
 */
@Component
public class Towns {

    /** How many candidates a refusal lists before it says how many more there are. */
    static final int LISTED = 5;

    private final Graph graph;

    Towns(Graph graph) {
        this.graph = graph;
    }

    /** A region a town lies in: its county (or city without counties), prefecture, province. */
    public record Place(String code, String name, String level) {
    }

    /**
     * A town of the gazetteer.
     *
     * @param path its county (or city) first, then every region above it
     */
    public record Candidate(String code, String name, List<Place> path) {

        /** The region a school placed by this town is located in. */
        public Place county() {
            return path.getFirst();
        }

        boolean within(String regionCode) {
            return path.stream().anyMatch(p -> p.code().equals(regionCode));
        }

        /** 350582103 陈埭镇 (晋江市, 泉州市, 福建省) */
        String described() {
            return "%s %s (%s)".formatted(code, name, String.join(", ", path.stream().map(Place::name).toList()));
        }
    }

    /** Where a record's town leads: the one town, or why there is none. */
    public sealed interface Resolved {
    }

    public record Found(Candidate town) implements Resolved {
    }

    /**
     * @param unknown true when no town of the gazetteer has that name or code (NOT_FOUND); false when the
     *                name is ambiguous or the town lies outside the record's region (a bad request)
     */
    public record Refused(String problem, boolean unknown) implements Resolved {
    }

    /**
     * The towns each key may name (by code, full name or short name), for a batch of keys in one
     * statement; a key no town has is absent from the answer.
     */
    public Map<String, List<Candidate>> candidates(Collection<String> keys) {
        return candidates(keys, null);
    }

    /** {@link #candidates(Collection)} with a timeout (an import's), or the query timeout when null. */
    public Map<String, List<Candidate>> candidates(Collection<String> keys, java.time.Duration timeout) {
        Map<String, List<Candidate>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        // A 9-digit key is a code; any other is a name, full (陈埭镇: that town only) or short (陈埭: every town
        // whose short name it is).
        List<Map<String, Object>> lookups = new ArrayList<>();
        for (String key : keys) {
            boolean code = key.matches("\\d{9}");
            String byKey = code ? null : TownNames.key(key);
            lookups.add(Map.of("key", key, "code", code ? key : "", "townKey", byKey == null ? "" : byKey,
                    "fullName", !code && !key.equals(byKey)));
        }
        String cypher = """
                UNWIND $lookups AS l
                CALL (l) {
                  MATCH (t:Town {code: l.code}) RETURN t
                  UNION
                  MATCH (t:Town {key: l.townKey}) WHERE NOT l.fullName OR t.name = l.key RETURN t
                }
                MATCH (c:Region {code: t.county})
                RETURN l.key AS key, t.code AS code, t.name AS name,
                       [(c)-[:PART_OF*0..]->(a:Region) | [a.code, a.name, a.level]] AS path""";
        Map<String, Object> parameters = Map.of("lookups", lookups);
        List<Record> records = timeout == null ? graph.read(cypher, parameters) : graph.read(timeout, cypher, parameters);
        for (Record r : records) {
            List<Place> path = new ArrayList<>(r.get("path").asList(p -> new Place(p.get(0).asString(), p.get(1).asString(),
                    p.get(2).asString())));
            path.sort(Comparator.comparingInt(p -> -RegionLevel.valueOf(p.level()).ordinal()));
            found.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>())
                    .add(new Candidate(r.get("code").asString(), r.get("name").asString(), List.copyOf(path)));
        }
        found.values().forEach(list -> list.sort(Comparator.comparing(Candidate::code)));
        return found;
    }

    /**
     * The one town {@code key} names within {@code regionCode} (anywhere when null), among the
     * {@code candidates} the gazetteer has for it.
     *
     * @param regionName the region's name, for a message (may be null)
     */
    public static Resolved resolve(String key, String regionCode, String regionName, List<Candidate> candidates) {
        List<Candidate> all = candidates == null ? List.of() : candidates;
        if (all.isEmpty()) {
            return new Refused(("no town %s in the gazetteer; give the town as the division list writes it (陈埭镇),"
                    + " its short name (陈埭) or its 9-digit code").formatted(key), true);
        }
        List<Candidate> inRegion = regionCode == null ? all : all.stream().filter(t -> t.within(regionCode)).toList();
        String region = regionCode == null ? "" : regionName == null ? regionCode : regionCode + " " + regionName;
        if (inRegion.size() == 1) {
            return new Found(inRegion.getFirst());
        }
        if (inRegion.isEmpty()) {
            return new Refused("town %s is not in region %s: %s %s".formatted(key, region,
                    all.size() == 1 ? "it is" : "the towns of that name are", listed(all)), false);
        }
        return new Refused(("town %s is the name of %d towns%s: %s; give its 9-digit code%s").formatted(key,
                inRegion.size(), regionCode == null ? "" : " in region " + region, listed(inRegion),
                regionCode == null ? ", or a regionCode that holds only one of them" : ""), false);
    }

    private static String listed(List<Candidate> towns) {
        List<String> shown = towns.stream().limit(LISTED).map(Candidate::described).toList();
        return String.join(", ", shown) + (towns.size() > LISTED ? " and %d more".formatted(towns.size() - LISTED) : "");
    }
}
