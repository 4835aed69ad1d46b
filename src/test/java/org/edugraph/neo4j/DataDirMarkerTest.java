package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.edugraph.EduGraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

/**
 * A data folder whose store is gone (a wrong mount, a restore gone astray, a deleted data/
 * folder) stops start-up with one line, where Neo4j would create an empty store and the
 * service would run on an empty graph; a new folder still starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataDirMarkerTest {

    @TempDir
    Path dataDir;

    @Test
    void aFolderThatLostItsStoreIsRefusedUntilTheMarkerIsDeleted(CapturedOutput output) throws Exception {
        Path marker = dataDir.resolve("edugraph-data-dir.marker");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (EmbeddedNeo4j neo4j = start()) {
            write(neo4j, "CREATE (:Probe {value: 'kept'})");
        }
        assertThat(marker).isRegularFile();
        String markerText = Files.readString(marker);
        assertThat(markerText).contains("holds EduGraph's Neo4j store", "delete this file to start empty");
        Instant written = Instant.parse(markerText.lines().filter(l -> l.startsWith("written-at: ")).findFirst()
                .orElseThrow().substring("written-at: ".length()));
        assertThat(written).isBetween(before, Instant.now());

        // A restart finds the store, and the marker keeps the time it was first written.
        try (EmbeddedNeo4j neo4j = start()) {
            assertThat(count(neo4j)).isEqualTo(1);
        }
        assertThat(Files.readString(marker)).isEqualTo(markerText);

        FileSystemUtils.deleteRecursively(dataDir.resolve("data"));
        String[] arguments = {"--edugraph.data-dir=" + dataDir, "--edugraph.neo4j.bolt-port=0", "--server.port=0"};
        assertThatThrownBy(() -> new SpringApplicationBuilder(EduGraphApplication.class).run(arguments))
                .hasRootCauseInstanceOf(EmbeddedStoreException.class);
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START",
                "edugraph.data-dir=" + dataDir.toAbsolutePath().normalize() + " held a store (marker written " + written
                        + ") but it is gone (no data/databases/neo4j/neostore); restore it, or delete the marker"
                        + " to start with an empty graph",
                "to start with an empty graph on purpose, delete " + marker.toAbsolutePath().normalize());
        assertThat(dataDir.resolve("data/databases/neo4j")).as("no empty store created in its place").doesNotExist();

        // Deleting the marker is the operator's way to say an empty graph is meant.
        Files.delete(marker);
        try (EmbeddedNeo4j neo4j = start()) {
            assertThat(count(neo4j)).isZero();
        }
        assertThat(marker).isRegularFile();
    }

    @Test
    void aNewFolderStartsAndIsMarked() {
        Path fresh = dataDir.resolve("new/data-dir");
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(fresh, 0, Duration.ofSeconds(30), "32m")) {
            assertThat(count(neo4j)).isZero();
        }
        assertThat(fresh.resolve("edugraph-data-dir.marker")).isRegularFile();
    }

    private EmbeddedNeo4j start() {
        return EmbeddedNeo4j.start(dataDir, 0, Duration.ofSeconds(30), "32m");
    }

    private static void write(EmbeddedNeo4j neo4j, String cypher) {
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            driver.executableQuery(cypher).execute();
        }
    }

    private static long count(EmbeddedNeo4j neo4j) {
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            return driver.executableQuery("MATCH (p:Probe) RETURN count(p) AS n").execute()
                    .records().getFirst().get("n").asLong();
        }
    }
}
