package org.edugraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.edugraph.neo4j.EmbeddedNeo4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The one real Neo4j of a test JVM: the server {@code NEO4J_URI} names; else a
 * Testcontainers Neo4j when a Docker engine answers; else the in-process Neo4j the
 * application itself embeds. Never a mock and never an in-memory fake.
 */
public final class TestNeo4j {

    private static final Logger log = LoggerFactory.getLogger(TestNeo4j.class);
    /** The image used when Docker is there; override with -Dedugraph.test.neo4j-image. */
    private static final String IMAGE = System.getProperty("edugraph.test.neo4j-image", "neo4j:2026.08.1");

    private static volatile Server server;
    private static volatile EmbeddedNeo4j inProcess;

    /** Where the tests' Neo4j listens, and how to sign in to it. */
    public record Server(String uri, String username, String password, String kind) {

        /** The command-line arguments that point an application at this server, credentials included. */
        public java.util.List<String> arguments() {
            var arguments = new java.util.ArrayList<>(java.util.List.of("--spring.neo4j.uri=" + uri));
            if (password != null) {
                arguments.add("--spring.neo4j.authentication.username=" + username);
                arguments.add("--spring.neo4j.authentication.password=" + password);
            }
            return arguments;
        }
    }

    private TestNeo4j() {
    }

    public static Server get() {
        if (server == null) {
            synchronized (TestNeo4j.class) {
                if (server == null) {
                    server = start();
                    log.info("Tests use {} Neo4j at {}", server.kind(), server.uri());
                }
            }
        }
        return server;
    }

    private static Server start() {
        String uri = System.getenv("NEO4J_URI");
        if (uri != null && !uri.isBlank()) {
            return new Server(uri, System.getenv().getOrDefault("NEO4J_USERNAME", "neo4j"),
                    System.getenv("NEO4J_PASSWORD"), "external");
        }
        if (dockerAvailable()) {
            Neo4jContainer container = new Neo4jContainer(IMAGE).withoutAuthentication();
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Server(container.getBoltUrl(), null, null, "Testcontainers");
        }
        EmbeddedNeo4j embedded = embedded();
        inProcess = embedded;
        return new Server(embedded.boltUri(), EmbeddedNeo4j.USER, embedded.password(), "in-process");
    }

    /** The tests' Neo4j when it runs in this JVM, for what only an in-process database allows; else empty. */
    public static java.util.Optional<EmbeddedNeo4j> inProcess() {
        get();
        return java.util.Optional.ofNullable(inProcess);
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static EmbeddedNeo4j embedded() {
        try {
            Path home = Files.createTempDirectory("edugraph-test-neo4j");
            EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, Duration.ofSeconds(30), "128m");
            Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
            return neo4j;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
