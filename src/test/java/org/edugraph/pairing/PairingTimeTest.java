package org.edugraph.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import org.edugraph.support.ClockedIntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One model of time: a pairing's activity and the uniqueness of identical pairings follow
 * from its dates and today's date in China, on the application's clock, never from a key
 * taken when it was written. The test's own schools, on a clock set to 2031.
 */
class PairingTimeTest extends ClockedIntegrationTest {

    private static final String A = "time-test-a";
    private static final String B = "time-test-b";

    @BeforeEach
    void schoolsAndNoon() {
        clock.set(Instant.parse("2031-06-01T04:00:00Z")); // 12:00 on 1 June in China
        assertThat(postAs(TestUsers.ADMIN, "mutation { importSchools(csv: \"id,name,type,regionCode\\n" + A
                + ",时间测试学校甲,PRIMARY,350583\\n" + B + ",时间测试学校乙,PRIMARY,350583\\n\") { schoolsCreated } }"))
                .doesNotContainKey("errors");
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void aPlannedEndDoesNotBlockTheSchoolsForeverAndAnEndedPairingStaysEnded() {
        String first = add("kind: OTHER, startDate: \"2031-03-01\", endDate: \"2031-06-30\"");
        assertThat(active(first)).isTrue();
        assertThat(error(addPairing("kind: OTHER, startDate: \"2031-06-15\"")))
                .isEqualTo("CONFLICT: A OTHER pairing of mentor time-test-a and mentee time-test-b exists for these dates: pairing "
                        + first + " of the same mentor, mentee, kind and program runs 2031-03-01 to 2031-06-30, overlapping these dates");
        String second = add("kind: OTHER, startDate: \"2031-07-01\""); // starts after the first ends: allowed now, not only later

        clock.set(Instant.parse("2031-07-15T04:00:00Z"));
        assertThat(active(first)).isFalse();
        assertThat(active(second)).isTrue();
        assertThat(error(postAs(TestUsers.ADMIN, "mutation { endPairing(id: \"" + first + "\", endDate: \"2031-07-20\") { id } }")))
                .isEqualTo("CONFLICT: Pairing " + first + " already ended on 2031-06-30");
        assertThat(postAs(TestUsers.ADMIN, "mutation { endPairing(id: \"" + second + "\", endDate: \"2031-07-31\") { endDate } }")
                .toString()).contains("endDate=2031-07-31");
    }

    @Test
    void endingOnAFutureDateKeepsThePairingActiveAndUniqueUntilThen() {
        String running = add("kind: TARGETED_SUPPORT");
        assertThat(postAs(TestUsers.ADMIN, "mutation { endPairing(id: \"" + running + "\", endDate: \"2031-12-31\") { active endDate } }").toString()).contains("active=true").contains("endDate=2031-12-31");
        assertThat(error(addPairing("kind: TARGETED_SUPPORT, startDate: \"2031-09-01\""))).startsWith("CONFLICT: ")
                .contains("runs (no start) to 2031-12-31");
        add("kind: TARGETED_SUPPORT, startDate: \"2032-01-01\"");
        // Moving the planned end later again would overlap the pairing from 2032: refused, like a new one.
        assertThat(error(postAs(TestUsers.ADMIN, "mutation { endPairing(id: \"" + running + "\", endDate: \"2032-03-01\") { id } }")))
                .startsWith("CONFLICT: Pairing " + running + " cannot run until 2032-03-01");
    }

    @Test
    void aDayEndsAtMidnightInChinaWhateverTheServersZone() {
        String pairing = add("kind: OTHER, startDate: \"2031-01-01\", endDate: \"2031-12-31\"");
        clock.set(Instant.parse("2031-12-31T15:59:00Z")); // 23:59 on 31 December in China, 15:59 in UTC
        assertThat(active(pairing)).isTrue();
        clock.set(Instant.parse("2031-12-31T16:00:00Z")); // 00:00 on 1 January in China, still 31 December in UTC
        assertThat(active(pairing)).isFalse();
    }

    @Test
    void identicalPairingsAddedAtOnceForOverlappingDatesMakeOne() throws Exception {
        int writers = 8;
        CyclicBarrier together = new CyclicBarrier(writers);
        List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                String start = "2031-0" + (1 + i % 8) + "-01"; // different starts, all open-ended: all overlap
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return addPairing("kind: DEEP_ALLIANCE, startDate: \"" + start + "\"");
                }, threads));
            }
        }
        List<String> outcomes = answers.stream().map(CompletableFuture::join)
                .map(r -> r.containsKey("errors") ? classifications(r).getFirst() : "CREATED").toList();
        assertThat(outcomes).containsOnly("CREATED", "CONFLICT").containsOnlyOnce("CREATED");
        assertThat(graph.read("MATCH (p:Pairing)-[:MENTOR]->(:School {id: $a}) RETURN count(p) AS n", Map.of("a", A))
                .getFirst().get("n").asLong()).isOne();
        assertThat(graph.read("MATCH (e:AuditEvent {action: 'addPairing'}) RETURN count(e) AS n", Map.of())
                .getFirst().get("n").asLong()).isOne();
    }

    @Test
    void anImportRefusesRowsOverlappingEachOtherOrAPairingOfTheGraph() {
        String existing = add("kind: OTHER, startDate: \"2031-03-01\", endDate: \"2031-06-30\"");
        String csv = "mentorId,menteeId,kind,programId,startDate,note\\n"
                + A + "," + B + ",OTHER,,2031-06-30,\\n" // row 2: touches the existing pairing's last day
                + B + "," + A + ",OTHER,,2031-01-01,\\n" // row 3
                + B + "," + A + ",OTHER,,2031-05-01,\\n" // row 4: overlaps row 3 (open end)
                + A + "," + B + ",TARGETED_SUPPORT,,,\\n"; // row 5: fine
        String report = postAs(TestUsers.ADMIN, "mutation { importPairings(csv: \"" + csv + "\") { pairingsCreated errors { row message } } }").toString();
        assertThat(report).contains("pairingsCreated=0")
                .contains("{row=2, message=pairing " + existing + " of the same mentor, mentee, kind and program runs"
                        + " 2031-03-01 to 2031-06-30, overlapping these dates}")
                .contains("{row=4, message=the same pairing as row 3, for overlapping dates (2031-01-01 to (no end) and"
                        + " 2031-05-01 to (no end))}")
                .doesNotContain("row=3").doesNotContain("row=5");
    }

    /** The rule in Cypher, as the writes use it, answers as the rule in Java for random ranges. */
    @Test
    void theCypherRuleAgreesWithTheJavaRule() {
        Random random = new Random(2031);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            LocalDate[] a = range(random);
            LocalDate[] b = range(random);
            Map<String, Object> c = new HashMap<>();
            c.put("aStart", a[0]);
            c.put("aEnd", a[1]);
            c.put("bStart", b[0]);
            c.put("bEnd", b[1]);
            c.put("expected", PairingActivity.overlap(a[0], a[1], b[0], b[1]));
            cases.add(c);
        }
        var disagreeing = graph.read("""
                UNWIND $cases AS c
                WITH c, {startDate: c.aStart, endDate: c.aEnd} AS p
                WITH c, %s AS overlap
                WHERE overlap <> c.expected
                RETURN count(*) AS n""".formatted(PairingActivity.overlapCypher("p", "c.bStart", "c.bEnd")),
                Map.of("cases", cases));
        assertThat(disagreeing.getFirst().get("n").asLong()).isZero();
        assertThat(cases.stream().filter(c -> (boolean) c.get("expected")).count()).as("both answers occur").isBetween(200L, 1800L);
    }

    private static LocalDate[] range(Random random) {
        LocalDate start = random.nextInt(4) == 0 ? null : LocalDate.of(2031, 1, 1).plusDays(random.nextInt(60));
        LocalDate end = random.nextInt(4) == 0 ? null
                : (start == null ? LocalDate.of(2031, 1, 1) : start).plusDays(random.nextInt(40));
        return new LocalDate[] {start, end};
    }

    private String add(String fields) {
        Map<String, Object> response = addPairing(fields);
        assertThat(response).as(fields).doesNotContainKey("errors");
        return response.toString().replaceAll("(?s).*id=(p-[0-9a-f-]+).*", "$1");
    }

    private Map<String, Object> addPairing(String fields) {
        return postAs(TestUsers.ADMIN, "mutation { addPairing(input: {mentorId: \"" + A + "\", menteeId: \"" + B + "\", " + fields + "}) { id } }");
    }

    private boolean active(String id) {
        return postAs(null, "{ pairing(id: \"" + id + "\") { active } }").toString().contains("active=true");
    }

    @SuppressWarnings("unchecked")
    private static String error(Map<String, Object> response) {
        var errors = (List<Map<String, Object>>) response.get("errors");
        assertThat(errors).as(response.toString()).hasSize(1);
        return classifications(response).getFirst() + ": " + errors.getFirst().get("message");
    }
}
