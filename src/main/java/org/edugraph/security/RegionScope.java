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
 * across peer links). Every check runs in the transaction of the write it guards, after
 * locking what it depends on, so that check and write cannot be separated.
 */
@Component
public class RegionScope {

    private final Graph graph;

    RegionScope(Graph graph) {
        this.graph = graph;
    }

    /**
     * In the write's own transaction {@code tx}: locks these schools (in id order, as every write
     * locks schools, so that writes never wait on each other in a circle), then requires that
     * each exists (else NOT_FOUND naming the first missing, with {@code field} when given) and,
     * for a region-scoped caller, that each lies in the caller's regions (else FORBIDDEN). Checked
     * under the locks, which the transaction holds until it commits: a school that another write
     * moves is moved before this check or after this write, never between them.
     */
    public void requireSchools(Graph.Transaction tx, Caller caller, Collection<String> ids, String... fields) {
        requireLocated(tx, caller, "School", "school", ids, fields);
    }

    /**
     * {@link #requireSchools} for education groups: a region-scoped admin may not add a school
     * of theirs to another region's group. A group with no region is no one region's, so it is
     * outside every scope.
     */
    public void requireGroups(Graph.Transaction tx, Caller caller, Collection<String> groupIds, String... fields) {
        requireLocated(tx, caller, "EducationGroup", "education group", groupIds, fields);
    }

    /** The lock every write takes on the schools it depends on, in the order given (sort the ids). */
    public static final String LOCK = """
            UNWIND $ids AS id
            MATCH (n:%s {id: id})
            SET n.writeLock = true
            REMOVE n.writeLock
            RETURN collect(id) AS found""";

    private void requireLocated(Graph.Transaction tx, Caller caller, String label, String what, Collection<String> ids,
            String[] fields) {
        List<String> given = ids.stream().filter(Objects::nonNull).toList();
        List<String> wanted = given.stream().distinct().sorted().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHUNK));
            found.addAll(tx.run(LOCK.formatted(label), Map.of("ids", chunk)).getFirst().get("found")
                    .asList(org.neo4j.driver.Value::asString));
        }
        for (int i = 0; i < given.size(); i++) {
            if (!found.contains(given.get(i))) {
                String field = i < fields.length ? " (" + fields[i] + ")" : "";
                throw ApiException.notFound("No %s with id %s%s".formatted(what, given.get(i), field));
            }
        }
        if (!caller.isRegionScoped()) {
            return;
        }
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            for (Record r : tx.run("""
                    UNWIND $ids AS id
                    MATCH (n:%s {id: id}) WHERE NOT %s
                    RETURN id LIMIT 1
                    """.formatted(label, within("n")), Map.of("ids", wanted.subList(from, Math.min(wanted.size(), from + CHUNK)),
                    "allowed", List.copyOf(caller.regions())))) {
                throw outside(caller, what + " " + r.get("id").asString());
            }
        }
    }

    /** Ids locked and checked per statement: an import may name half a million schools. */
    private static final int CHUNK = 10_000;

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

    /** The codes of the caller's regions and of every region below them; only for a region-scoped caller. */
    public List<String> regionsWithin(Caller caller) {
        return graph.read("""
                MATCH (a:Region)<-[:PART_OF*0..]-(r:Region) WHERE a.code IN $allowed
                RETURN collect(DISTINCT r.code) AS codes""", Map.of("allowed", List.copyOf(caller.regions())))
                .getFirst().get("codes").asList(v -> v.asString());
    }

    /** In the write's transaction: every region must be one of the caller's regions or lie below one. */
    public void requireRegions(Graph.Transaction tx, Caller caller, Collection<String> codes) {
        Set<String> allowed = allowed(caller, codes, (cypher, parameters) -> tx.run(cypher, parameters));
        codes.stream().filter(Objects::nonNull).filter(code -> !allowed.contains(code)).findFirst()
                .ifPresent(code -> {
                    throw outside(caller, "region " + code);
                });
    }

    /**
     * Those of the codes the caller may write in: its regions and the regions below them (all, unless scoped).
     * For checking a file before it is written; the write checks again in its transaction
     * ({@link #requireRegions}).
     */
    public Set<String> allowedRegions(Caller caller, Collection<String> codes) {
        return allowed(caller, codes, graph::read);
    }

    private static Set<String> allowed(Caller caller, Collection<String> codes,
            java.util.function.BiFunction<String, Map<String, Object>, List<Record>> read) {
        List<String> wanted = codes.stream().filter(Objects::nonNull).distinct().toList();
        if (!caller.isRegionScoped()) {
            return Set.copyOf(wanted);
        }
        Set<String> allowed = new HashSet<>();
        for (Record r : read.apply("""
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
