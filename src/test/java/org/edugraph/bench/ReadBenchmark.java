package org.edugraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNetwork;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read benchmark of issue 8: the running service over HTTP with concurrent clients
 * (16 by default), on a generated network of 20,000 schools and 40,000 pairings, each
 * operation beside the same answer asked as one raw Cypher statement through the driver
 * with as many concurrent sessions, in the same run. Prints per operation: requests per
 * second, p50 and p99, Cypher statements and transactions per request, the raw
 * statement's requests per second and the ratio; then heap and RSS of the JVM (service
 * and test Neo4j together). Not part of `mvn test`:
 * {@code mvn test -Pbench -Dtest=ReadBenchmark [-Dbench.clients=16 -Dbench.seconds=10 -Dbench.only=a,b,networkStats]}.
 * Asserts only that every answer is a real one (no errors, rows where rows are expected).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadBenchmark extends IntegrationTest {

    private static final int SCHOOLS = Integer.getInteger("bench.schools", 20_000);
    private static final int PAIRINGS = Integer.getInteger("bench.pairings", 40_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 4);

    @Autowired
    private Driver driver;

    private NetworkGenerator.Network network;

    @BeforeAll
    void generate() {
        long t0 = System.nanoTime();
        network = TestNetwork.create(graph, SCHOOLS, PAIRINGS, 2022, TestNetwork.counties(10, 10));
        System.out.printf("%nBENCHMARK wrote %d schools, %d groups, %d pairings in %d ms%n", network.schools().size(),
                network.groups().size(), network.pairings().size(), (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    void remove() {
        graph.write("MATCH (p:Pairing {note: $note}) DETACH DELETE p", Map.of("note", ReadOperations.NOTE));
        graph.write("MATCH (e:AuditEvent) WHERE e.user = $user DELETE e", Map.of("user", TestUsers.ADMIN.name()));
        TestNetwork.remove(graph);
    }

    @Test
    void reads() throws Exception {
        String program = graph.read("""
                MATCH (p:Program) WHERE p.synthetic IS NULL
                RETURN p.id AS id, COUNT { (p)<-[:PARTICIPATES_IN]-() } AS n ORDER BY n DESC, id LIMIT 1""", Map.of())
                .getFirst().get("id").asString();
        var counties = TestNetwork.counties(10, 10);
        var operations = ReadOperations.all(new ReadOperations.Network(
                network.schools().stream().map(NetworkGenerator.School::id).toList(),
                counties.stream().map(NetworkGenerator.County::code).toList(),
                counties.stream().map(NetworkGenerator.County::parentCode).distinct().toList(), program));
        var load = new ReadOperations.Load("http://localhost:" + port, TestUsers.ADMIN.name(), TestUsers.ADMIN.password(),
                driver, CLIENTS, SECONDS, WARM_UP_SECONDS, graph::statementsRun, graph::transactionsRun);
        System.gc();
        long heapBefore = usedHeap();
        long rssBefore = rss();
        System.out.printf("BENCHMARK %d clients, %d s per operation after %d s of warm-up%n", CLIENTS, SECONDS, WARM_UP_SECONDS);
        List<String> table = new ArrayList<>(List.of(ReadOperations.Load.header()));
        List<String> only = List.of(System.getProperty("bench.only", "").split(","));
        for (var op : operations) {
            if (only.equals(List.of("")) || only.stream().anyMatch(op.name()::startsWith)) {
                String line = load.measure(op);
                System.out.println("BENCHMARK " + line);
                table.add(line);
            }
        }
        System.gc();
        String memory = "heap in use %d MiB before, %d MiB after; RSS %d MiB before, %d MiB after (service and test Neo4j in one JVM)"
                .formatted(heapBefore >> 20, usedHeap() >> 20, rssBefore >> 20, rss() >> 20);
        System.out.println("BENCHMARK " + memory);
        table.forEach(line -> System.out.println("BENCHMARK " + line));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
