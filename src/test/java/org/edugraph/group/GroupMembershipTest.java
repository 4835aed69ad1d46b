package org.edugraph.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding a school to a group: checked and written at once, so concurrent identical calls add one membership. */
class GroupMembershipTest extends IntegrationTest {

    private static final String GROUP = "test-membership-group";
    private static final String SCHOOL = "test-membership-school";

    @BeforeEach
    void ownGroupAndSchool() {
        // The test's own group and school: no real group is said to have a member it has not.
        graph.write("""
                MATCH (r:Region {code: '350583'})
                CREATE (g:EducationGroup {id: $group, name: '成员测试集团', kind: 'GROUP'})-[:LOCATED_IN]->(r)""",
                Map.of("group", GROUP));
        assertThat(postAs(TestUsers.ADMIN, "mutation { importSchools(csv: \"id,name,type,regionCode\\n" + SCHOOL
                + ",成员测试学校,PRIMARY,350583\\n\") { schoolsCreated } }")).doesNotContainKey("errors");
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
        graph.write("MATCH (g:EducationGroup {id: $group}) DETACH DELETE g", Map.of("group", GROUP));
    }

    @Test
    void sixteenIdenticalCallsAtOnceAddOneMembershipWithOneAuditRecord() throws Exception {
        int callers = 16;
        CyclicBarrier together = new CyclicBarrier(callers);
        List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return postAs(TestUsers.ADMIN, "mutation { addGroupMember(groupId: \"" + GROUP + "\", schoolId: \""
                            + SCHOOL + "\", role: MEMBER) { role } }");
                }, threads));
            }
        }
        List<String> outcomes = answers.stream().map(CompletableFuture::join)
                .map(r -> r.containsKey("errors") ? classifications(r).getFirst() : "ADDED").toList();
        assertThat(outcomes).containsOnlyOnce("ADDED").containsOnly("ADDED", "CONFLICT");
        assertThat(count("MATCH (:School {id: $school})-[m:MEMBER_OF]->(:EducationGroup {id: $group}) RETURN count(m) AS n"))
                .isOne();
        assertThat(count("MATCH (e:AuditEvent {action: 'addGroupMember'}) RETURN count(e) AS n")).isOne();
    }

    @Test
    void anUnknownSchoolOrGroupIsNotFoundAndChangesNothing() {
        assertThat(postAs(TestUsers.ADMIN, "mutation { addGroupMember(groupId: \"" + GROUP
                + "\", schoolId: \"no-such-school\", role: MEMBER) { role } }").toString())
                .contains("No school with id no-such-school (schoolId)").contains("NOT_FOUND");
        assertThat(postAs(TestUsers.ADMIN, "mutation { addGroupMember(groupId: \"no-such-group\", schoolId: \"" + SCHOOL
                + "\", role: MEMBER) { role } }").toString())
                .contains("No education group with id no-such-group (groupId)").contains("NOT_FOUND");
        assertThat(count("MATCH (e:AuditEvent {action: 'addGroupMember'}) RETURN count(e) AS n")).isZero();
    }

    private long count(String cypher) {
        return graph.read(cypher, Map.of("school", SCHOOL, "group", GROUP)).getFirst().get("n").asLong();
    }
}
