package org.edugraph.network.measures;

import java.time.Duration;

/**
 * How long a computation of measures may take: checked between steps (a source of the
 * betweenness, an algorithm), so that a network too slow to measure is given up rather
 * than left running after its request has been answered.
 */
public final class Deadline {

    /** The computation passed its deadline and was given up. */
    public static final class Exceeded extends RuntimeException {
        Exceeded(Duration limit) {
            super("took longer than " + limit, null, false, false);
        }
    }

    private final Duration limit;
    private final long end;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.end = System.nanoTime() + limit.toNanos();
    }

    /** A deadline {@code limit} from now. */
    public static Deadline in(Duration limit) {
        return new Deadline(limit);
    }

    /** No deadline (tests and benchmarks). */
    public static Deadline none() {
        return new Deadline(Duration.ofDays(365));
    }

    void check() {
        if (System.nanoTime() - end > 0) {
            throw new Exceeded(limit);
        }
    }

    public Duration limit() {
        return limit;
    }
}
