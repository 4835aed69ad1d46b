package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestSchools;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every mutation needs ADMIN, and a refused one leaves the graph as it was. The mutations
 * name fictional schools, a pairing and groups of the test's own, never the reports' ones.
 */
class WriteAuthorisationTest extends IntegrationTest {

    /** Two schools of 仓山区 paired by the admin, one of 南安市 (泉州市), and a group in each region. */
    private record Fixtures(TestSchools.School mentor, TestSchools.School mentee, TestSchools.School quanzhou,
            String pairingId, TestSchools.Group group, TestSchools.Group quanzhouGroup) {
    }

    private Fixtures fixtures() {
        var mentor = testSchools.school("测试授权第一中学", TestSchools.CANGSHAN);
        var mentee = testSchools.school("测试授权第二中学", TestSchools.CANGSHAN);
        var quanzhou = testSchools.school("测试授权南安中学", TestSchools.NANAN);
        String pairing = as(TestUsers.ADMIN).document("mutation($m: ID!, $e: ID!) { addPairing(input: {mentorId: $m,"
                        + " menteeId: $e, kind: OTHER}) { id } }").variable("m", mentor.id()).variable("e", mentee.id())
                .execute().path("addPairing.id").entity(String.class).get();
        return new Fixtures(mentor, mentee, quanzhou, pairing, testSchools.group("测试授权教育集团", TestSchools.CANGSHAN),
                testSchools.group("测试授权南安联盟", TestSchools.NANAN));
    }

    /** One of each mutation, on the fixtures. */
    private static List<String> mutations(Fixtures f) {
        return List.of(
                "mutation { addPairing(input: {mentorId: \"%s\", menteeId: \"%s\", kind: TARGETED_SUPPORT}) { id } }"
                        .formatted(f.mentor().id(), f.mentee().id()),
                "mutation { endPairing(id: \"%s\", endDate: \"2023-01-01\") { id } }".formatted(f.pairingId()),
                "mutation { removePairing(id: \"%s\") }".formatted(f.pairingId()),
                "mutation { createSchool(input: {name: \"测试学校\", type: PRIMARY, regionCode: \"350104\"}) { id } }",
                "mutation { updateSchool(id: \"%s\", input: {name: \"改名\"}) { id } }".formatted(f.mentee().id()),
                "mutation { addGroupMember(groupId: \"%s\", schoolId: \"%s\", role: MEMBER) { role } }"
                        .formatted(f.group().id(), f.mentee().id()),
                "mutation { importPairings(csv: \"mentorId,menteeId,kind\\n%s,%s,OTHER\\n\") { pairingsCreated } }"
                        .formatted(f.mentor().id(), f.mentee().id()),
                "mutation { importSchools(csv: \"id,name,type,regionCode\\ntest-auth-school,测试授权学校,PRIMARY,350104\\n\") { schoolsCreated } }");
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void withoutCredentialsEveryMutationIsUnauthorizedAndChangesNothing() {
        List<String> mutations = mutations(fixtures());
        String before = snapshot();
        for (String mutation : mutations) {
            assertThat(classifications(postAs(null, mutation))).as(mutation).containsExactly("UNAUTHORIZED");
        }
        // The request itself is a valid GraphQL request that ran and was refused field by field: HTTP 200, as docs/api.md says.
        http.post().uri("/graphql").bodyValue(Map.of("query", mutations.getFirst())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aFailedSignInIsLoggedWithTheNameAndAddressButNotThePassword(org.springframework.boot.test.system.CapturedOutput output) {
        String password = "guess-" + java.util.UUID.randomUUID();
        http.post().uri("/graphql").headers(h -> h.setBasicAuth("admin", password))
                .bodyValue(Map.of("query", mutations(fixtures()).getFirst())).exchange().expectStatus().isUnauthorized();
        assertThat(output.getOut()).contains("Failed sign-in as 'admin' from 127.0.0.1").doesNotContain(password);
    }

    @Test
    void withWrongCredentialsEveryMutationIsUnauthorizedAndChangesNothing() {
        List<String> mutations = mutations(fixtures());
        String before = snapshot();
        TestUsers.User impostor = new TestUsers.User("admin", "not-the-password");
        for (String mutation : mutations) {
            assertThat(classifications(postAs(impostor, mutation))).as(mutation).containsExactly("UNAUTHORIZED");
        }
        http.post().uri("/graphql").headers(h -> h.setBasicAuth("admin", "not-the-password"))
                .bodyValue(Map.of("query", mutations.getFirst())).exchange().expectStatus().isUnauthorized();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aSignedInUserWhoIsNotAnAdminIsForbiddenAndChangesNothing() {
        List<String> mutations = mutations(fixtures());
        String before = snapshot();
        for (String mutation : mutations) {
            assertThat(classifications(postAs(TestUsers.READER, mutation))).as(mutation).containsExactly("FORBIDDEN");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theAuditLogIsForAdminsOnly() {
        var anonymous = postAs(null, "{ auditEvents { totalCount } }");
        assertThat(classifications(anonymous)).containsExactly("UNAUTHORIZED");
        assertThat(anonymous.toString()).contains("Sign in as an admin to read the audit");
        var reader = postAs(TestUsers.READER, "{ auditEvents { totalCount } }");
        assertThat(classifications(reader)).containsExactly("FORBIDDEN");
        assertThat(reader.toString()).contains("Only admins may read the audit; reader is not one");
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
        Fixtures f = fixtures();
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("file", new org.springframework.core.io.ByteArrayResource(
                ("mentorId,menteeId,kind\n" + f.mentor().id() + "," + f.mentee().id() + ",OTHER\n").getBytes()) {
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
        Fixtures f = fixtures();
        String before = snapshot();
        // The 南安市 school is in 泉州市, outside 仓山区 (350104).
        for (String mutation : List.of(
                "mutation { addPairing(input: {mentorId: \"%s\", menteeId: \"%s\", kind: OTHER}) { id } }"
                        .formatted(f.mentor().id(), f.quanzhou().id()),
                "mutation { updateSchool(id: \"%s\", input: {name: \"改名\"}) { id } }".formatted(f.quanzhou().id()),
                "mutation { createSchool(input: {name: \"泉州新校\", type: PRIMARY, regionCode: \"350500\"}) { id } }",
                "mutation { updateSchool(id: \"%s\", input: {regionCode: \"350500\"}) { id } }".formatted(f.mentee().id()),
                "mutation { importPairings(csv: \"mentorId,menteeId,kind\\n%s,%s,OTHER\\n\") { errors { row message } } }"
                        .formatted(f.mentor().id(), f.quanzhou().id()),
                // A school of theirs into a group of 泉州市: the group lies outside 仓山区 too.
                "mutation { addGroupMember(groupId: \"%s\", schoolId: \"%s\", role: MEMBER) { role } }"
                        .formatted(f.quanzhouGroup().id(), f.mentee().id()))) {
            Map<String, Object> response = postAs(TestUsers.CANGSHAN_ADMIN, mutation);
            if (mutation.contains("importPairings")) {
                assertThat(response.toString()).contains("row=2").contains(f.quanzhou().id()).contains("outside");
            } else {
                assertThat(classifications(response)).as(mutation).containsExactly("FORBIDDEN");
            }
        }
        assertThat(snapshot()).isEqualTo(before);

        as(TestUsers.CANGSHAN_ADMIN).document("""
                mutation($m: ID!, $e: ID!) { addPairing(input: {mentorId: $m, menteeId: $e, kind: TARGETED_SUPPORT}) {
                  createdBy mentee { name } } }""")
                .variable("m", f.mentor().id()).variable("e", f.mentee().id())
                .execute()
                .path("addPairing.createdBy").entity(String.class).isEqualTo("cangshan-admin")
                .path("addPairing.mentee.name").entity(String.class).isEqualTo("测试授权第二中学");
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
