package org.edugraph.audit;

import java.time.OffsetDateTime;

import org.edugraph.api.Values;
import org.neo4j.driver.Value;

/** One successful change: who, when, what, and the target before and after (JSON). */
public record AuditEvent(String id, OffsetDateTime at, String user, String action, String targetType, String targetId,
        String before, String after) {

    static final String PROJECTION = "n {.id, .at, .user, .action, .targetType, .targetId, .before, .after}";

    static AuditEvent from(Value v) {
        return new AuditEvent(v.get("id").asString(), Values.dateTime(v, "at"), Values.string(v, "user"),
                Values.string(v, "action"), Values.string(v, "targetType"), Values.string(v, "targetId"),
                Values.string(v, "before"), Values.string(v, "after"));
    }
}
