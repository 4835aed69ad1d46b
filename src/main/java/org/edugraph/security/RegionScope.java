package org.edugraph.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.edugraph.api.ApiException;
import org.edugraph.neo4j.Graph;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

/**
 * Holds a region-scoped admin to the regions it may write in: a write may only touch
 * schools located in those regions or below them (down the PART_OF hierarchy, never
 * across peer links). An unrestricted admin passes without a query.
 */
@Component
public class RegionScope {

    private final Graph graph;

    RegionScope(Graph graph) {
        this.graph = graph;
    }

    /** Every school must lie in the caller's regions; else FORBIDDEN naming the first that does not. */
    public void requireSchools(Caller caller, Collection<String> schoolIds) {
        requireLocated(caller, "School", "school", schoolIds);
    }

    /**
     * Every education group must lie in the caller's regions: a region-scoped admin may not
     * add a school of theirs to another region's group. A group with no region is no one
     * region's, so it is outside every scope.
     */
    public void requireGroups(Caller caller, Collection<String> groupIds) {
        requireLocated(caller, "EducationGroup", "group", groupIds);
    }

    private void requireLocated(Caller caller, String label, String what, Collection<String> ids) {
        if (!caller.isRegionScoped()) {
            return;
        }
        List<String> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (n:%s {id: id})
                RETURN id, EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(a:Region) WHERE a.code IN $allowed } AS allowed
                """.formatted(label), Map.of("ids", wanted, "allowed", List.copyOf(caller.regions())))) {
            if (!r.get("allowed").asBoolean()) {
                throw outside(caller, what + " " + r.get("id").asString());
            }
        }
    }

    /** Every region must be one of the caller's regions or lie below one. */
    public void requireRegions(Caller caller, Collection<String> codes) {
        Set<String> allowed = allowedRegions(caller, codes);
        codes.stream().filter(Objects::nonNull).filter(code -> !allowed.contains(code)).findFirst()
                .ifPresent(code -> {
                    throw outside(caller, "region " + code);
                });
    }

    /** Those of the codes the caller may write in: its regions and the regions below them (all, unless scoped). */
    public Set<String> allowedRegions(Caller caller, Collection<String> codes) {
        List<String> wanted = codes.stream().filter(Objects::nonNull).distinct().toList();
        if (!caller.isRegionScoped()) {
            return Set.copyOf(wanted);
        }
        Set<String> allowed = new HashSet<>();
        for (Record r : graph.read("""
                UNWIND $codes AS code
                RETURN code, EXISTS { (:Region {code: code})-[:PART_OF*0..]->(a:Region) WHERE a.code IN $allowed } AS allowed
                """, Map.of("codes", wanted, "allowed", List.copyOf(caller.regions())))) {
            if (r.get("allowed").asBoolean()) {
                allowed.add(r.get("code").asString());
            }
        }
        return allowed;
    }

    private static ApiException outside(Caller caller, String what) {
        return ApiException.forbidden("%s may only change the graph in regions %s; %s lies outside them"
                .formatted(caller.name(), String.join(", ", caller.regions().stream().sorted().toList()), what));
    }
}
