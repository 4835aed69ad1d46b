package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edugraph.EduGraphProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The embedded server's db.transaction.timeout (edugraph.neo4j.query-timeout) is only a
 * default: a transaction that asks for a longer one (an export, edugraph.export.timeout)
 * gets it, while every ordinary statement keeps the query timeout. Checked on an embedded
 * Neo4j of its own whose timeout is 1 s.
 */
class ExportTransactionTimeoutTest {

    /** Counts for tens of seconds unless it is stopped. */
    private static final String BUSY = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*) AS n";

    @TempDir
    Path dataDir;

    @Test
    void anExportsTransactionOutlivesTheServersDefaultWhileOrdinaryReadsKeepIt() {
        EduGraphProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("edugraph.neo4j.query-timeout", "1s"))).bindOrCreate("edugraph", EduGraphProperties.class);
        Duration queryTimeout = properties.neo4j().queryTimeout();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, 0, queryTimeout, "16m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            Graph graph = new Graph(driver, properties);

            long started = System.nanoTime();
            assertThatThrownBy(() -> graph.read(BUSY, Map.of()))
                    .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code()).contains("TransactionTimedOut"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stopped near its 1 s").isLessThan(Duration.ofSeconds(20));

            // Open for 2.5 s, over the server's 1 s: the 30 s asked for is what counts.
            List<Long> read = new ArrayList<>();
            graph.stream(Duration.ofSeconds(30), tx -> {
                tx.stream("RETURN 1 AS n", Map.of(), r -> read.add(r.get("n").asLong()));
                pause(Duration.ofMillis(2500));
                tx.stream("RETURN 2 AS n", Map.of(), r -> read.add(r.get("n").asLong()));
            });
            assertThat(read).containsExactly(1L, 2L);

            // The same with 1 s asked for is stopped: the pause does count against a transaction's time.
            assertThatThrownBy(() -> graph.stream(Duration.ofSeconds(1), tx -> {
                tx.stream("RETURN 1 AS n", Map.of(), r -> { });
                pause(Duration.ofMillis(2500));
                tx.stream("RETURN 2 AS n", Map.of(), r -> { });
            })).isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code()).contains("TransactionTimedOut"));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
