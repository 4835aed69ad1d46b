package org.edugraph.region;

import org.edugraph.api.Values;
import org.neo4j.driver.Value;

/**
 * An administrative division keyed by its GB/T 2260 code; {@code official} is false for
 * the project-local codes of zones that have none.
 */
public record Region(String code, String name, RegionLevel level, boolean official, String parentCode) {

    /** The properties every query returns a region with; {@code n} is the region node. */
    public static final String PROJECTION =
            "n {.code, .name, .level, .official, parentCode: [(n)-[:PART_OF]->(p) | p.code][0]}";

    public static Region from(Value v) {
        Value official = v.get("official");
        return new Region(v.get("code").asString(), Values.string(v, "name"),
                Values.enumValue(v, "level", RegionLevel.class), official.isNull() || official.asBoolean(),
                Values.string(v, "parentCode"));
    }
}
