package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.edugraph.EduGraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * A store the embedded Neo4j cannot open stops start-up at once, with one line naming the
 * folder and Neo4j's reason. It used to take a minute and a half: Neo4j started without its
 * default database, the cause went to its debug.log only, and the driver retried "The database
 * is not currently available" until it gave up. Tests run as root here, where no permission
 * stops a write, so an unwritable folder is made by a file where a folder is expected.
 */
class StoreFailuresTest {

    /** Generous for a loaded 2-core machine: it took 15 s there, 96 s before the store was checked. */
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(75);

    @TempDir
    Path dataDir;

    @Test
    void aDamagedStoreStopsTheApplicationWithinSecondsWithOneLine() throws Exception {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, 0, Duration.ofSeconds(30), "32m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            driver.executableQuery("CREATE (:Probe)").execute();
        }
        // Garbled as by a disk error or a copy interrupted half-way.
        byte[] garbage = new byte[64 * 1024];
        new Random(9).nextBytes(garbage);
        Files.write(dataDir.resolve("data/databases/neo4j/neostore"), garbage);

        String java = ProcessHandle.current().info().command().orElse("java");
        long started = System.nanoTime();
        Process app = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EduGraphApplication.class.getName(), "--edugraph.data-dir=" + dataDir,
                "--edugraph.neo4j.bolt-port=0", "--server.port=0")
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (java.io.IOException e) {
                output.add("(output ended: " + e + ")");
            }
        });
        boolean exited = app.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!exited) {
            app.destroyForcibly().waitFor();
        }
        reader.join(Duration.ofSeconds(10));
        String text = String.join("\n", output);
        assertThat(exited).as("exited within %s; output:%n%s", EXIT_WITHIN, text).isTrue();
        assertThat(app.exitValue()).isNotZero();
        assertThat(output).as("one line names the folder and the cause").contains("edugraph.data-dir="
                + dataDir.toAbsolutePath().normalize() + ": Neo4j cannot open the store there: "
                + "Failed to read current store version: Failed to load data from legacy metadata store");
        assertThat(text).contains("APPLICATION FAILED TO START", "logs/debug.log")
                .doesNotContain("will be retried");
        System.out.printf("The application stopped %d s after it was started on a damaged store%n", took.toSeconds());
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefusedAtOnce() throws Exception {
        Path file = Files.writeString(dataDir.resolve("data-dir"), "not a folder");
        long started = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedNeo4j.start(file, 0, Duration.ofSeconds(30), "32m"))
                .isInstanceOf(EmbeddedStoreException.class)
                .hasMessage("edugraph.data-dir=" + file + " is not a folder EduGraph can write: it is a file, not a folder");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aDatabaseFolderNeo4jCannotCreateStopsTheStart() throws Exception {
        Path databases = Files.createDirectories(dataDir.resolve("data/databases"));
        Files.writeString(databases.resolve("neo4j"), "not a folder");
        assertThatThrownBy(() -> EmbeddedNeo4j.start(dataDir, 0, Duration.ofSeconds(30), "32m"))
                .isInstanceOf(EmbeddedStoreException.class)
                .hasMessage("edugraph.data-dir=" + dataDir + ": Neo4j cannot open the store there: Unable to write "
                        + "directory path [" + databases.resolve("neo4j") + "] for Neo4j store: "
                        + "FileAlreadyExistsException: " + databases.resolve("neo4j"));
        // Nothing is left running on the folder: a start after the fix opens it.
        Files.delete(databases.resolve("neo4j"));
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, 0, Duration.ofSeconds(30), "32m")) {
            assertThat(neo4j.boltPort()).isPositive();
        }
    }
}
