package org.edugraph.network;

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

    static NetworkNode from(Value v) {
        return new NetworkNode(v.get("id").asString(), v.get("label").asString(), v.get("kind").asString(),
                v.get("ref").asString(), v.get("synthetic").asBoolean(), Values.string(v, "region"), Values.string(v, "type"));
    }
}
