package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.edugraph.EduGraphProperties;
import org.edugraph.support.SettableClock;
import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** The rule for failed sign-ins, on a clock the test moves. */
@Unit
class SignInThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
    private final SignInThrottle throttle = new SignInThrottle(clock,
            new EduGraphProperties.Security.SignIn(Duration.ofMinutes(5), 3, 5));

    @Test
    void aNameIsRefusedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.wait("admin", "10.0.0.1")).isEmpty();
            throttle.failed("admin", "10.0.0." + (i + 1)); // from three addresses: the name still counts them all
            clock.advance(Duration.ofMinutes(1));
        }
        // Failures at 0, 1 and 2 min; now 3 min: refused until 5 min after the first.
        assertThat(throttle.wait("admin", "10.0.0.9")).contains(Duration.ofMinutes(2));
        assertThat(throttle.wait("reader", "10.0.0.9")).as("another name from another address").isEmpty();
        clock.advance(Duration.ofMinutes(2).minusSeconds(1));
        assertThat(throttle.wait("admin", "10.0.0.9")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.wait("admin", "10.0.0.9")).isEmpty();
    }

    @Test
    void anAddressIsRefusedAfterFailuresUnderAnyNamesAndBearerTokens() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("guess-" + i, "10.0.0.7");
        }
        throttle.failed(null, "10.0.0.7"); // a bad bearer token
        assertThat(throttle.wait("someone-else", "10.0.0.7")).contains(Duration.ofMinutes(5));
        assertThat(throttle.wait(null, "10.0.0.7")).contains(Duration.ofMinutes(5));
        assertThat(throttle.wait("someone-else", "10.0.0.8")).isEmpty();
    }

    @Test
    void basicUserIsTheNameBeforeTheColonAndNothingForOtherSchemes() {
        assertThat(SignInGuard.basicUser("Basic " + java.util.Base64.getEncoder().encodeToString("杨老师:pw:with:colons".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)))).isEqualTo("杨老师");
        assertThat(SignInGuard.basicUser("basic !!!not-base64")).isNull();
        assertThat(SignInGuard.basicUser("Bearer abc.def.ghi")).isNull();
    }
}
