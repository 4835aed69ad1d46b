package org.edugraph.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.edugraph.neo4j.Graph;
import org.edugraph.security.Caller;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an audit record of a change in the transaction of the change itself: a change
 * is never without its record, nor a record without its change.
 */
@Component
public class Audit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Graph graph;

    Audit(Graph graph) {
        this.graph = graph;
    }

    /**
     * @param before the target's properties before the change, or null when it is new
     * @param after  its properties after, or null when it was removed
     */
    public void record(TransactionContext tx, Caller caller, String action, String targetType, String targetId,
            Map<String, Object> before, Map<String, Object> after) {
        Instant now = Instant.now();
        Map<String, Object> params = new HashMap<>();
        // Ids sort by time, so that pages of the audit log are in the order things happened.
        params.put("id", "%013d-%s".formatted(now.toEpochMilli(), UUID.randomUUID().toString().substring(0, 8)));
        params.put("at", now.atOffset(java.time.ZoneOffset.UTC));
        params.put("user", caller.name());
        params.put("action", action);
        params.put("targetType", targetType);
        params.put("targetId", targetId);
        params.put("before", before == null ? null : JSON.writeValueAsString(before));
        params.put("after", after == null ? null : JSON.writeValueAsString(after));
        graph.run(tx, """
                CREATE (:AuditEvent {id: $id, at: $at, user: $user, action: $action, targetType: $targetType,
                                     targetId: $targetId, before: $before, after: $after})""", params);
    }
}
