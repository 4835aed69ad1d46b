package org.edugraph.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.edugraph.EduGraphProperties;

/**
 * The rule for failed sign-ins: each failure counts against the user name tried and
 * against the client's address for {@code window}; a name with {@code maxFailures}
 * failures, or an address with {@code maxFailuresPerAddress}, is refused outright, right
 * password or not, until its oldest counted failure leaves the window. A success
 * clears nothing (an attacker holding one account could otherwise reset its count).
 *
 * <p>One instance's memory: behind several instances each counts its own failures.
 */
public final class SignInThrottle {

    /** Above this many tracked keys, keys whose failures have all expired are dropped. */
    private static final int TIDY_ABOVE = 10_000;

    private final Clock clock;
    private final Duration window;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public SignInThrottle(Clock clock, EduGraphProperties.Security.SignIn settings) {
        this.clock = clock;
        this.window = settings.window();
        this.maxPerUser = settings.maxFailures();
        this.maxPerAddress = settings.maxFailuresPerAddress();
    }

    /** How long the caller must wait before trying again, or empty when it may try now. */
    public Optional<Duration> wait(String user, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        if (user != null) {
            wait = max(wait, waitFor("user:" + user, maxPerUser, now));
        }
        wait = max(wait, waitFor("address:" + address, maxPerAddress, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts one failed sign-in: a wrong password, an unknown name or a bad bearer token. */
    public void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > TIDY_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    expire(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        if (user != null) {
            add("user:" + user, now);
        }
        add("address:" + address, now);
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            // Only the newest failures up to the limit matter for how long to wait.
            while (times.size() > Math.max(maxPerUser, maxPerAddress)) {
                times.removeFirst();
            }
        }
    }

    private Duration waitFor(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            expire(times, now);
            if (times.size() < max) {
                return Duration.ZERO;
            }
            // Refused until enough failures have left the window to fall below the limit.
            Instant[] all = times.toArray(Instant[]::new);
            Instant freedAt = all[times.size() - max].plus(window);
            return Duration.between(now, freedAt);
        }
    }

    private void expire(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
