package org.edugraph.audit;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.EduGraphProperties;
import org.edugraph.api.BatchedLists;
import org.edugraph.api.BatchedLists.ListRequest;
import org.edugraph.api.Connection;
import org.edugraph.api.Page;
import org.edugraph.security.Caller;
import org.edugraph.security.CurrentCaller;
import org.edugraph.security.RegionScope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The audit log, for admins: every successful change, oldest first, filterable by time,
 * user and action; a region-scoped admin sees the changes that touched its regions.
 */
@Controller
class AuditController {

    /** The filter of auditEvents: [from, to) in time, the user, the mutation, the target. */
    record AuditFilter(OffsetDateTime from, OffsetDateTime to, String user, String action, String targetId) {
    }

    private final BatchedLists lists;
    private final CurrentCaller caller;
    private final RegionScope scope;
    private final EduGraphProperties.Graphql limits;

    AuditController(BatchedLists lists, CurrentCaller caller, RegionScope scope, EduGraphProperties properties) {
        this.lists = lists;
        this.caller = caller;
        this.scope = scope;
        this.limits = properties.graphql();
    }

    @QueryMapping
    Connection<AuditEvent> auditEvents(@Argument AuditFilter filter, @Argument Integer first, @Argument String after) {
        Caller admin = caller.requireAdmin("read the audit");
        Page page = Page.of(first, after, limits);
        Map<String, String> conditions = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (admin.isRegionScoped()) {
            // A region-scoped admin reads the records of changes that touched its regions, no others.
            conditions.put("scope", "any(code IN n.regions WHERE code IN k.scope)");
            values.put("scope", scope.regionsWithin(admin));
        }
        if (filter != null) {
            if (filter.from() != null) {
                conditions.put("from", "n.at >= k.from");
                values.put("from", filter.from());
            }
            if (filter.to() != null) {
                conditions.put("to", "n.at < k.to");
                values.put("to", filter.to());
            }
            if (filter.user() != null) {
                conditions.put("user", "n.user = k.user");
                values.put("user", filter.user());
            }
            if (filter.action() != null) {
                conditions.put("action", "n.action = k.action");
                values.put("action", filter.action());
            }
            if (filter.targetId() != null) {
                conditions.put("target", "n.targetId = k.target");
                values.put("target", filter.targetId());
            }
        }
        ListRequest request = new ListRequest("AuditEvent", conditions, values, page);
        List<AuditEvent> rows = lists.pages(List.of(request), AuditEvent.PROJECTION, AuditEvent::from).get(request);
        return Connection.of(rows, page, AuditEvent::id, request.unpaged());
    }
}
