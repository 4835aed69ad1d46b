package org.edugraph.neo4j;

import java.time.Duration;
import java.util.function.Supplier;

import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.kernel.api.exceptions.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How start-up work meets the database: under {@code edugraph.startup.timeout}, not the
 * query timeout (a cold store on a busy machine takes longer than any request may), and
 * again after a failure Neo4j marks as retryable, until that time is spent. A step that
 * times out stops start-up with {@link StartupTimeoutException}, which names the setting to raise.
 */
@org.springframework.stereotype.Component
public final class StartupWork {

    private static final Logger log = LoggerFactory.getLogger(StartupWork.class);
    /** The setting that bounds start-up work, named in every message about it. */
    public static final String SETTING = "edugraph.startup.timeout";

    private final Duration timeout;
    private final Graph graph;
    private final Sleeper sleeper;

    /** Pauses between attempts; a test passes one that does not wait. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration);

    @org.springframework.beans.factory.annotation.Autowired
    public StartupWork(Graph graph, org.edugraph.EduGraphProperties properties) {
        this(graph, properties.startup().timeout(), THREAD_SLEEP);
    }

    StartupWork(Graph graph, Duration timeout, Sleeper sleeper) {
        this.timeout = timeout;
        this.graph = graph.withTimeout(timeout);
        this.sleeper = sleeper;
    }

    /** The gateway for start-up statements: each transaction may take the start-up timeout. */
    public Graph graph() {
        return graph;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Runs one step of start-up, again after each retryable failure (with a growing pause)
     * until the start-up timeout has passed since it began. A timeout is reported as
     * {@link StartupTimeoutException}; any other failure as it came.
     */
    public <T> T run(String step, Supplier<T> work) {
        return run(step, timeout, sleeper, work);
    }

    /** {@link #run(String, Supplier)} for work before the gateway exists (the embedded server's own set-up). */
    static <T> T run(String step, Duration timeout, Supplier<T> work) {
        return run(step, timeout, THREAD_SLEEP, work);
    }

    static <T> T run(String step, Duration timeout, Sleeper sleeper, Supplier<T> work) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = Duration.ofMillis(100);
        for (int attempt = 1; ; attempt++) {
            long began = System.nanoTime();
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (TimeLimit.exceeded(e, Duration.ofNanos(System.nanoTime() - began), timeout)) {
                    throw new StartupTimeoutException(step, timeout, e);
                }
                if (!retryable(e) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw e;
                }
                log.warn("Start-up step '{}' failed (attempt {}), trying again in {} ms: {}", step, attempt,
                        pause.toMillis(), e.getMessage());
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : pause.multipliedBy(2);
            }
        }
    }

    /** Runs one step that returns nothing; see {@link #run(String, Supplier)}. */
    public void run(String step, Runnable work) {
        run(step, () -> {
            work.run();
            return null;
        });
    }

    /** Whether Neo4j says that trying the same work again may succeed (a deadlock, a leader switch, a busy store). */
    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetryableException) {
                return true;
            }
            if (t instanceof Status.HasStatus status
                    && status.status().code().classification() == Status.Classification.TransientError
                    && !TimeLimit.exceeded(t)) {
                return true;
            }
        }
        return false;
    }

    /** A step of start-up that did not finish within {@code edugraph.startup.timeout}. */
    public static final class StartupTimeoutException extends RuntimeException {
        private final String step;
        private final Duration timeout;

        StartupTimeoutException(String step, Duration timeout, Throwable cause) {
            super("Start-up step '%s' did not finish within %s=%s".formatted(step, SETTING, format(timeout)), cause);
            this.step = step;
            this.timeout = timeout;
        }

        public String step() {
            return step;
        }

        public Duration timeout() {
            return timeout;
        }
    }

    /** A duration as it is written in the configuration: 5m, 90s, 250ms. */
    static String format(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }
}
