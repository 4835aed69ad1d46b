package org.edugraph.school;

import java.util.List;

import org.edugraph.api.Values;
import org.neo4j.driver.Value;

/** An institution, kindergarten to university, as the API shows it. */
public record School(String id, String name, List<String> aliases, SchoolType type, String typeCode,
        Ownership ownership, String nationalCode, boolean synthetic) {

    /** The properties every query returns a school with; {@code n} is the school node. */
    public static final String PROJECTION = projection("n");

    /** {@link #PROJECTION} of the school bound to {@code variable}. */
    public static String projection(String variable) {
        return "%1$s {.id, .name, .aliases, .type, .typeCode, .ownership, .nationalCode, synthetic: coalesce(%1$s.synthetic, false)}"
                .formatted(variable);
    }

    public static School from(Value v) {
        Ownership ownership = Values.enumValue(v, "ownership", Ownership.class);
        return new School(v.get("id").asString(), Values.string(v, "name"), Values.strings(v, "aliases"),
                Values.enumValue(v, "type", SchoolType.class), Values.string(v, "typeCode"),
                ownership == null ? Ownership.UNKNOWN : ownership, Values.string(v, "nationalCode"),
                v.get("synthetic").asBoolean(false));
    }
}
