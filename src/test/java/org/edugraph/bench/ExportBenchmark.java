package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.edugraph.seed.GeneratedNetworkWriter;
import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Measures the file exports of a generated network of 20,000 schools and 40,000
 * pairings (with its groups and programs), over HTTP, against the test Neo4j: each
 * format is downloaded once to warm up, then three times measured. Prints edges (rows)
 * per second and the heap in use (after a collection) before, two thirds into a
 * download, and after. Not part of `mvn test`; run with
 * `mvn test -Pbench -Dtest=ExportBenchmark`. Asserts only that every file is whole.
 */
class ExportBenchmark extends IntegrationTest {

    private static final String DATASET = "bench-export";
    private static final String REGION = "T-BENCH-EXPORT";
    private static final int RUNS = 3;

    private long edges;
    private long pairings;

    @BeforeEach
    void network() {
        graph.write("MERGE (r:Region {code: $code}) SET r.name = '导出基准测试县', r.level = 'COUNTY', r.official = false",
                Map.of("code", REGION));
        var spec = new NetworkGenerator.Spec(DATASET, "bexp-", 20_000, 40_000, 2022,
                List.of(new NetworkGenerator.County(REGION, "导出基准测试县", null)), LocalDate.now());
        long t0 = System.nanoTime();
        new GeneratedNetworkWriter(graph).write(NetworkGenerator.generate(spec));
        System.out.printf("%nBENCHMARK export: network of 20,000 schools and 40,000 pairings written in %d s%n",
                (System.nanoTime() - t0) / 1_000_000_000);
        var counts = graph.read("""
                MATCH (r:Region {code: $code})
                RETURN COUNT { (p:Pairing {dataset: $dataset}) } AS pairings,
                       COUNT { (p:Pairing {dataset: $dataset}) } + COUNT { (:School {dataset: $dataset})-[:MEMBER_OF]->() }
                       + COUNT { (:School {dataset: $dataset})-[:PARTICIPATES_IN]->() } AS edges""",
                Map.of("code", REGION, "dataset", DATASET)).getFirst();
        pairings = counts.get("pairings").asLong();
        edges = counts.get("edges").asLong();
    }

    @AfterEach
    void remove() {
        new GeneratedNetworkWriter(graph).remove(DATASET);
        graph.write("MATCH (r:Region {code: $code}) DETACH DELETE r", Map.of("code", REGION));
    }

    @Test
    void exportAGeneratedNetwork() throws IOException {
        String network = "?regionCode=" + REGION + "&includeGroups=true&includePrograms=true";
        measure("GraphML", "/export/network.graphml" + network, "<edge ", edges);
        measure("GEXF", "/export/network.gexf" + network, "<edge ", edges);
        measure("CSV", "/export/pairings.csv?bom=false&regionCode=" + REGION, "\r\n", pairings + 1);
    }

    private void measure(String format, String path, String per, long expected) throws IOException {
        download(path, per, Long.MAX_VALUE);
        long before = heapAfterGc();
        long[] mid = new long[1];
        double best = 0;
        long bytes = 0;
        for (int run = 1; run <= RUNS; run++) {
            long t0 = System.nanoTime();
            long[] counted = run == RUNS ? download(path, per, bytes * 2 / 3, () -> mid[0] = heapAfterGc()) : download(path, per, Long.MAX_VALUE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(counted[0]).as(format + " records").isEqualTo(expected);
            bytes = counted[1];
            double rate = expected / seconds;
            best = Math.max(best, rate);
            System.out.printf("BENCHMARK export %-7s run %d: %,d %s, %.1f MiB in %.2f s: %,.0f per s%n", format, run, expected,
                    per.equals("\r\n") ? "lines" : "edges", bytes / 1048576.0, seconds, rate);
        }
        long after = heapAfterGc();
        System.out.printf("BENCHMARK export %-7s best %,.0f per s; heap in use before %d MiB, two thirds into the last download %d MiB, after %d MiB%n",
                format, best, before >> 20, mid[0] >> 20, after >> 20);
    }

    private long[] download(String path, String per, long atByte) throws IOException {
        return download(path, per, atByte, () -> { });
    }

    /** Downloads as fast as it can, counting occurrences of {@code per}; returns {count, bytes}. */
    private long[] download(String path, String per, long atByte, Runnable atThatByte) throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL().openConnection();
        assertThat(http.getResponseCode()).isEqualTo(200);
        byte[] pattern = per.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        long bytes = 0;
        int matched = 0;
        boolean called = false;
        try (InputStream in = http.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    // The patterns have no repeated prefix, so a mismatch restarts at this byte.
                    matched = buffer[i] == pattern[matched] ? matched + 1 : buffer[i] == pattern[0] ? 1 : 0;
                    if (matched == pattern.length) {
                        count++;
                        matched = 0;
                    }
                }
                bytes += n;
                if (!called && bytes >= atByte) {
                    called = true;
                    atThatByte.run();
                }
            }
        }
        return new long[] {count, bytes};
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
