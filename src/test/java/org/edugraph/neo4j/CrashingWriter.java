package org.edugraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** Run in a child JVM by {@link EmbeddedModeTest}: commits one node, says so, and waits to be killed. */
public final class CrashingWriter {

    static final String WRITTEN = "CRASH-PROBE-WRITTEN";

    public static void main(String[] args) throws InterruptedException {
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(Path.of(args[0]), 0, Duration.ofSeconds(30), "64m");
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            driver.executableQuery("CREATE (:CrashProbe {value: 'committed before kill -9'})").execute();
        }
        System.out.println(WRITTEN);
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }
}
