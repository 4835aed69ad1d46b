package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.edugraph.EduGraphApplication;
import org.edugraph.support.ChildApplication;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The default way to run EduGraph: no spring.neo4j.uri, so Neo4j runs in-process with
 * Bolt on 127.0.0.1 and its files under edugraph.data-dir, surviving restarts and kill -9.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedModeTest {

    @TempDir
    Path dataDir;

    /**
     * Four starts of one data folder: the service in a JVM of its own with a fixed Bolt
     * password (EDUGRAPH_NEO4J_PASSWORD, as for Neo4j Browser), killed with kill -9 once it
     * answers; then in this JVM with the same password twice (after the kill, and after a clean
     * stop), then with none. Each start answers; the fixed password signs in to Bolt while it
     * is configured and no longer once it is not. The second start used to stop the application
     * ("Old password and new password cannot be the same").
     */
    @Test
    void startsWithTheSeedsAgainAndAgainWithAFixedBoltPasswordEvenAfterAKill9(CapturedOutput output, @TempDir Path logs)
            throws Exception {
        String fixed = "browser-" + java.util.UUID.randomUUID();
        try (ChildApplication child = ChildApplication.start(logs.resolve("child.log"),
                java.util.List.of("-Xmx512m"), "--edugraph.data-dir=" + dataDir, "--edugraph.neo4j.bolt-port=0",
                "--server.port=0", "--edugraph.neo4j.password=" + fixed)) {
            int port = child.awaitPort(Duration.ofMinutes(3));
            WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            assertThat(post(http, "{ searchSchools(text: \"盘屿\") { name } }")).contains("福州市仓山区盘屿中学");
            child.kill();
        }

        long schools;
        try (ConfigurableApplicationContext app = start("--edugraph.neo4j.password=" + fixed)) {
            WebTestClient http = client(app);
            // No EDUGRAPH_ADMIN_PASSWORD here: a password is generated, logged once, and works.
            Matcher logged = Pattern.compile("password of user 'admin' for this run is (\\S+)").matcher(output.getOut());
            assertThat(logged.find()).isTrue();
            String password = logged.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(logged.find()).as("logged once").isFalse();
            http.post().uri("/graphql").headers(h -> h.setBasicAuth("admin", password)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "mutation { createSchool(input: {name: \"新学校\", type: PRIMARY, regionCode: \"350104\"}) { id } }"))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.createSchool.id").exists();
            assertThat(post(http, "{ searchSchools(text: \"盘屿\") { name } }")).contains("福州市仓山区盘屿中学");
            schools = count(app, "MATCH (s:School) RETURN count(s) AS n");
            assertThat(schools).isGreaterThan(30);
            http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.components.neo4j.status").isEqualTo("UP");

            // Bolt asks for a password even on 127.0.0.1: another local process cannot bypass roles, scopes and audit.
            EmbeddedNeo4j neo4j = app.getBean(EmbeddedNeo4j.class);
            for (var wrong : java.util.List.of(AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j"),
                    AuthTokens.basic("admin", password))) {
                try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), wrong)) {
                    assertThatThrownBy(() -> driver.executableQuery("MATCH (s:School) RETURN count(s)").execute())
                            .isInstanceOf(AuthenticationException.class);
                }
            }
            // Neo4j Browser or cypher-shell connect with the password an operator configures.
            try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", fixed))) {
                var result = driver.executableQuery("MATCH (r:Region {code: '350104'}) RETURN r.name AS name").execute();
                assertThat(result.records().getFirst().get("name").asString()).isEqualTo("仓山区");
                // Even signed in, LOAD CSV reads no local file (it would show the process environment).
                assertThatThrownBy(() -> driver.executableQuery(
                        "LOAD CSV FROM 'file:///proc/self/environ' AS line RETURN line").execute())
                        .isInstanceOf(ClientException.class).hasMessageContaining("file");
            }
        }
        try (ConfigurableApplicationContext app = start("--edugraph.neo4j.password=" + fixed)) {
            assertThat(post(client(app), "{ searchSchools(text: \"盘屿\") { name } }")).contains("福州市仓山区盘屿中学");
            try (Driver driver = GraphDatabase.driver(app.getBean(EmbeddedNeo4j.class).boltUri(), AuthTokens.basic("neo4j", fixed))) {
                assertThat(driver.executableQuery("RETURN 1 AS one").execute().records()).hasSize(1);
            }
        }
        // No password configured: one generated for this run, shown nowhere; the fixed one no longer signs in.
        try (ConfigurableApplicationContext app = start()) {
            EmbeddedNeo4j neo4j = app.getBean(EmbeddedNeo4j.class);
            try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", fixed))) {
                assertThatThrownBy(() -> driver.executableQuery("RETURN 1").execute()).isInstanceOf(AuthenticationException.class);
            }
            assertThat(output.getOut()).doesNotContain(neo4j.password()).doesNotContain(fixed);
            assertThat(count(app, "MATCH (s:School) RETURN count(s) AS n")).isEqualTo(schools);
            assertThat(count(app, "MATCH (s:School {name: '新学校'}) RETURN count(s) AS n")).isEqualTo(1);
            assertThat(count(app, "MATCH (m:__Migration) RETURN count(m) AS n")).isEqualTo(SchemaMigrations.load().size());
            assertThat(count(app, "MATCH (s:School) WITH s.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n")).isZero();
        }
    }

    @Test
    void committedDataSurvivesAKill9() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean written = false;
            while (!written && (line = out.readLine()) != null) {
                written = line.contains(CrashingWriter.WRITTEN);
            }
            assertThat(written).as("the child wrote and committed").isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the store
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, 0, Duration.ofSeconds(30), "64m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            var result = driver.executableQuery("MATCH (n:CrashProbe) RETURN n.value AS value").execute();
            assertThat(result.records()).hasSize(1);
            assertThat(result.records().getFirst().get("value").asString()).isEqualTo("committed before kill -9");
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        var arguments = new java.util.ArrayList<>(java.util.List.of(
                "--edugraph.data-dir=" + dataDir, "--edugraph.neo4j.bolt-port=0", "--server.port=0"));
        arguments.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(EduGraphApplication.class).run(arguments.toArray(String[]::new));
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static String post(WebTestClient http, String query) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", query))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static long count(ConfigurableApplicationContext app, String cypher) {
        return app.getBean(Graph.class).read(cypher, Map.of()).getFirst().get("n").asLong();
    }

}
