package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every mutation needs ADMIN, and a refused one leaves the graph as it was. */
class WriteAuthorisationTest extends IntegrationTest {

    static final List<String> MUTATIONS = List.of(
            "mutation { addPairing(input: {mentorId: \"cs-jinxiuxiao\", menteeId: \"cs-luozhou-ms\", kind: TARGETED_SUPPORT}) { id } }",
            "mutation { endPairing(id: \"cs-jxx-panyu\", endDate: \"2023-01-01\") { id } }",
            "mutation { removePairing(id: \"cs-jxx-panyu\") }",
            "mutation { createSchool(input: {name: \"测试学校\", type: PRIMARY, regionCode: \"350104\"}) { id } }",
            "mutation { updateSchool(id: \"cs-panyu-ms\", input: {name: \"改名\"}) { id } }",
            "mutation { addGroupMember(groupId: \"cs-shiyou-kg-group\", schoolId: \"cs-huaxi-kg\", role: MEMBER) { role } }",
            "mutation { importPairings(csv: \"mentorId,menteeId,kind\\ncs-jinxiuxiao,cs-luozhou-ms,OTHER\\n\") { pairingsCreated } }",
            "mutation { importSchools(csv: \"id,name,type,regionCode\\ntest-auth-school,测试授权学校,PRIMARY,350104\\n\") { schoolsCreated } }");

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void withoutCredentialsEveryMutationIsUnauthorizedAndChangesNothing() {
        String before = snapshot();
        for (String mutation : MUTATIONS) {
            assertThat(classifications(postAs(null, mutation))).as(mutation).containsExactly("UNAUTHORIZED");
        }
        // The request itself is a valid GraphQL request that ran and was refused field by field: HTTP 200, as the README says.
        http.post().uri("/graphql").bodyValue(Map.of("query", MUTATIONS.getFirst())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aFailedSignInIsLoggedWithTheNameAndAddressButNotThePassword(org.springframework.boot.test.system.CapturedOutput output) {
        String password = "guess-" + java.util.UUID.randomUUID();
        http.post().uri("/graphql").headers(h -> h.setBasicAuth("admin", password))
                .bodyValue(Map.of("query", MUTATIONS.getFirst())).exchange().expectStatus().isUnauthorized();
        assertThat(output.getOut()).contains("Failed sign-in as 'admin' from 127.0.0.1").doesNotContain(password);
    }

    @Test
    void withWrongCredentialsEveryMutationIsUnauthorizedAndChangesNothing() {
        String before = snapshot();
        TestUsers.User impostor = new TestUsers.User("admin", "not-the-password");
        for (String mutation : MUTATIONS) {
            assertThat(classifications(postAs(impostor, mutation))).as(mutation).containsExactly("UNAUTHORIZED");
        }
        http.post().uri("/graphql").headers(h -> h.setBasicAuth("admin", "not-the-password"))
                .bodyValue(Map.of("query", MUTATIONS.getFirst())).exchange().expectStatus().isUnauthorized();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aSignedInUserWhoIsNotAnAdminIsForbiddenAndChangesNothing() {
        String before = snapshot();
        for (String mutation : MUTATIONS) {
            assertThat(classifications(postAs(TestUsers.READER, mutation))).as(mutation).containsExactly("FORBIDDEN");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theAuditLogIsForAdminsOnly() {
        assertThat(classifications(postAs(null, "{ auditEvents { totalCount } }"))).containsExactly("UNAUTHORIZED");
        assertThat(classifications(postAs(TestUsers.READER, "{ auditEvents { totalCount } }"))).containsExactly("FORBIDDEN");
        assertThat(classifications(postAs(TestUsers.ADMIN, "{ auditEvents { totalCount } }"))).isEmpty();
    }

    @Test
    void aRegionScopedAdminReadsTheAuditOfItsRegionsOnly() {
        // Schools of the test's own: one made in 南安市 (350583), one by the 仓山区 admin, and the first moved to 仓山区.
        assertThat(postAs(TestUsers.ADMIN, "mutation { importSchools(csv: \"id,name,type,regionCode\\n"
                + "audit-scope-nanan,审计范围测试学校甲,PRIMARY,350583\\n\") { schoolsCreated } }")).doesNotContainKey("errors");
        assertThat(postAs(TestUsers.ADMIN, "mutation { createSchool(input: {name: \"审计范围测试学校乙\", type: PRIMARY,"
                + " regionCode: \"350582\"}) { id } }")).doesNotContainKey("errors");
        assertThat(postAs(TestUsers.CANGSHAN_ADMIN, "mutation { createSchool(input: {name: \"审计范围测试学校丙\","
                + " type: PRIMARY, regionCode: \"350104\"}) { id } }")).doesNotContainKey("errors");
        assertThat(postAs(TestUsers.ADMIN, "mutation { updateSchool(id: \"audit-scope-nanan\", input: {regionCode: \"350104\"})"
                + " { id } }")).doesNotContainKey("errors");
        String actions = "{ auditEvents { edges { node { action user } } } }";
        assertThat(actionsSeenBy(TestUsers.ADMIN, actions))
                .containsExactly("importSchools by admin", "createSchool by admin", "createSchool by cangshan-admin",
                        "updateSchool by admin");
        // The 仓山区 admin sees its own school and the move into its region (where the school is now), not the
        // import into 南安市 (back then no school of its regions) nor the school made in 晋江市.
        assertThat(actionsSeenBy(TestUsers.CANGSHAN_ADMIN, actions))
                .containsExactly("createSchool by cangshan-admin", "updateSchool by admin");
        assertThat(postAs(TestUsers.CANGSHAN_ADMIN, "{ auditEvents { totalCount } }").toString()).contains("totalCount=2");
    }

    @SuppressWarnings("unchecked")
    private List<String> actionsSeenBy(TestUsers.User user, String document) {
        Map<String, Object> response = postAs(user, document);
        var edges = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) response.get("data"))
                .get("auditEvents")).get("edges");
        return edges.stream().map(e -> (Map<String, Object>) e.get("node"))
                .map(n -> n.get("action") + " by " + n.get("user")).toList();
    }

    @Test
    void theMultipartImportNeedsAnAdminToo() {
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("file", new org.springframework.core.io.ByteArrayResource(
                "mentorId,menteeId,kind\ncs-jinxiuxiao,cs-luozhou-ms,OTHER\n".getBytes()) {
            @Override
            public String getFilename() {
                return "p.csv";
            }
        });
        String before = snapshot();
        http.post().uri("/import/pairings").bodyValue(body).exchange().expectStatus().isUnauthorized();
        http.post().uri("/import/pairings").headers(h -> h.setBasicAuth(TestUsers.READER.name(), TestUsers.READER.password()))
                .bodyValue(body).exchange().expectStatus().isForbidden();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRegionScopedAdminWritesInsideItsRegionsOnly() {
        String before = snapshot();
        // 泉州五中 is in 泉州市, outside 仓山区 (350104).
        for (String mutation : List.of(
                "mutation { addPairing(input: {mentorId: \"cs-jinxiuxiao\", menteeId: \"qz-wuzhong\", kind: OTHER}) { id } }",
                "mutation { updateSchool(id: \"qz-wuzhong\", input: {name: \"改名\"}) { id } }",
                "mutation { createSchool(input: {name: \"泉州新校\", type: PRIMARY, regionCode: \"350500\"}) { id } }",
                "mutation { updateSchool(id: \"cs-panyu-ms\", input: {regionCode: \"350500\"}) { id } }",
                "mutation { importPairings(csv: \"mentorId,menteeId,kind\\ncs-jinxiuxiao,qz-wuzhong,OTHER\\n\") { errors { row message } } }",
                // A school of theirs into a group of 泉州市: the group lies outside 仓山区 too.
                "mutation { addGroupMember(groupId: \"qz-g20-high-school-consortium\", schoolId: \"cs-luozhou-ms\", role: MEMBER) { role } }")) {
            Map<String, Object> response = postAs(TestUsers.CANGSHAN_ADMIN, mutation);
            if (mutation.contains("importPairings")) {
                assertThat(response.toString()).contains("row=2").contains("qz-wuzhong").contains("outside");
            } else {
                assertThat(classifications(response)).as(mutation).containsExactly("FORBIDDEN");
            }
        }
        assertThat(snapshot()).isEqualTo(before);

        as(TestUsers.CANGSHAN_ADMIN).document("""
                mutation { addPairing(input: {mentorId: "cs-jinxiuxiao", menteeId: "cs-luozhou-ms", kind: TARGETED_SUPPORT}) {
                  createdBy mentee { name } } }""")
                .execute()
                .path("addPairing.createdBy").entity(String.class).isEqualTo("cangshan-admin")
                .path("addPairing.mentee.name").entity(String.class).isEqualTo("螺洲中学");
    }

    /** What a reader of the graph sees: every node and relationship with its properties, less the audit log. */
    private String snapshot() {
        return graph.read("""
                MATCH (n) WHERE NOT n:AuditEvent
                OPTIONAL MATCH (n)-[r]->(m)
                WITH n, collect([type(r), properties(r), elementId(m)]) AS out
                ORDER BY elementId(n)
                RETURN collect([labels(n), properties(n), out]) AS graph""", Map.of()).getFirst().get("graph").toString()
                + graph.read("MATCH (e:AuditEvent) RETURN count(e) AS n", Map.of()).getFirst().get("n");
    }
}
