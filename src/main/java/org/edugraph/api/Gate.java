package org.edugraph.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bound on how many of one kind of heavy work run at once, so that neither many
 * aliases in one request nor many clients together can take every database connection
 * and leave nothing for the rest of the API. Fair: who waits longest goes first.
 */
public final class Gate {

    private final String what;
    private final Semaphore permits;

    /**
     * @param what    the work, for messages ("network analytics")
     * @param permits how many may run at once
     */
    public Gate(String what, int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException(what + ": at least one may run at once, got " + permits);
        }
        this.what = what;
        this.permits = new Semaphore(permits, true);
    }

    /** Runs {@code work} once a place is free, waiting at most {@code wait}; refused when none frees up. */
    public <T> T through(Duration wait, Supplier<T> work) {
        if (!enter(wait)) {
            throw new ApiException(ErrorKind.INTERNAL_ERROR,
                    "The service is busy with other %s; try again in a moment".formatted(what));
        }
        try {
            return work.get();
        } finally {
            leave();
        }
    }

    /** Takes a place, waiting at most {@code wait}; false when none freed up. Pair with {@link #leave}. */
    public boolean enter(Duration wait) {
        try {
            return permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void leave() {
        permits.release();
    }

    /** How many places are free now. */
    public int free() {
        return permits.availablePermits();
    }
}
