package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.edugraph.EduGraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * /actuator/health is what a load balancer or an orchestrator asks: when the database cannot
 * answer it must say DOWN with HTTP 503, and say it in seconds, before the asker gives up.
 */
class DatabaseHealthTest {

    /** edugraph.neo4j.health-timeout (3 s), and room for a loaded machine. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(8);

    @TempDir
    Path dataDir;

    @Test
    void healthIsDownWhenTheEmbeddedDatabaseHasStopped() {
        try (ConfigurableApplicationContext app = start("--edugraph.data-dir=" + dataDir, "--edugraph.neo4j.bolt-port=0")) {
            WebTestClient http = client(app);
            health(http, 200, "UP");
            app.getBean(EmbeddedNeo4j.class).close();
            answersWithin(() -> health(http, 503, "DOWN"), "database stopped");
        }
    }

    @Test
    void healthIsDownWithinSecondsWhenTheServerDoesNotAnswer() throws Exception {
        assumeTrue(new ProcessBuilder("kill", "-0", String.valueOf(ProcessHandle.current().pid())).start().waitFor() == 0,
                "needs kill(1) to freeze the server");
        String password = UUID.randomUUID().toString();
        Process server = standaloneNeo4j(password);
        try {
            String uri = readyAt(server);
            try (ConfigurableApplicationContext app = start("--spring.neo4j.uri=" + uri,
                    "--spring.neo4j.authentication.username=" + EmbeddedNeo4j.USER,
                    "--spring.neo4j.authentication.password=" + password)) {
                WebTestClient http = client(app);
                health(http, 200, "UP");
                // The server process is frozen: its port accepts, nothing answers. Without a bound
                // the check waited for the driver's read timeout, two minutes.
                assertThat(new ProcessBuilder("kill", "-STOP", String.valueOf(server.pid())).start().waitFor()).isZero();
                answersWithin(() -> health(http, 503, "DOWN"), "server frozen");
                // Asked again while the first check still hangs: the same answer as soon.
                answersWithin(() -> health(http, 503, "DOWN"), "server frozen, asked again");
                server.destroyForcibly().waitFor();
            }
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void answersWithin(Runnable ask, String what) {
        long asked = System.nanoTime();
        ask.run();
        Duration took = Duration.ofNanos(System.nanoTime() - asked);
        System.out.printf("Health answered DOWN (503) in %d ms: %s%n", took.toMillis(), what);
        assertThat(took).isLessThan(ANSWER_WITHIN);
    }

    private Process standaloneNeo4j(String password) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StandaloneNeo4j.class.getName(), dataDir.toString()).redirectErrorStream(true);
        builder.environment().put("EDUGRAPH_NEO4J_PASSWORD", password);
        return builder.start();
    }

    /** The server's Bolt URI once it is ready; its further output is drained so that it never blocks. */
    private static String readyAt(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(StandaloneNeo4j.READY)) {
                Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));
                return line.substring(StandaloneNeo4j.READY.length());
            }
            seen.add(line);
        }
        throw new IllegalStateException("the Neo4j process ended before it was ready: " + String.join("\n", seen));
    }

    private static ConfigurableApplicationContext start(String... more) {
        // Neither seeds nor the gazetteer (44,702 divisions, seconds of a fresh store's start): what is checked is
        // how health answers once the database stops answering, whatever the graph holds.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--edugraph.seeds.enabled=false",
                "--edugraph.gazetteer.enabled=false"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(EduGraphApplication.class).run(arguments.toArray(String[]::new));
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static void health(WebTestClient http, int status, String neo4j) {
        http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.status").isEqualTo(neo4j).jsonPath("$.components.neo4j.status").isEqualTo(neo4j);
    }
}
