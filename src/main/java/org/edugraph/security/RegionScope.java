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

    /**
     * The rule as a Cypher condition on node {@code variable}: it is located in one of the
     * regions of parameter {@code $allowed} or below one. Statements that check many nodes
     * at once use it, so that the rule stays in one place.
     */
    public static String within(String variable) {
        return org.edugraph.neo4j.CypherText.condition(within(org.edugraph.neo4j.CypherText.node(variable, null),
                org.neo4j.cypherdsl.core.Cypher.parameter("allowed")));
    }

    /** The rule built with Cypher-DSL: {@code located} is in one of the regions {@code allowed} or below one. */
    public static org.neo4j.cypherdsl.core.Condition within(org.neo4j.cypherdsl.core.Node located,
            org.neo4j.cypherdsl.core.Expression allowed) {
        var scope = org.neo4j.cypherdsl.core.Cypher.node("Region").named("a");
        return org.neo4j.cypherdsl.core.Cypher.exists(List.of(located
                .relationshipTo(org.neo4j.cypherdsl.core.Cypher.node("Region"), "LOCATED_IN")
                .relationshipTo(scope, "PART_OF").min(0)), org.neo4j.cypherdsl.core.Where.from(scope.property("code").in(allowed)));
    }

    private void requireLocated(Caller caller, String label, String what, Collection<String> ids) {
        if (!caller.isRegionScoped()) {
            return;
        }
        List<String> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (n:%s {id: id})
                RETURN id, %s AS allowed
                """.formatted(label, within("n")), Map.of("ids", wanted, "allowed", List.copyOf(caller.regions())))) {
            if (!r.get("allowed").asBoolean()) {
                throw outside(caller, what + " " + r.get("id").asString());
            }
        }
    }

    /** The codes of the caller's regions and of every region below them; only for a region-scoped caller. */
    public List<String> regionsWithin(Caller caller) {
        return graph.read("""
                MATCH (a:Region)<-[:PART_OF*0..]-(r:Region) WHERE a.code IN $allowed
                RETURN collect(DISTINCT r.code) AS codes""", Map.of("allowed", List.copyOf(caller.regions())))
                .getFirst().get("codes").asList(v -> v.asString());
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
        if (caller.regions().isEmpty()) {
            return ApiException.forbidden("%s may change the graph in no region (its list of regions is empty); %s is refused"
                    .formatted(caller.name(), what));
        }
        return ApiException.forbidden("%s may only change the graph in regions %s; %s lies outside them"
                .formatted(caller.name(), caller.regionList(), what));
    }
}
