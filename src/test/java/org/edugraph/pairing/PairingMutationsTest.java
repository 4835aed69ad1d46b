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
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admins add, end and remove pairings; bad ones are refused with a reason and change nothing. */
class PairingMutationsTest extends IntegrationTest {

    private static final String ADD = """
            mutation($input: AddPairingInput!) { addPairing(input: $input) {
              id kind active startDate endDate note createdAt createdBy
              mentor { id } mentee { id } program { id } } }""";

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void anAdminAddsAPairingThatReadersSeeAtOnce() {
        Instant before = Instant.now();
        var added = as(TestUsers.ADMIN).document(ADD).variable("input", Map.of(
                        "mentorId", "cs-fz16-ms", "menteeId", "cs-panyu-ms", "kind", "DEEP_ALLIANCE",
                        "programId", "cs-deep-alliance", "startDate", "2022-09-01", "note", "深度联盟"))
                .execute()
                .path("addPairing.createdBy").entity(String.class).isEqualTo("admin")
                .path("addPairing.active").entity(Boolean.class).isEqualTo(true)
                .path("addPairing.program.id").entity(String.class).isEqualTo("cs-deep-alliance")
                .path("addPairing.startDate").entity(String.class).isEqualTo("2022-09-01");
        String id = added.path("addPairing.id").entity(String.class).get();
        Instant createdAt = Instant.parse(added.path("addPairing.createdAt").entity(String.class).get());
        assertThat(createdAt).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));

        graphQl.document("{ program(id: \"cs-deep-alliance\") { pairings { totalCount edges { node { id mentee { name } } } } } }")
                .execute()
                .path("program.pairings.totalCount").entity(Integer.class).isEqualTo(1)
                .path("program.pairings.edges[0].node.id").entity(String.class).isEqualTo(id)
                .path("program.pairings.edges[0].node.mentee.name").entity(String.class).isEqualTo("福州市仓山区盘屿中学");
    }

    @Test
    void aSchoolCannotMentorItself() {
        assertRefused(Map.of("mentorId", "cs-panyu-ms", "menteeId", "cs-panyu-ms", "kind", "OTHER"),
                "BAD_REQUEST", "cannot mentor itself");
    }

    @Test
    void unknownSchoolsAndProgramsAreNotFoundNamingWhich() {
        assertRefused(Map.of("mentorId", "nope-mentor", "menteeId", "cs-panyu-ms", "kind", "OTHER"), "NOT_FOUND", "nope-mentor (mentorId)");
        assertRefused(Map.of("mentorId", "cs-fz16-ms", "menteeId", "nope-mentee", "kind", "OTHER"), "NOT_FOUND", "nope-mentee (menteeId)");
        assertRefused(Map.of("mentorId", "cs-fz16-ms", "menteeId", "cs-panyu-ms", "kind", "OTHER", "programId", "nope-program"),
                "NOT_FOUND", "nope-program (programId)");
    }

    @Test
    void anEndDateBeforeTheStartDateIsRefused() {
        assertRefused(Map.of("mentorId", "cs-fz16-ms", "menteeId", "cs-panyu-ms", "kind", "OTHER",
                "startDate", "2022-09-01", "endDate", "2022-08-31"), "BAD_REQUEST", "before startDate");
    }

    @Test
    void aSecondActivePairingOfTheSameSchoolsKindAndProgramIsAConflict() {
        Map<String, Object> input = Map.of("mentorId", "cs-jinxiuxiao", "menteeId", "cs-panyu-ms",
                "kind", "TARGETED_SUPPORT", "programId", "cs-targeted-support");
        // The seeds already hold this one (进修校 helps 盘屿中学).
        assertRefused(input, "CONFLICT", "exists for these dates");
        // Another kind, or no program, is another pairing.
        as(TestUsers.ADMIN).document(ADD).variable("input", Map.of("mentorId", "cs-jinxiuxiao", "menteeId", "cs-panyu-ms",
                "kind", "OTHER")).execute().path("addPairing.id").hasValue();
    }

    @Test
    void thirtyTwoIdenticalConcurrentAddsCreateExactlyOnePairing() throws Exception {
        String document = """
                mutation { addPairing(input: {mentorId: "cs-fz40-ms", menteeId: "cs-chengmen-ms", kind: ONE_TO_ONE}) { id } }""";
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
                MATCH (p:Pairing)-[:MENTOR]->(:School {id: 'cs-fz40-ms'}), (p)-[:MENTEE]->(:School {id: 'cs-chengmen-ms'})
                RETURN count(p) AS n""", Map.of()).getFirst().get("n").asLong()).isEqualTo(1);
    }

    @Test
    void anEndedPairingIsInactiveAndTheSameSchoolsMayPairAgain() {
        Map<String, Object> input = Map.of("mentorId", "cs-fz16-ms", "menteeId", "cs-luozhou-ms", "kind", "DEEP_ALLIANCE",
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
        assertThat(classifications(postAs(TestUsers.ADMIN, "mutation { addPairing(input: {mentorId: \"cs-fz16-ms\","
                + " menteeId: \"cs-luozhou-ms\", kind: DEEP_ALLIANCE, startDate: \"2020-09-01\"}) { id } }")))
                .containsExactly("CONFLICT");
        var again = new java.util.HashMap<>(input);
        again.put("startDate", "2021-09-01");
        as(TestUsers.ADMIN).document(ADD).variable("input", again).execute().path("addPairing.active").entity(Boolean.class).isEqualTo(true);
        graphQl.document("{ pairings(filter: {mentorId: \"cs-fz16-ms\", activeOn: \"2021-01-01\"}) { totalCount } }")
                .execute().path("pairings.totalCount").entity(Integer.class).isEqualTo(1);
        graphQl.document("{ pairings(filter: {mentorId: \"cs-fz16-ms\", activeOn: \"2022-01-01\"}) { totalCount } }")
                .execute().path("pairings.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aRemovedPairingIsGoneAndAnUnknownOneIsNotFound() {
        String id = as(TestUsers.ADMIN).document(ADD).variable("input", Map.of("mentorId", "cs-fz16-ms",
                "menteeId", "cs-luozhou-ms", "kind", "OTHER")).execute().path("addPairing.id").entity(String.class).get();
        as(TestUsers.ADMIN).document("mutation($id: ID!) { removePairing(id: $id) }").variable("id", id).execute()
                .path("removePairing").entity(String.class).isEqualTo(id);
        assertThat(classifications(post("{ pairing(id: \"" + id + "\") { id } }"))).containsExactly("NOT_FOUND");
        assertThat(classifications(postAs(TestUsers.ADMIN, "mutation { removePairing(id: \"" + id + "\") }")))
                .containsExactly("NOT_FOUND");
    }

    @Test
    void everySuccessfulChangeIsAuditedWithWhoWhenWhatBeforeAndAfter() {
        Instant start = Instant.now().minusSeconds(1);
        String id = as(TestUsers.ADMIN).document(ADD).variable("input", Map.of("mentorId", "cs-jinxiuxiao",
                "menteeId", "cs-luozhou-ms", "kind", "OTHER")).execute().path("addPairing.id").entity(String.class).get();
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
        var response = as(TestUsers.ADMIN).document(ADD).variable("input", input).execute();
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("classification", classification);
            assertThat(errors.getFirst().getMessage()).contains(message);
        });
        assertThat(graph.read("MATCH (p:Pairing) RETURN count(p) AS n", Map.of()).getFirst().get("n").asLong()).isEqualTo(pairings);
        assertThat(graph.read("MATCH (e:AuditEvent) RETURN count(e) AS n", Map.of()).getFirst().get("n").asLong()).isZero();
    }
}
