package org.edugraph.source;

import java.time.LocalDate;

import org.edugraph.api.Values;
import org.neo4j.driver.Value;

/** Where a fact was stated: a document and the place in it. */
public record Source(String id, String title, String issuer, LocalDate published, String section, String quote) {

    public static final String PROJECTION = "src {.id, .title, .issuer, .published, .section, .quote}";

    public static Source from(Value v) {
        return v == null || v.isNull() ? null : new Source(v.get("id").asString(), v.get("title").asString(),
                Values.string(v, "issuer"), Values.date(v, "published"), Values.string(v, "section"),
                Values.string(v, "quote"));
    }
}
