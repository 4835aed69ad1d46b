package org.edugraph.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestSchools;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Admins add, end and remove pairings; bad ones are refused with a reason and change nothing.
 * Between fictional schools of 仓山区 made by each test, never the reports' schools.
 */
class PairingMutationsTest extends IntegrationTest {

    private static final String ADD = """
            mutation($input: AddPairingInput!) { addPairing(input: $input) {
              id kind active startDate endDate note createdAt createdBy
              mentor { id } mentee { id } program { id } } }""";

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    /** Three fictional schools of 仓山区 (so that its region-scoped admin may change their pairings). */
    private record Schools(TestSchools.School first, TestSchools.School second, TestSchools.School third) {
    }

    private Schools schools() {
        return new Schools(testSchools.school("测试第一中学", TestSchools.CANGSHAN),
                testSchools.school("测试第二中学", TestSchools.CANGSHAN),
                testSchools.school("测试第三中学", TestSchools.CANGSHAN));
    }

    @Test
    void anAdminAddsAPairingThatReadersSeeAtOnce() {
        Schools s = schools();
        TestSchools.Program program = testSchools.program("测试深度联盟", TestSchools.CANGSHAN);
        Instant before = Instant.now();
        var added = as(TestUsers.ADMIN).document(ADD).variable("input", Map.of(
                        "mentorId", s.first().id(), "menteeId", s.second().id(), "kind", "DEEP_ALLIANCE",
                        "programId", program.id(), "startDate", "2022-09-01", "note", "深度联盟"))
                .execute()
                .path("addPairing.createdBy").entity(String.class).isEqualTo("admin")
                .path("addPairing.active").entity(Boolean.class).isEqualTo(true)
                .path("addPairing.program.id").entity(String.class).isEqualTo(program.id())
                .path("addPairing.startDate").entity(String.class).isEqualTo("2022-09-01");
        String id = added.path("addPairing.id").entity(String.class).get();
        Instant createdAt = Instant.parse(added.path("addPairing.createdAt").entity(String.class).get());
        assertThat(createdAt).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));

        graphQl.document("query($id: ID!) { program(id: $id) { pairings { totalCount edges { node { id mentee { name } } } } } }")
                .variable("id", program.id())
                .execute()
                .path("program.pairings.totalCount").entity(Integer.class).isEqualTo(1)
                .path("program.pairings.edges[0].node.id").entity(String.class).isEqualTo(id)
                .path("program.pairings.edges[0].node.mentee.name").entity(String.class).isEqualTo("测试第二中学");
    }

    @Test
    void aSchoolCannotMentorItself() {
        String school = schools().second().id();
        assertRefused(Map.of("mentorId", school, "menteeId", school, "kind", "OTHER"),
                "BAD_REQUEST", "cannot mentor itself");
    }

    @Test
    void unknownSchoolsAndProgramsAreNotFoundNamingWhich() {
        Schools s = schools();
        assertRefused(Map.of("mentorId", "nope-mentor", "menteeId", s.second().id(), "kind", "OTHER"), "NOT_FOUND", "nope-mentor (mentorId)");
        assertRefused(Map.of("mentorId", s.first().id(), "menteeId", "nope-mentee", "kind", "OTHER"), "NOT_FOUND", "nope-mentee (menteeId)");
        assertRefused(Map.of("mentorId", s.first().id(), "menteeId", s.second().id(), "kind", "OTHER", "programId", "nope-program"),
                "NOT_FOUND", "nope-program (programId)");
    }

    @Test
    void anEndDateBeforeTheStartDateIsRefused() {
        Schools s = schools();
        assertRefused(Map.of("mentorId", s.first().id(), "menteeId", s.second().id(), "kind", "OTHER",
                "startDate", "2022-09-01", "endDate", "2022-08-31"), "BAD_REQUEST", "before startDate");
    }

    @Test
    void aSecondActivePairingOfTheSameSchoolsKindAndProgramIsAConflict() {
        Schools s = schools();
        TestSchools.Program program = testSchools.program("测试定向帮扶", TestSchools.CANGSHAN);
        Map<String, Object> input = Map.of("mentorId", s.third().id(), "menteeId", s.second().id(),
                "kind", "TARGETED_SUPPORT", "programId", program.id());
        // An active pairing of these schools, kind and program exists already.
        as(TestUsers.ADMIN).document(ADD).variable("input", input).execute().path("addPairing.id").hasValue();
        assertRefused(input, "CONFLICT", "exists for these dates");
        // Another kind, or no program, is another pairing.
        as(TestUsers.ADMIN).document(ADD).variable("input", Map.of("mentorId", s.third().id(), "menteeId", s.second().id(),
                "kind", "OTHER")).execute().path("addPairing.id").hasValue();
    }

    @Test
    void thirtyTwoIdenticalConcurrentAddsCreateExactlyOnePairing() throws Exception {
        Schools s = schools();
        String document = """
                mutation { addPairing(input: {mentorId: "%s", menteeId: "%s", kind: ONE_TO_ONE}) { id } }"""
                .formatted(s.first().id(), s.third().id());
        int requests = 32;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<String>>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            calls.add(() -> {
                start.await();
                Map<String, Object> response = postAs(TestUsers.ADMIN, document);
                return classifications(response).isEmpty() ? List.of("CREATED") : classifications(response);
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            List<Future<List<String>>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<List<String>> f : futures) {
                outcomes.addAll(f.get());
            }
        }
        assertThat(outcomes).filteredOn("CREATED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("CONFLICT"::equals).hasSize(requests - 1);
        assertThat(graph.read("""
                MATCH (p:Pairing)-[:MENTOR]->(:School {id: $mentor}), (p)-[:MENTEE]->(:School {id: $mentee})
                RETURN count(p) AS n""", Map.of("mentor", s.first().id(), "mentee", s.third().id())).getFirst().get("n").asLong()).isEqualTo(1);
    }

    @Test
    void anEndedPairingIsInactiveAndTheSameSchoolsMayPairAgain() {
        Schools s = schools();
        Map<String, Object> input = Map.of("mentorId", s.first().id(), "menteeId", s.third().id(), "kind", "DEEP_ALLIANCE",
                "startDate", "2020-09-01");
        String id = as(TestUsers.ADMIN).document(ADD).variable("input", input).execute()
                .path("addPairing.id").entity(String.class).get();
        assertThat(classifications(postAs(TestUsers.ADMIN,
                "mutation { endPairing(id: \"" + id + "\", endDate: \"2019-01-01\") { id } }"))).containsExactly("BAD_REQUEST");
        as(TestUsers.ADMIN).document("mutation($id: ID!) { endPairing(id: $id, endDate: \"2021-07-01\") { active endDate } }")
                .variable("id", id).execute()
                .path("endPairing.active").entity(Boolean.class).isEqualTo(false)
                .path("endPairing.endDate").entity(String.class).isEqualTo("2021-07-01");
        assertThat(classifications(postAs(TestUsers.ADMIN,
                "mutation { endPairing(id: \"" + id + "\", endDate: \"2021-08-01\") { id } }"))).containsExactly("CONFLICT");
        // Pairing again for dates the ended one covered would say the same thing twice; after its end, it may.
        assertThat(classifications(postAs(TestUsers.ADMIN, "mutation { addPairing(input: {mentorId: \"" + s.first().id() + "\","
                + " menteeId: \"" + s.third().id() + "\", kind: DEEP_ALLIANCE, startDate: \"2020-09-01\"}) { id } }")))
                .containsExactly("CONFLICT");
        var again = new java.util.HashMap<>(input);
        again.put("startDate", "2021-09-01");
        as(TestUsers.ADMIN).document(ADD).variable("input", again).execute().path("addPairing.active").entity(Boolean.class).isEqualTo(true);
        graphQl.document("query($id: ID!) { pairings(filter: {mentorId: $id, activeOn: \"2021-01-01\"}) { totalCount } }")
                .variable("id", s.first().id()).execute().path("pairings.totalCount").entity(Integer.class).isEqualTo(1);
        graphQl.document("query($id: ID!) { pairings(filter: {mentorId: $id, activeOn: \"2022-01-01\"}) { totalCount } }")
                .variable("id", s.first().id()).execute().path("pairings.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aRemovedPairingIsGoneAndAnUnknownOneIsNotFound() {
        Schools s = schools();
        String id = as(TestUsers.ADMIN).document(ADD).variable("input", Map.of("mentorId", s.first().id(),
                "menteeId", s.third().id(), "kind", "OTHER")).execute().path("addPairing.id").entity(String.class).get();
        as(TestUsers.ADMIN).document("mutation($id: ID!) { removePairing(id: $id) }").variable("id", id).execute()
                .path("removePairing").entity(String.class).isEqualTo(id);
        assertThat(classifications(post("{ pairing(id: \"" + id + "\") { id } }"))).containsExactly("NOT_FOUND");
        assertThat(classifications(postAs(TestUsers.ADMIN, "mutation { removePairing(id: \"" + id + "\") }")))
                .containsExactly("NOT_FOUND");
    }

    @Test
    void everySuccessfulChangeIsAuditedWithWhoWhenWhatBeforeAndAfter() {
        Instant start = Instant.now().minusSeconds(1);
        Schools s = schools(); // made after start: their createSchool records are not before it
        String id = as(TestUsers.ADMIN).document(ADD).variable("input", Map.of("mentorId", s.third().id(),
                "menteeId", s.first().id(), "kind", "OTHER")).execute().path("addPairing.id").entity(String.class).get();
        as(TestUsers.ADMIN).document("mutation($id: ID!) { endPairing(id: $id, endDate: \"2030-01-01\") { id } }")
                .variable("id", id).execute();
        as(TestUsers.CANGSHAN_ADMIN).document("mutation($id: ID!) { removePairing(id: $id) }").variable("id", id).execute();
        postAs(TestUsers.ADMIN, "mutation { removePairing(id: \"" + id + "\") }"); // refused: not audited

        var events = as(TestUsers.ADMIN).document("""
                query($from: DateTime) { auditEvents(filter: {from: $from, targetId: "%s"}) {
                  totalCount edges { node { user action targetType before after at } } } }""".formatted(id))
                .variable("from", start.toString()).execute();
        events.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(3)
                .path("auditEvents.edges[*].node.action").entityList(String.class)
                .containsExactly("addPairing", "endPairing", "removePairing")
                .path("auditEvents.edges[*].node.user").entityList(String.class)
                .containsExactly("admin", "admin", "cangshan-admin")
                .path("auditEvents.edges[0].node.before").valueIsNull()
                .path("auditEvents.edges[1].node.after").entity(String.class).satisfies(after -> assertThat(after).contains("2030-01-01"))
                .path("auditEvents.edges[2].node.after").valueIsNull();
        as(TestUsers.ADMIN).document("{ auditEvents(filter: {user: \"cangshan-admin\"}) { totalCount } }").execute()
                .path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1);
        as(TestUsers.ADMIN).document("query($to: DateTime) { auditEvents(filter: {to: $to}) { totalCount } }")
                .variable("to", start.toString()).execute()
                .path("auditEvents.totalCount").entity(Integer.class).isEqualTo(0);
    }

    private void assertRefused(Map<String, Object> input, String classification, String message) {
        long pairings = graph.read("MATCH (p:Pairing) RETURN count(p) AS n", Map.of()).getFirst().get("n").asLong();
        long audited = graph.read("MATCH (e:AuditEvent) RETURN count(e) AS n", Map.of()).getFirst().get("n").asLong();
        var response = as(TestUsers.ADMIN).document(ADD).variable("input", input).execute();
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("classification", classification);
            assertThat(errors.getFirst().getMessage()).contains(message);
        });
        assertThat(graph.read("MATCH (p:Pairing) RETURN count(p) AS n", Map.of()).getFirst().get("n").asLong()).isEqualTo(pairings);
        // Not audited: the records are only those of what the test made before (its schools, a first pairing).
        assertThat(graph.read("MATCH (e:AuditEvent) RETURN count(e) AS n", Map.of()).getFirst().get("n").asLong()).isEqualTo(audited);
    }
}
