package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.edugraph.neo4j.EmbeddedNeo4j;
import org.edugraph.read.Field;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The compiled statement of a school's page, run the two ways the embedded default could run
 * it: through the driver over Bolt on loopback (today), and in this process through the
 * database's own API (no Bolt). Same statement, same parameters, same answer; 1 thread, then
 * 16. Not part of `mvn test`: `mvn test -Pbench -Dtest=InProcessReadBenchmark`.
 */
class InProcessReadBenchmark extends IntegrationTest {

    @Autowired
    Driver driver;

    @Test
    void theSchoolPageStatementOverBoltAndInProcess() throws Exception {
        EmbeddedNeo4j neo4j = TestNeo4j.inProcess().orElseThrow(() -> new IllegalStateException("needs the in-process test Neo4j"));
        var compiled = org.edugraph.read.CompiledReadsForBench.schoolPage("cs-panyu-ms");
        String cypher = compiled.getKey();
        Map<String, Object> parameters = compiled.getValue();
        Callable<Object> bolt = overBolt(driver, cypher, parameters);
        var db = neo4j.database();
        Callable<Object> inProcess = () -> db.executeTransactionally(cypher, parameters,
                result -> result.next().get("result"));
        assertThat(inProcess.call()).isEqualTo(bolt.call());
        measure("Bolt (driver)", bolt);
        measure("in process", inProcess);
    }

    /** The statement through the driver's own managed read transaction over Bolt: its {@code result}. */
    static Callable<Object> overBolt(Driver driver, String cypher, Map<String, Object> parameters) {
        return () -> {
            try (var session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
                return session.executeRead(tx -> tx.run(cypher, parameters).single().get("result").asObject());
            }
        };
    }

    /** Prints one way's time per statement alone and its statements per second from 16 clients. */
    static void measure(String way, Callable<Object> call) throws Exception {
        for (int i = 0; i < 3000; i++) {
            call.call(); // warm up
        }
        int n = 5000;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            call.call();
        }
        double oneClient = (System.nanoTime() - started) / 1e3 / n;
        double perSecond = throughput(call, 16, Duration.ofSeconds(8));
        System.out.printf("BENCHMARK school page statement, %s: 1 client %.0f µs per statement; 16 clients %.0f statements/s%n",
                way, oneClient, perSecond);
    }

    private static double throughput(Callable<Object> call, int clients, Duration run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + run.toNanos();
        List<Future<Long>> counts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            counts.add(pool.submit(() -> {
                long done = 0;
                while (System.nanoTime() < end) {
                    call.call();
                    done++;
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        return total / (double) run.toSeconds();
    }
}
