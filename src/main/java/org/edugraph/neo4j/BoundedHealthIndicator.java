package org.edugraph.neo4j;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health check that answers within a timeout: DOWN when the check has not finished by then.
 * A database that accepts connections and never answers (a hung server, a cut network) held
 * {@code /actuator/health} for a minute or two, until the driver gave up; a load balancer or
 * an orchestrator's probe gives up long before, and sees a timeout rather than a 503. One
 * check runs at a time: a request that comes while one hangs waits for that one (at most the
 * timeout), so a frozen database does not pile up a connection per probe.
 */
final class BoundedHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(BoundedHealthIndicator.class);

    private final String name;
    private final HealthIndicator check;
    private final Duration timeout;
    private CompletableFuture<Health> running;

    BoundedHealthIndicator(String name, HealthIndicator check, Duration timeout) {
        this.name = name;
        this.check = check;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            return current().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{} did not answer its health check within {} s", name, timeout.toSeconds());
            return Health.down().withDetail("error", name + " did not answer within " + timeout.toSeconds() + " s").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private synchronized CompletableFuture<Health> current() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(check::health,
                    task -> Thread.ofVirtual().name(name + "-health").start(task));
        }
        return running;
    }
}
