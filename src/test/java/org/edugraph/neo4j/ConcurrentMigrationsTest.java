package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import org.edugraph.EduGraphProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Instances starting together on one new database: all of them start, every migration is
 * applied once, and the lock is gone after; a lock left by an instance that died stops
 * start-up after the wait with a message that says how to clear it.
 */
class ConcurrentMigrationsTest {

    @TempDir
    Path dataDir;

    @Test
    void threeInstancesStartingAtOnceApplyEachMigrationOnce() throws Exception {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, 0, Duration.ofSeconds(10), "32m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
                var threads = Executors.newFixedThreadPool(3)) {
            Graph graph = new Graph(driver, properties());
            CyclicBarrier together = new CyclicBarrier(3);
            List<CompletableFuture<SchemaMigrations>> starts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                starts.add(CompletableFuture.supplyAsync(() -> {
                    await(together);
                    SchemaMigrations migrations = new SchemaMigrations(new StartupWork(graph, properties()), Duration.ofMinutes(5),
                            Duration.ofMinutes(2));
                    migrations.migrate();
                    return migrations;
                }, threads));
            }
            for (var start : starts) {
                start.get(); // none failed
            }
            assertThat(count(graph, "MATCH (m:__Migration) RETURN count(m) AS n")).isEqualTo(SchemaMigrations.load().size());
            assertThat(count(graph, "MATCH (m:__Migration) WITH m.version AS v, count(*) AS c WHERE c > 1 RETURN count(v) AS n"))
                    .isZero();
            assertThat(count(graph, "MATCH (l:__MigrationLock) RETURN count(l) AS n")).isZero();
            assertThat(count(graph, "SHOW CONSTRAINTS YIELD name WHERE name = 'school_id' RETURN count(*) AS n")).isEqualTo(1);
        }
    }

    @Test
    void aLockLeftByADeadInstanceStopsStartUpWithHowToClearIt() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, 0, Duration.ofSeconds(10), "32m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            Graph graph = new Graph(driver, properties());
            new SchemaMigrations(new StartupWork(graph, properties()), Duration.ofMinutes(5), Duration.ofSeconds(1)).migrate();
            graph.write("CREATE (:__MigrationLock {id: 'schema', owner: '4242@gone-host/dead', since: datetime()})", Map.of());
            assertThatThrownBy(() -> new SchemaMigrations(new StartupWork(graph, properties()), Duration.ofMinutes(5), Duration.ofSeconds(1))
                    .migrate())
                    .hasMessageStartingWith("Schema migrations are locked by 4242@gone-host/dead since ")
                    .hasMessageEndingWith("remove the lock with MATCH (l:__MigrationLock) DELETE l");
            graph.write("MATCH (l:__MigrationLock) DELETE l", Map.of());
            new SchemaMigrations(new StartupWork(graph, properties()), Duration.ofMinutes(5), Duration.ofSeconds(1)).migrate();
        }
    }

    private static EduGraphProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("edugraph", EduGraphProperties.class);
    }

    private static long count(Graph graph, String cypher) {
        return graph.read(cypher, Map.of()).getFirst().get("n").asLong();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
