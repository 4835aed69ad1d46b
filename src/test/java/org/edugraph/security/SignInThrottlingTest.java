package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.edugraph.support.ClockedIntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

/** Password guessing over HTTP (limits of ClockedIntegrationTest): after three failures a name is refused, even with its right password, for the window. */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingTest extends ClockedIntegrationTest {

    private static final String READ = "{ region(code: \"350104\") { name } }";

    @Test
    void guessingLocksTheNameForTheWindowAndNotOtherUsers(CapturedOutput output) {
        clock.set(java.time.Instant.now());
        for (int i = 0; i < 3; i++) {
            String guess = "guess-" + i;
            http.post().uri("/graphql").headers(h -> h.setBasicAuth("admin", guess)).bodyValue(Map.of("query", READ))
                    .exchange().expectStatus().isUnauthorized();
        }
        // The fourth try has the right password and is refused before it is checked.
        String before = countAudit();
        http.post().uri("/graphql").headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .bodyValue(Map.of("query", "mutation { createSchool(input: {name: \"节流测试学校\", type: PRIMARY,"
                        + " regionCode: \"350104\"}) { id } }"))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "300")
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED")
                .jsonPath("$.errors[0].message").isEqualTo("Too many failed sign-ins: try again in 300 s");
        assertThat(countAudit()).isEqualTo(before);
        assertThat(output.getOut()).contains("Failed sign-in as 'admin' from 127.0.0.1")
                .contains("Sign-in as 'admin' from 127.0.0.1 refused: too many failed sign-ins")
                .doesNotContain("guess-0").doesNotContain(TestUsers.ADMIN.password());

        // Another user from the same address is not locked out (3 failures of 6 there).
        http.post().uri("/graphql").headers(h -> h.setBasicAuth(TestUsers.READER.name(), TestUsers.READER.password()))
                .bodyValue(Map.of("query", READ)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.region.name").isEqualTo("仓山区");

        // Reads without credentials are not sign-ins and stay open.
        http.post().uri("/graphql").bodyValue(Map.of("query", READ)).exchange().expectStatus().isOk();

        clock.advance(Duration.ofMinutes(4));
        http.post().uri("/graphql").headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .bodyValue(Map.of("query", READ)).exchange().expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "60");
        clock.advance(Duration.ofMinutes(1));
        http.post().uri("/graphql").headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .bodyValue(Map.of("query", READ)).exchange().expectStatus().isOk();
    }

    private String countAudit() {
        return graph.read("MATCH (e:AuditEvent) RETURN count(e) AS n", Map.of()).getFirst().get("n").toString();
    }
}
