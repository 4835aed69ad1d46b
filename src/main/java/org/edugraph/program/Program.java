package org.edugraph.program;

import org.edugraph.api.Values;
import org.neo4j.driver.Value;

/** 5G+专递课堂, 名优校+, 双减 ...: what schools take part in. */
public record Program(String id, String name, ProgramKind kind, GovernanceLevel level, Integer year, String note,
        boolean synthetic) {

    public static final String PROJECTION = "n {.id, .name, .kind, .level, .year, .note, synthetic: coalesce(n.synthetic, false)}";

    public static Program from(Value v) {
        return new Program(v.get("id").asString(), Values.string(v, "name"),
                Values.enumValue(v, "kind", ProgramKind.class), Values.enumValue(v, "level", GovernanceLevel.class),
                Values.integer(v, "year"), Values.string(v, "note"), v.get("synthetic").asBoolean(false));
    }
}
