package org.edugraph.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.edugraph.neo4j.Graph;
import org.edugraph.security.RegionScope;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * A file larger than one statement's batch ({@code edugraph.imports.batch-size}, 100 in the
 * tests): written in several statements of one transaction, each created node stamped with
 * the import's id, and still all or nothing when its last statement fails. Uses schools and
 * a region of its own, never the seeds'.
 */
class LargeImportTest extends IntegrationTest {

    private static final int SCHOOLS = 30;
    private static final int ROWS = IMPORT_BATCH * 4 + 50;
    /** The note of the file's last row; every row's note differs. */
    private static final String LAST_NOTE = "测试-最后一行";

    @Autowired
    private Driver driver;

    @BeforeEach
    void schools() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < SCHOOLS; i++) {
            rows.add(Map.of("id", school(i)));
        }
        graph.write("""
                MATCH (fujian:Region {code: '350000'})
                MERGE (r:Region {code: 'T-LARGE'}) SET r.name = '大文件测试县', r.level = 'COUNTY', r.official = false
                MERGE (r)-[:PART_OF]->(fujian)
                WITH r
                UNWIND $rows AS row
                CREATE (s:School {id: row.id, name: '大文件测试学校' + row.id, type: 'PRIMARY', ownership: 'PUBLIC', aliases: []})
                CREATE (s)-[:LOCATED_IN]->(r)""", Map.of("rows", rows));
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
        graph.write("MATCH (r:Region {code: 'T-LARGE'}) DETACH DELETE r", Map.of());
    }

    @Test
    void aFileOfSeveralBatchesIsWrittenWholeEachPairingCarryingItsImportsId() {
        EntityExchangeResult<byte[]> result = uploadAsAdmin("/import/pairings", "pairings.csv", csv(ROWS).getBytes(StandardCharsets.UTF_8)).expectStatus().isOk().expectBody()
                .jsonPath("$.pairingsCreated").isEqualTo(ROWS).returnResult();
        assertThat(result.getResponseBody()).isNotNull();

        var audit = graph.read("""
                MATCH (e:AuditEvent {action: 'importPairings'}) RETURN e.targetId AS importId, e.after AS after""", Map.of());
        assertThat(audit).hasSize(1);
        String importId = audit.getFirst().get("importId").asString();
        assertThat(importId).startsWith("import-");
        assertThat(audit.getFirst().get("after").asString()).contains("\"rows\":" + ROWS).doesNotContain("NotListed");
        assertThat(graph.read("""
                MATCH (p:Pairing)-[:MENTOR]->(:School)-[:LOCATED_IN]->(:Region {code: 'T-LARGE'})
                RETURN count(p) AS all, count(CASE WHEN p.importId = $importId THEN 1 END) AS stamped""",
                Map.of("importId", importId)).getFirst().asMap())
                .containsEntry("all", (long) ROWS).containsEntry("stamped", (long) ROWS);
    }

    @Test
    void aPairingAddedByAnotherWriterDuringTheImportStopsItWithNothingWritten() throws Exception {
        // The file's last row, made by another writer (as addPairing does: mentor locked, then created) that has not
        // committed yet: the import's checks cannot see it; inside its transaction the import waits on that mentor's lock
        // until the writer commits, then finds the pairing and fails, with nothing of the file written.
        String csv = csv(ROWS);
        String[] last = csv.strip().substring(csv.strip().lastIndexOf('\n') + 1).split(",");
        try (Session session = driver.session(); Transaction other = session.beginTransaction()) {
            other.run(RegionScope.LOCK.formatted("School"), Map.of("ids", List.of(last[0]))).consume();
            other.run("""
                    MATCH (a:School {id: $mentor}), (b:School {id: $mentee})
                    CREATE (p:Pairing {id: 'test-large-other', kind: 'OTHER'})-[:MENTOR]->(a), (p)-[:MENTEE]->(b)""",
                    Map.of("mentor", last[0], "mentee", last[1])).consume();
            HttpClient client = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> running = client.sendAsync(plainUpload(csv), HttpResponse.BodyHandlers.ofString());
            awaitBlockedTransaction(running);
            other.commit();
            HttpResponse<String> result = running.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(result.statusCode()).as(result.body()).isEqualTo(409);
            assertThat(result.body()).contains("CONFLICT").contains("nothing was imported");
        }
        assertThat(graph.read("""
                MATCH (p:Pairing)-[:MENTOR]->(:School)-[:LOCATED_IN]->(:Region {code: 'T-LARGE'}) RETURN collect(p.id) AS ids""",
                Map.of()).getFirst().get("ids").asList()).containsExactly("test-large-other");
        assertThat(graph.read("MATCH (e:AuditEvent {action: 'importPairings'}) RETURN count(e) AS n", Map.of())
                .getFirst().get("n").asLong()).isZero();
    }

    @Test
    void aFailureOfTheLastStatementAfterFourBatchesWereWrittenLeavesNothing() {
        // The database refuses the last batch (a uniqueness rule on notes that only the last row breaks, made for this
        // test): the four batches before it, written in the same transaction, go with it.
        graph.write("""
                MATCH (a:School {id: $mentor}), (b:School {id: $mentee})
                CREATE (p:Pairing {id: 'test-large-blocker', kind: 'OTHER', note: $note})-[:MENTOR]->(a), (p)-[:MENTEE]->(b)""",
                Map.of("mentor", school(SCHOOLS - 1), "mentee", school(0), "note", LAST_NOTE));
        graph.write(Graph.Write.autoCommit(Duration.ofMinutes(1)),
                tx -> tx.run("CREATE CONSTRAINT large_import_test_note IF NOT EXISTS FOR (p:Pairing) REQUIRE p.note IS UNIQUE",
                        Map.of()));
        try {
            uploadAsAdmin("/import/pairings", "pairings.csv", csv(ROWS).getBytes(StandardCharsets.UTF_8))
                    .expectStatus().isEqualTo(409).expectBody(String.class)
                    .value(body -> assertThat(body).contains("CONFLICT").contains("nothing was imported"));
        } finally {
            graph.write(Graph.Write.autoCommit(Duration.ofMinutes(1)),
                    tx -> tx.run("DROP CONSTRAINT large_import_test_note IF EXISTS", Map.of()));
        }
        assertThat(graph.read("""
                MATCH (p:Pairing)-[:MENTOR]->(:School)-[:LOCATED_IN]->(:Region {code: 'T-LARGE'}) RETURN collect(p.id) AS ids""",
                Map.of()).getFirst().get("ids").asList()).containsExactly("test-large-blocker");
        assertThat(graph.read("MATCH (e:AuditEvent {action: 'importPairings'}) RETURN count(e) AS n", Map.of())
                .getFirst().get("n").asLong()).isZero();
    }

    /** Waits until a transaction of the database is blocked by another's lock: the import, at its last statement. */
    private void awaitBlockedTransaction(CompletableFuture<?> running) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(running).as("the import ended before it was blocked").isNotDone();
            try (Session session = driver.session()) {
                boolean blocked = session.run("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n")
                        .single().get("n").asLong() > 0;
                if (blocked) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import never waited on the other writer");
    }

    /** The upload as a browser's form would post it, for a client that does not block a test thread. */
    private HttpRequest plainUpload(String csv) {
        String boundary = "----edugraph-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\nfalse\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pairings.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/import/pairings"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.ADMIN.name() + ":" + TestUsers.ADMIN.password()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static String school(int i) {
        return "test-large-%02d".formatted(i);
    }

    /** {@code rows} distinct pairings of the test schools, the last one always between the last two schools. */
    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder("mentorId,menteeId,kind,programId,startDate,note\n");
        int written = 0;
        for (int m = 0; m < SCHOOLS && written < rows - 1; m++) {
            for (int e = 0; e < SCHOOLS && written < rows - 1; e++) {
                if (m != e && !(m == SCHOOLS - 2 && e == SCHOOLS - 1)) {
                    csv.append(school(m)).append(',').append(school(e)).append(",OTHER,,2024-09-01,测试").append(written)
                            .append('\n');
                    written++;
                }
            }
        }
        csv.append(school(SCHOOLS - 2)).append(',').append(school(SCHOOLS - 1)).append(",OTHER,,2024-09-01,").append(LAST_NOTE)
                .append('\n');
        return csv.toString();
    }

}
