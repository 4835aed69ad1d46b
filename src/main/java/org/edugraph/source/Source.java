package org.edugraph.source;

import java.time.LocalDate;

import org.edugraph.api.Values;
import org.neo4j.driver.Value;

/** Where a fact was stated: a document and the place in it, and what kind of document it is. */
public record Source(String id, String title, String issuer, LocalDate published, String section, String quote,
        SourceKind kind) {

    /** A source node's kind: as written (the gazetteer's), else generated data's or a report's. */
    public static final String KIND = "coalesce(src.kind, CASE WHEN src.synthetic THEN 'GENERATED' ELSE 'REPORT' END)";

    public static final String PROJECTION = "src {.id, .title, .issuer, .published, .section, .quote, kind: " + KIND + "}";

    public static Source from(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        SourceKind kind = Values.enumValue(v, "kind", SourceKind.class);
        return new Source(v.get("id").asString(), v.get("title").asString(), Values.string(v, "issuer"),
                Values.date(v, "published"), Values.string(v, "section"), Values.string(v, "quote"),
                kind == null ? SourceKind.REPORT : kind);
    }
}
