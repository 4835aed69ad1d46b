package org.edugraph.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.neo4j.driver.Value;

/** Reading optional properties of a node or map returned by Cypher. */
public final class Values {

    private Values() {
    }

    public static String string(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asString();
    }

    /** A column of a record, or null. */
    public static String string(org.neo4j.driver.Record r, String key) {
        Value x = r.get(key);
        return x.isNull() ? null : x.asString();
    }

    /** A date column of a record, or null. */
    public static LocalDate date(org.neo4j.driver.Record r, String key) {
        Value x = r.get(key);
        return x.isNull() ? null : x.asLocalDate();
    }

    public static Integer integer(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asInt();
    }

    public static LocalDate date(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asLocalDate();
    }

    public static OffsetDateTime dateTime(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asOffsetDateTime();
    }

    public static List<String> strings(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? List.of() : x.asList(Value::asString);
    }

    public static <E extends Enum<E>> E enumValue(Value v, String key, Class<E> type) {
        String x = string(v, key);
        return x == null ? null : Enum.valueOf(type, x);
    }
}
