package org.edugraph.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.edugraph.api.ApiException;
import org.edugraph.api.Ref;
import org.edugraph.audit.Audit;
import org.edugraph.neo4j.Graph;
import org.edugraph.security.Caller;
import org.edugraph.security.CurrentCaller;
import org.edugraph.security.RegionScope;
import org.edugraph.security.SecuredMutations;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Adding a project-local region: a zone that the division list has no code for (泉州台商投资区 is
 * one, in regions.yaml), so that schools can be placed in it. Never silently: an admin adds it,
 * under a region within the admin's scope, one level below its parent, with a code that has a
 * letter in it (3505TS) so that it can never clash with a code of GB/T 2260, and the change is
 * audited in its own transaction.
 */
@Controller
class RegionMutations {

    /** A project-local code: letters A-Z and digits, at least one letter, 3 to 12 characters. */
    static final Pattern LOCAL_CODE = Pattern.compile("(?=.*[A-Z])[0-9A-Z]{3,12}");

    private final Graph graph;
    private final Audit audit;
    private final CurrentCaller callers;
    private final RegionScope scope;

    private final java.time.Clock clock;

    RegionMutations(Graph graph, Audit audit, CurrentCaller callers, RegionScope scope, java.time.Clock clock) {
        this.clock = clock;
        this.graph = graph;
        this.audit = audit;
        this.callers = callers;
        this.scope = scope;
    }

    record AddRegionInput(String code, String name, RegionLevel level, String parentCode) {
    }

    @MutationMapping
    @PreAuthorize(SecuredMutations.ADMIN)
    Ref addRegion(@Argument AddRegionInput input) {
        Caller caller = callers.signedIn();
        List<String> problems = new ArrayList<>();
        String code = input.code() == null ? "" : input.code().strip();
        if (!LOCAL_CODE.matcher(code).matches()) {
            problems.add(("code '%s' must be 3 to 12 letters A-Z and digits with at least one letter (3505TS), so that it"
                    + " can never be a GB/T 2260 code").formatted(code.length() > 40 ? code.substring(0, 40) + "..." : code));
        }
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            problems.add("name must not be blank");
        } else if (name.length() > 200) {
            problems.add("name is longer than 200 characters");
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add("name must be text, without control characters");
        }
        if (input.level() == RegionLevel.PROVINCE) {
            problems.add("a project-local region lies within a province: level must be PREFECTURE or COUNTY");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems));
        }
        Record parent = graph.read("MATCH (p:Region {code: $code}) RETURN p.level AS level, p.name AS name",
                Map.of("code", input.parentCode())).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("No region with code " + input.parentCode() + " (parentCode)"));
        RegionLevel parentLevel = RegionLevel.valueOf(parent.get("level").asString());
        if (parentLevel.ordinal() + 1 != input.level().ordinal()) {
            throw ApiException.badRequest("a %s lies one level below its parent; %s %s is a %s".formatted(input.level(),
                    input.parentCode(), parent.get("name").asString(), parentLevel));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        params.put("name", name);
        params.put("level", input.level().name());
        params.put("parent", input.parentCode());
        params.put("user", caller.name());
        params.put("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        try {
            graph.write(Graph.Write.retried(), tx -> {
                scope.requireRegions(tx, caller, List.of(input.parentCode()));
                List<Record> taken = tx.run("""
                        OPTIONAL MATCH (r:Region {code: $code})
                        OPTIONAL MATCH (f:FormerRegionCode {code: $code})
                        RETURN r.name AS region, f.name AS former""", params);
                Record t = taken.getFirst();
                if (!t.get("region").isNull() || !t.get("former").isNull()) {
                    throw ApiException.conflict("Region code %s is taken already (%s)".formatted(code,
                            t.get("region").isNull() ? t.get("former").asString() + ", a former code of the division list"
                                    : t.get("region").asString()));
                }
                tx.run("""
                        MATCH (p:Region {code: $parent})
                        CREATE (n:Region {code: $code, name: $name, level: $level, official: false,
                                          createdBy: $user, createdAt: $now})-[:PART_OF]->(p)
                        RETURN n.code AS code""", params).getFirst();
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("code", code);
                after.put("name", name);
                after.put("level", input.level().name());
                after.put("parent", input.parentCode());
                after.put("official", false);
                audit.record(tx, caller, "addRegion", "Region", code, null, after,
                        Audit.Touched.regions(List.of(code, input.parentCode())));
                return code;
            });
            return Ref.region(code); // read with what the request selects (read/RowFields)
        } catch (ClientException e) {
            if (Graph.violatesConstraint(e)) {
                throw ApiException.conflict("Region code %s is taken already".formatted(code));
            }
            throw e;
        }
    }
}
