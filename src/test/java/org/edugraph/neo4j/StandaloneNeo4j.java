package org.edugraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link DatabaseHealthTest}: a real Neo4j server in a process of its
 * own, which the test can freeze (SIGSTOP) as a hung server or a cut network would be.
 */
public final class StandaloneNeo4j {

    static final String READY = "STANDALONE-NEO4J-READY ";

    public static void main(String[] args) throws InterruptedException {
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(Path.of(args[0]), 0, Duration.ofSeconds(30), "64m",
                System.getenv("EDUGRAPH_NEO4J_PASSWORD"));
        System.out.println(READY + neo4j.boltUri());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(10));
    }
}
