package org.edugraph.group;

import org.edugraph.api.Values;
import org.neo4j.driver.Value;

/** 教育集团, 教育发展共同体, 联盟: schools that work together under one name. */
public record EducationGroup(String id, String name, GroupKind kind, boolean synthetic) {

    public static final String PROJECTION = "n {.id, .name, .kind, synthetic: coalesce(n.synthetic, false)}";

    public static EducationGroup from(Value v) {
        return new EducationGroup(v.get("id").asString(), Values.string(v, "name"),
                Values.enumValue(v, "kind", GroupKind.class), v.get("synthetic").asBoolean(false));
    }
}
