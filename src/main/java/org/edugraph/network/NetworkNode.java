package org.edugraph.network;

import java.util.HashMap;
import java.util.Map;

import org.edugraph.api.Ref;
import org.edugraph.api.Values;
import org.neo4j.driver.Value;

/**
 * A school, group or program in a drawn network.
 *
 * @param id         unique in a network: a school's id, {@code group:<id>}, {@code program:<id>}
 * @param kind       School, EducationGroup or Program
 * @param ref        the id of the school, group or program itself
 * @param regionCode where it is located, when known
 * @param type       a school's SchoolType, a group's GroupKind or a program's ProgramKind
 */
public record NetworkNode(String id, String label, String kind, String ref, boolean synthetic, String regionCode,
        String type) {

    public static final String SCHOOL = "School";
    public static final String GROUP = "EducationGroup";
    public static final String PROGRAM = "Program";

    // What the node stands for, read with what the request selects under it (read/RowFields): a plain
    // accessor, so that it is answered as the node's other fields are, a whole level in one statement.

    public Ref.Known school() {
        if (!SCHOOL.equals(kind)) {
            return null;
        }
        if (label == null) {
            return Ref.school(ref).withKey(); // a reference projection's node: its id alone
        }
        // What the network's own statement read of the school (projection): a request that selects no more
        // (the explorer's picture: id, type, region's code) reads nothing more.
        Map<String, Object> values = new HashMap<>();
        values.put("id", ref);
        values.put("name", label);
        values.put("type", type);
        values.put("region", Ref.withKey(Ref.region(regionCode)));
        return new Ref.Known(Ref.school(ref), values);
    }

    public Ref group() {
        return GROUP.equals(kind) ? Ref.group(ref) : null;
    }

    public Ref program() {
        return PROGRAM.equals(kind) ? Ref.program(ref) : null;
    }

    /**
     * The Cypher projection of a node {@code x} (a School, EducationGroup or Program) that
     * {@link #from} reads.
     */
    static String projection(String x) {
        return """
                {id: CASE WHEN %1$s:School THEN %1$s.id WHEN %1$s:EducationGroup THEN 'group:' + %1$s.id ELSE 'program:' + %1$s.id END,
                 kind: CASE WHEN %1$s:School THEN 'School' WHEN %1$s:EducationGroup THEN 'EducationGroup' ELSE 'Program' END,
                 type: CASE WHEN %1$s:School THEN %1$s.type ELSE %1$s.kind END,
                 ref: %1$s.id, label: %1$s.name, synthetic: coalesce(%1$s.synthetic, false),
                 region: [(%1$s)-[:LOCATED_IN]->(r:Region) | r.code][0]}""".formatted(x);
    }

    /**
     * The Cypher projection of only what an edge needs of its node {@code x}: id, kind, ref
     * and synthetic, which {@link #reference} reads. An export draws each node once in
     * full and its edges with this, which costs a third of the full projection per edge.
     */
    static String referenceProjection(String x) {
        return """
                {id: CASE WHEN %1$s:School THEN %1$s.id WHEN %1$s:EducationGroup THEN 'group:' + %1$s.id ELSE 'program:' + %1$s.id END,
                 kind: CASE WHEN %1$s:School THEN 'School' WHEN %1$s:EducationGroup THEN 'EducationGroup' ELSE 'Program' END,
                 ref: %1$s.id, synthetic: coalesce(%1$s.synthetic, false)}""".formatted(x);
    }

    /** A node read from {@link #referenceProjection}: no label, region or type; for building its edges only. */
    static NetworkNode reference(Value v) {
        return new NetworkNode(v.get("id").asString(), null, v.get("kind").asString(), v.get("ref").asString(),
                v.get("synthetic").asBoolean(), null, null);
    }

    static NetworkNode from(Value v) {
        return new NetworkNode(v.get("id").asString(), v.get("label").asString(), v.get("kind").asString(),
                v.get("ref").asString(), v.get("synthetic").asBoolean(), Values.string(v, "region"), Values.string(v, "type"));
    }
}
