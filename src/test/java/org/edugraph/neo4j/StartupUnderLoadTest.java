package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.edugraph.EduGraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Start-up on a busy machine: its work (the Bolt password, migrations, seeds, the demo
 * network) runs under edugraph.startup.timeout, not the query timeout, so a start while
 * every core is busy comes up; one that runs out of start-up time says which setting to raise.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupUnderLoadTest {

    @TempDir
    Path dataDir;

    /**
     * A busy thread per core the whole time, and a query timeout of 50 ms, which no start-up
     * statement on a cold store of a loaded machine keeps: start-up used to run under the query
     * timeout and stopped with "The transaction has not completed within the timeout".
     */
    @Test
    void theServiceComesUpWhileEveryCoreIsBusy() {
        AtomicBoolean busy = new AtomicBoolean(true);
        List<Thread> burners = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            burners.add(Thread.ofPlatform().daemon().name("burner-" + i).start(() -> burn(busy)));
        }
        ConfigurableApplicationContext app;
        long started = System.nanoTime();
        try {
            app = new SpringApplicationBuilder(EduGraphApplication.class).run(
                    "--edugraph.data-dir=" + dataDir, "--edugraph.neo4j.bolt-port=0", "--server.port=0",
                    "--edugraph.neo4j.query-timeout=50ms");
        } finally {
            busy.set(false);
            burners.forEach(Thread::interrupt);
        }
        try (app) {
            System.out.printf("Started under load in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            // Asked until UP (within 60 s): the check has 3 s (edugraph.neo4j.health-timeout), and the first one, on a
            // cold driver of a machine still loaded by other processes, can take longer and say DOWN once.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (http.get().uri("/actuator/health").exchange().returnResult(Void.class).getStatus().value() != 200
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.components.neo4j.status").isEqualTo("UP");
            // Every seed file loaded (read with start-up's time limit: 50 ms is too short for a cold query).
            long files = app.getBean(StartupWork.class).graph()
                    .read("MATCH (f:SeedFile) RETURN count(f) AS n", Map.of()).getFirst().get("n").asLong();
            assertThat(files).isEqualTo(3);
        }
    }

    @Test
    void aStartThatRunsOutOfStartUpTimeNamesTheSettingToRaise(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(EduGraphApplication.class).run(
                "--edugraph.data-dir=" + dataDir, "--edugraph.neo4j.bolt-port=0", "--server.port=0",
                "--edugraph.startup.timeout=50ms"))
                .satisfies(e -> {
                    Throwable t = e;
                    while (t != null && !(t instanceof StartupWork.StartupTimeoutException)) {
                        t = t.getCause();
                    }
                    assertThat(t).as("a start-up step ran out of time").isNotNull();
                    assertThat(t.getMessage()).startsWith("Start-up step '")
                            .endsWith("' did not finish within edugraph.startup.timeout=50ms");
                });
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
                "Give start-up more time with edugraph.startup.timeout (now 50ms)");
    }

    private static void burn(AtomicBoolean busy) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[4096];
            while (busy.get()) {
                block = sha.digest(block);
                block = java.util.Arrays.copyOf(block, 4096);
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
