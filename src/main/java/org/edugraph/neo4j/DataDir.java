package org.edugraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.layout.recordstorage.RecordDatabaseLayout;

/**
 * The folder the embedded Neo4j keeps its files in ({@code edugraph.data-dir}) and the marker
 * EduGraph leaves there once a store has been opened in it. Neo4j creates an empty store in a
 * folder that holds none, so a store lost to a wrong mount, a restore gone astray or a deleted
 * {@code data/} folder would come back as an empty graph, seeded again, with nothing said; the
 * marker tells such a folder from a new one.
 *
 * @param home the folder given to Neo4j as its home
 */
record DataDir(Path home) {

    /** The marker's name, in {@link #home}. */
    static final String MARKER = "edugraph-data-dir.marker";
    private static final String WRITTEN_AT = "written-at: ";

    DataDir {
        home = home.toAbsolutePath().normalize();
    }

    Path marker() {
        return home.resolve(MARKER);
    }

    /**
     * The file whose presence makes Neo4j open the default database's store rather than create
     * one: {@code data/databases/neo4j/neostore} under the home (Neo4j's own test, in its layout).
     */
    Path store() {
        return RecordDatabaseLayout.of(Neo4jLayout.of(home), GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                .pathForExistsMarker();
    }

    /**
     * Makes sure the folder exists and can be written before Neo4j is started in it: Neo4j's
     * own failure comes after some two thousand lines of its logging's errors (it cannot
     * create {@code logs/} either).
     */
    void requireWritable() {
        String why;
        try {
            Files.createDirectories(home);
            Files.delete(Files.createTempFile(home, ".edugraph-write-check", ""));
            return;
        } catch (FileAlreadyExistsException e) {
            why = "it is a file, not a folder";
        } catch (IOException e) {
            why = Files.isDirectory(home) ? "cannot create a file in it (" + e.getClass().getSimpleName() + ")"
                    : EmbeddedStoreException.causeOf(e);
        }
        throw new EmbeddedStoreException("edugraph.data-dir=" + home + " is not a folder EduGraph can write: " + why,
                "Point edugraph.data-dir to a folder this user may create and write in, or make " + home + " one.",
                null);
    }

    /** Neo4j could not open the store in this folder; {@code failure} is Neo4j's exception. */
    EmbeddedStoreException cannotOpen(Throwable failure) {
        return new EmbeddedStoreException("edugraph.data-dir=" + home + ": Neo4j cannot open the store there: "
                + EmbeddedStoreException.causeOf(failure),
                "Check that this user may write every file under " + home + " and that no other process uses it. "
                        + "If the store's files are damaged, restore the folder from a backup, or point "
                        + "edugraph.data-dir to another folder. Neo4j's own log: " + home.resolve("logs/debug.log") + ".",
                failure);
    }

    /** Refuses a folder that held a store, by its marker, and holds none now: Neo4j would start it empty. */
    void refuseIfStoreGone() {
        if (Files.exists(marker()) && !Files.isRegularFile(store())) {
            throw new EmbeddedStoreException("edugraph.data-dir=" + home + " held a store (marker written "
                    + markerWritten() + ") but it is gone (no " + home.relativize(store())
                    + "); restore it, or delete the marker to start with an empty graph",
                    "Restore the store into " + home + " (the folder data/ beside the marker), or point "
                            + "edugraph.data-dir to where it is; to start with an empty graph on purpose, delete "
                            + marker() + ".",
                    null);
        }
    }

    /** Leaves the marker once the store is open; an existing one keeps the time of the first. */
    void mark(Instant now) {
        if (Files.exists(marker())) {
            return;
        }
        String text = """
                This folder holds EduGraph's Neo4j store (edugraph.data-dir), in %s.
                If the store is missing while this file is here, EduGraph refuses to start rather than
                start with an empty graph: restore the store, or delete this file to start empty.
                %s%s
                """.formatted(home.relativize(store()).getParent(), WRITTEN_AT, now.truncatedTo(ChronoUnit.SECONDS));
        try {
            Files.writeString(marker(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker(), e);
        }
    }

    /** When the marker says it was written, else when the file was last changed. */
    private String markerWritten() {
        try {
            Optional<Instant> written = Files.readAllLines(marker(), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(WRITTEN_AT))
                    .map(line -> Instant.parse(line.substring(WRITTEN_AT.length()).strip()))
                    .findFirst();
            return written.orElse(Files.getLastModifiedTime(marker()).toInstant()).toString();
        } catch (IOException | DateTimeParseException e) {
            return "at an unknown time";
        }
    }
}
