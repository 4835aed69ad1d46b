package org.edugraph.region;

import org.edugraph.neo4j.CypherText;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.RelationshipChain;

/**
 * The region rule of every read filter, written once: a region filter takes in the region
 * and every region below it, down the PART_OF hierarchy. Two forms: a condition on a node
 * already bound, and an anchored pattern that starts at the region's index entry and walks
 * down, which is what a statement should start from when the region is its most selective
 * part (the condition, tested on every school of a label scan, walks PART_OF upwards from
 * each: hundreds of thousands of db hits for one county's schools). {@code code} is a Cypher
 * expression: a parameter ({@code $pfRegion}) or a value of a batch ({@code k.region}).
 */
public final class RegionCypher {

    private RegionCypher() {
    }

    /**
     * {@link #locatedWithin(Node, Expression)} as text, for statements written as text: the node
     * bound to {@code located} is LOCATED_IN the region {@code code} (a Cypher expression) or below it.
     */
    public static String locatedWithin(String located, String code) {
        return CypherText.condition(locatedWithin(CypherText.node(located, null), CypherText.expression(code)));
    }

    /**
     * A pattern binding {@code node} to every node of {@code label} located in the region
     * {@code code} or below it; each once, since a node lies in one region and a region in
     * one parent.
     */
    public static String locatedUnder(String node, String label, String code) {
        return CypherText.pattern(locatedUnder(CypherText.node(node, label), CypherText.expression(code)));
    }

    /** {@link #locatedUnder} for schools. */
    public static String schoolsWithin(String school, String code) {
        return locatedUnder(school, "School", code);
    }

    /** The rule, built with Cypher-DSL: {@code located} is in the region {@code code} or below it. */
    public static Condition locatedWithin(Node located, Expression code) {
        // As a pattern element: EXISTS { ... }, not the exists() function Cypher-DSL writes for a relationship.
        org.neo4j.cypherdsl.core.PatternElement pattern = located.relationshipTo(Cypher.node("Region"), "LOCATED_IN")
                .relationshipTo(Cypher.node("Region").withProperties("code", code), "PART_OF").min(0);
        return Cypher.exists(pattern);
    }

    /** The rule as a pattern, built with Cypher-DSL: from the region {@code code} down its PART_OF tree to every {@code node} located there. */
    public static RelationshipChain locatedUnder(Node node, Expression code) {
        return Cypher.node("Region").withProperties("code", code)
                .relationshipFrom(Cypher.node("Region"), "PART_OF").min(0)
                .relationshipFrom(node, "LOCATED_IN");
    }
}
