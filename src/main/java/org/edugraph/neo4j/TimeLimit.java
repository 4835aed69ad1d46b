package org.edugraph.neo4j;

import java.time.Duration;

import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.kernel.api.exceptions.Status;

/**
 * How Neo4j says that a transaction was stopped by its time limit: one rule for requests, exports
 * and start-up. A transaction that runs past its limit fails with a {@code TransactionTimedOut}
 * code, through the driver or in-process. One that was waiting for a lock when its limit came
 * fails as terminated instead (its lock client stopped): that is the time limit only when the
 * transaction had run for the whole limit, since an operator's kill or a shutdown also terminate.
 */
public final class TimeLimit {

    private TimeLimit() {
    }

    /** Whether {@code e}, or a cause of it, says its transaction ran past its time limit. */
    public static boolean exceeded(Throwable e) {
        return anyCode(e, "TransactionTimedOut");
    }

    /** {@link #exceeded(Throwable)}, or a termination of a transaction that had run for {@code ran} of its {@code limit}. */
    public static boolean exceeded(Throwable e, Duration ran, Duration limit) {
        return exceeded(e) || ran.compareTo(limit) >= 0 && (anyCode(e, "Transaction.Terminated") || anyCode(e, "LockClientStopped"));
    }

    private static boolean anyCode(Throwable e, String part) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Neo4jException neo4j && neo4j.code() != null && neo4j.code().contains(part)) {
                return true;
            }
            if (t instanceof Status.HasStatus status && status.status().code().serialize().contains(part)) {
                return true;
            }
        }
        return false;
    }
}
