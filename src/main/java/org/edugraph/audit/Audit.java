package org.edugraph.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.edugraph.neo4j.Graph;
import org.edugraph.security.Caller;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an audit record of a change in the transaction of the change itself: a change
 * is never without its record, nor a record without its change. Each record keeps the
 * regions of what it touched (its {@link Touched}), so that a region-scoped admin reads
 * the records of its regions only.
 */
@Component
public class Audit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Graph graph;
    private final Clock clock;

    Audit(Graph graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    /**
     * What a change touched: schools and groups (their regions are looked up in the
     * change's transaction) and regions named outright (where a school was before it moved,
     * the regions of an import's rows).
     */
    public record Touched(Collection<String> schoolIds, Collection<String> groupIds, Collection<String> regionCodes) {

        public static Touched schools(Collection<String> schoolIds) {
            return new Touched(schoolIds, List.of(), List.of());
        }

        public static Touched regions(Collection<String> regionCodes) {
            return new Touched(List.of(), List.of(), regionCodes);
        }
    }

    /**
     * @param before  the target's properties before the change, or null when it is new
     * @param after   its properties after, or null when it was removed
     * @param touched what the change touched, for the record's regions
     */
    public void record(Graph.Transaction tx, Caller caller, String action, String targetType, String targetId,
            Map<String, Object> before, Map<String, Object> after, Touched touched) {
        Instant now = clock.instant();
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
        params.put("schools", distinct(touched.schoolIds()));
        params.put("groups", distinct(touched.groupIds()));
        params.put("regions", distinct(touched.regionCodes()));
        tx.run("""
                CREATE (e:AuditEvent {id: $id, at: $at, user: $user, action: $action, targetType: $targetType,
                                      targetId: $targetId, before: $before, after: $after})
                WITH e
                CALL (e) {
                  UNWIND $schools AS id
                  MATCH (:School {id: id})-[:LOCATED_IN]->(r:Region)
                  RETURN collect(DISTINCT r.code) AS ofSchools
                }
                CALL (e) {
                  UNWIND $groups AS id
                  MATCH (:EducationGroup {id: id})-[:LOCATED_IN]->(r:Region)
                  RETURN collect(DISTINCT r.code) AS ofGroups
                }
                SET e.regions = reduce(all = [], c IN $regions + ofSchools + ofGroups |
                                       CASE WHEN c IN all THEN all ELSE all + c END)""", params);
    }

    private static List<String> distinct(Collection<String> values) {
        return values.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
