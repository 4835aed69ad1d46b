package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edugraph.neo4j.Graph;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Measures the bulk imports through the multipart upload, over HTTP, against the test
 * Neo4j: 10,000 pairings, and 10,000 schools (`-Dbench.schoolRows=N` for another number)
 * into a region made for the run; each a dry run (every row checked), then the import
 * itself. Not part of `mvn test`; run with `mvn test -Pbench`. Prints its figures;
 * asserts only that the import did what it says.
 */
class ImportBenchmark extends IntegrationTest {

    private static final int ROWS = 10_000;

    /** The service's own batch size, not the tests' small one, so that the figures are the service's. */
    @org.springframework.test.context.DynamicPropertySource
    static void serviceBatches(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("edugraph.imports.batch-size", () -> "10000");
    }
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
        graph.write("MATCH (r:Region {code: 'T-BENCH'}) DETACH DELETE r", Map.of());
        removeWhatTestsWrote();
    }

    @Test
    void import10000Rows() {
        // A program of the benchmark's own: ten thousand pairings under a real one would be as many false statements.
        String program = testSchools.program("基准测试专递课堂", "350104").id();
        StringBuilder csv = new StringBuilder("\uFEFFmentorId,menteeId,kind,programId,startDate,note\r\n");
        int written = 0;
        for (int m = 0; m < SCHOOLS && written < ROWS; m++) {
            for (int e = 0; e < SCHOOLS && written < ROWS; e++) {
                if (m != e) {
                    csv.append("bench-%03d,bench-%03d,SPECIAL_DELIVERY_CLASSROOM,%s,2022-09-01,\"同步课堂, 第%d班\"\r\n"
                            .formatted(m, e, program, written));
                    written++;
                }
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        System.gc();
        long heapBefore = usedHeap();

        long t0 = System.nanoTime();
        upload("/import/pairings", bytes, true).expectStatus().isOk().expectBody().jsonPath("$.rowsRead").isEqualTo(ROWS);
        long dryMs = (System.nanoTime() - t0) / 1_000_000;

        long t1 = System.nanoTime();
        upload("/import/pairings", bytes, false).expectStatus().isOk().expectBody().jsonPath("$.pairingsCreated").isEqualTo(ROWS);
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

    @Test
    void importSchools() {
        int rows = Integer.getInteger("bench.schoolRows", 10_000);
        graph.write("""
                MATCH (fujian:Region {code: '350000'})
                MERGE (r:Region {code: 'T-BENCH'}) SET r.name = '基准测试区', r.level = 'COUNTY', r.official = false
                MERGE (r)-[:PART_OF]->(fujian)""", Map.of());
        StringBuilder csv = new StringBuilder("\uFEFFid,name,aliases,type,ownership,regionCode,nationalCode\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("bench-s%06d,\"基准测试第%d小学, 东校区\",基准%d小|测试%d小,PRIMARY,PUBLIC,T-BENCH,39%08d\r\n"
                    .formatted(i, i, i, i, i));
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        upload("/import/schools", bytes, true).expectStatus().isOk().expectBody().jsonPath("$.rowsRead").isEqualTo(rows);
        long dryMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        upload("/import/schools", bytes, false).expectStatus().isOk().expectBody().jsonPath("$.schoolsCreated").isEqualTo(rows);
        long importMs = (System.nanoTime() - t1) / 1_000_000;

        assertThat(graph.read("MATCH (s:School)-[:LOCATED_IN]->(:Region {code: 'T-BENCH'}) RETURN count(s) AS n", Map.of())
                .getFirst().get("n").asLong()).isEqualTo(rows);
        System.out.printf("%nBENCHMARK import of %d schools (%d KiB CSV) over HTTP multipart:%n", rows, bytes.length / 1024);
        System.out.printf("BENCHMARK   dry run (checks only): %d ms, %.0f rows/s%n", dryMs, rows * 1000.0 / dryMs);
        System.out.printf("BENCHMARK   import (checks + one transaction): %d ms, %.0f rows/s%n", importMs, rows * 1000.0 / importMs);
    }

    /**
     * What placing schools by their town costs an import of {@code bench.townRows} (100,000) schools: the same
     * rows in the same real counties, once with only their regionCode and once with their town as well (its full
     * name, 陈埭镇, which the import looks up in the gazetteer and checks lies in the county), each a dry run and
     * then the import, twice in turn (A B A B), the schools removed after each; the difference is the lookup's.
     */
    @Test
    void townLookupInAnImportOf100000Schools() {
        int rows = Integer.getInteger("bench.townRows", 100_000);
        var gazetteer = org.edugraph.seed.GazetteerCounties.read(org.edugraph.seed.GazetteerCounties.FILE);
        // Towns whose name is one town's in its county, spread over every county of China.
        Map<String, Long> perCounty = new java.util.HashMap<>();
        gazetteer.towns().forEach(t -> perCounty.merge(t.parent() + "/" + t.name(), 1L, Long::sum));
        List<org.edugraph.region.Gazetteer.Division> towns = gazetteer.towns().stream()
                .filter(t -> perCounty.get(t.parent() + "/" + t.name()) == 1 && !t.code().endsWith("000")).toList();
        StringBuilder byRegion = new StringBuilder("\uFEFFid,name,aliases,type,ownership,regionCode,nationalCode,town\r\n");
        StringBuilder byTown = new StringBuilder(byRegion);
        java.util.Set<String> counties = new java.util.HashSet<>();
        java.util.Set<String> distinctTowns = new java.util.HashSet<>();
        for (int i = 0; i < rows; i++) {
            var town = towns.get((int) ((i * 7919L) % towns.size()));
            counties.add(town.parent());
            distinctTowns.add(town.code());
            String row = "bench-t%06d,\"基准测试%s第%d小学\",,PRIMARY,PUBLIC,%s,,".formatted(i, town.name(), i, town.parent());
            byRegion.append(row).append("\r\n");
            byTown.append(row).append(town.name()).append("\r\n");
        }
        byte[] a = byRegion.toString().getBytes(StandardCharsets.UTF_8);
        byte[] b = byTown.toString().getBytes(StandardCharsets.UTF_8);
        System.out.printf("%nBENCHMARK import of %,d schools in %,d real counties, by regionCode only (A, %,d KiB) and with their"
                + " town (B, %,d KiB; %,d distinct towns), dry run then import, A B A B:%n", rows, counties.size(),
                a.length / 1024, b.length / 1024, distinctTowns.size());
        for (int round = 1; round <= 2; round++) {
            for (boolean withTown : new boolean[] {false, true}) {
                byte[] csv = withTown ? b : a;
                long t0 = System.nanoTime();
                upload("/import/schools", csv, true).expectStatus().isOk().expectBody().jsonPath("$.errors.length()").isEqualTo(0);
                long dryMs = (System.nanoTime() - t0) / 1_000_000;
                long t1 = System.nanoTime();
                upload("/import/schools", csv, false).expectStatus().isOk().expectBody().jsonPath("$.schoolsCreated").isEqualTo(rows);
                long importMs = (System.nanoTime() - t1) / 1_000_000;
                long placedByTown = graph.read("""
                        MATCH (s:School)-[l:LOCATED_IN]->() WHERE s.id STARTS WITH 'bench-t' AND l.town IS NOT NULL
                        RETURN count(s) AS n""", Map.of()).getFirst().get("n").asLong();
                assertThat(placedByTown).isEqualTo(withTown ? rows : 0);
                System.out.printf("BENCHMARK   %s round %d: dry run %,d ms, import %,d ms (%.0f rows/s)%n", withTown ? "B town" : "A code",
                        round, dryMs, importMs, rows * 1000.0 / importMs);
                graph.write(Graph.Write.autoCommit(java.time.Duration.ofMinutes(10)), tx -> tx.run("""
                        MATCH (s:School) WHERE s.id STARTS WITH 'bench-t'
                        CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF 10000 ROWS""", Map.of()));
                graph.write("MATCH (e:AuditEvent {action: 'importSchools'}) DELETE e", Map.of());
            }
        }
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(String path, byte[] csv,
            boolean dryRun) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(csv) {
            @Override
            public String getFilename() {
                return "bench.csv";
            }
        });
        body.add("dryRun", String.valueOf(dryRun));
        return http.mutate().responseTimeout(java.time.Duration.ofMinutes(5)).build()
                .post().uri(path)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body).exchange();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
