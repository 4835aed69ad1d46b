package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Measures the bulk import of 10,000 pairings through the multipart upload, over HTTP,
 * against the test Neo4j: a dry run (every row checked), then the import itself. Not part
 * of `mvn test`; run with `mvn test -Pbench`. Prints its figures; asserts only that the
 * import did what it says.
 */
class ImportBenchmark extends IntegrationTest {

    private static final int ROWS = 10_000;
    private static final int SCHOOLS = 200;

    @BeforeEach
    void schools() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < SCHOOLS; i++) {
            rows.add(Map.of("id", "bench-%03d".formatted(i)));
        }
        graph.write("""
                MATCH (r:Region {code: '350104'})
                UNWIND $rows AS row
                MERGE (s:School {id: row.id})
                SET s.name = 'benchmark school ' + row.id, s.type = 'PRIMARY', s.ownership = 'PUBLIC', s.aliases = [], s.synthetic = true
                MERGE (s)-[:LOCATED_IN]->(r)""", Map.of("rows", rows));
    }

    @AfterEach
    void cleanUp() {
        graph.write("MATCH (p:Pairing)-[:MENTOR]->(s:School) WHERE s.id STARTS WITH 'bench-' DETACH DELETE p", Map.of());
        graph.write("MATCH (s:School) WHERE s.id STARTS WITH 'bench-' DETACH DELETE s", Map.of());
        removeWhatTestsWrote();
    }

    @Test
    void import10000Rows() {
        StringBuilder csv = new StringBuilder("\uFEFFmentorId,menteeId,kind,programId,startDate,note\r\n");
        int written = 0;
        for (int m = 0; m < SCHOOLS && written < ROWS; m++) {
            for (int e = 0; e < SCHOOLS && written < ROWS; e++) {
                if (m != e) {
                    csv.append("bench-%03d,bench-%03d,SPECIAL_DELIVERY_CLASSROOM,qz-5g-classroom,2022-09-01,\"同步课堂, 第%d班\"\r\n"
                            .formatted(m, e, written));
                    written++;
                }
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        System.gc();
        long heapBefore = usedHeap();

        long t0 = System.nanoTime();
        upload(bytes, true).expectStatus().isOk().expectBody().jsonPath("$.rowsRead").isEqualTo(ROWS);
        long dryMs = (System.nanoTime() - t0) / 1_000_000;

        long t1 = System.nanoTime();
        upload(bytes, false).expectStatus().isOk().expectBody().jsonPath("$.pairingsCreated").isEqualTo(ROWS);
        long importMs = (System.nanoTime() - t1) / 1_000_000;
        long heapAfter = usedHeap();

        assertThat(graph.read("""
                MATCH (p:Pairing)-[:MENTOR]->(s:School) WHERE s.id STARTS WITH 'bench-' RETURN count(p) AS n""", Map.of())
                .getFirst().get("n").asLong()).isEqualTo(ROWS);
        System.out.printf("%nBENCHMARK import of %d rows (%d KiB CSV) over HTTP multipart:%n", ROWS, bytes.length / 1024);
        System.out.printf("BENCHMARK   dry run (checks only): %d ms, %.0f rows/s%n", dryMs, ROWS * 1000.0 / dryMs);
        System.out.printf("BENCHMARK   import (checks + one transaction): %d ms, %.0f rows/s%n", importMs, ROWS * 1000.0 / importMs);
        System.out.printf("BENCHMARK   heap in use before %d MiB, after %d MiB (JVM of app and test Neo4j together)%n",
                heapBefore >> 20, heapAfter >> 20);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(byte[] csv, boolean dryRun) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(csv) {
            @Override
            public String getFilename() {
                return "bench.csv";
            }
        });
        body.add("dryRun", String.valueOf(dryRun));
        return http.mutate().responseTimeout(java.time.Duration.ofMinutes(5)).build()
                .post().uri("/import/pairings")
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body).exchange();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
