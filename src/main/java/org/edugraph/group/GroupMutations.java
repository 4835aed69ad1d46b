package org.edugraph.group;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.api.ApiException;
import org.edugraph.api.Ref;
import org.edugraph.audit.Audit;
import org.edugraph.neo4j.Graph;
import org.edugraph.school.School;
import org.edugraph.security.Caller;
import org.edugraph.security.CurrentCaller;
import org.edugraph.security.RegionScope;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.edugraph.security.SecuredMutations;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Adding a school to a group: validated, region-scoped, audited. */
@Controller
class GroupMutations {

    private final Graph graph;
    private final Audit audit;
    private final CurrentCaller callers;
    private final RegionScope scope;

    private final java.time.Clock clock;

    GroupMutations(Graph graph, Audit audit, CurrentCaller callers, RegionScope scope, java.time.Clock clock) {
        this.clock = clock;
        this.graph = graph;
        this.audit = audit;
        this.callers = callers;
        this.scope = scope;
    }

    @MutationMapping
    @PreAuthorize(SecuredMutations.ADMIN)
    Ref addGroupMember(@Argument String groupId, @Argument String schoolId, @Argument MembershipRole role,
            @Argument LocalDate since) {
        Caller caller = callers.signedIn();
        Map<String, Object> params = new HashMap<>();
        params.put("group", groupId);
        params.put("school", schoolId);
        params.put("role", role.name());
        params.put("since", since);
        params.put("user", caller.name());
        params.put("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        // Checked and written in one transaction, the group and the school locked first (found, and within the
        // caller's regions): of concurrent identical calls one adds the membership (and one audit record), the
        // others see it and get CONFLICT; neither can be moved out of the caller's regions meanwhile.
        graph.write(Graph.Write.retried(), tx -> {
            scope.requireGroups(tx, caller, List.of(groupId), "groupId");
            scope.requireSchools(tx, caller, List.of(schoolId), "schoolId");
            Record exists = tx.run("""
                    RETURN EXISTS { (:School {id: $school})-[:MEMBER_OF]->(:EducationGroup {id: $group}) } AS member""",
                    params).getFirst();
            if (exists.get("member").asBoolean()) {
                throw ApiException.conflict("School %s is already a member of group %s".formatted(schoolId, groupId));
            }
            tx.run("""
                    MATCH (n:School {id: $school}), (g:EducationGroup {id: $group})
                    CREATE (n)-[m:MEMBER_OF {role: $role, since: $since, createdAt: $now, createdBy: $user}]->(g)
                    """, params);
            Map<String, Object> after = new HashMap<>();
            after.put("groupId", groupId);
            after.put("schoolId", schoolId);
            after.put("role", role.name());
            after.put("since", since == null ? null : since.toString());
            audit.record(tx, caller, "addGroupMember", "GroupMembership", groupId + "/" + schoolId, null, after,
                    new Audit.Touched(List.of(schoolId), List.of(groupId), List.of()));
            return null;
        });
        return Ref.membership(schoolId, groupId); // read with what the request selects (read/RowFields)
    }
}
