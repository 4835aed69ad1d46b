package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;
import org.edugraph.support.Unit;

/** The one rule for "stopped by its time limit", as Neo4j says it through the driver. */
@Unit
class TimeLimitTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    @Test
    void aTimedOutCodeIsTheTimeLimitWheneverItCame() {
        var timedOut = new ClientException("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "too long");
        assertThat(TimeLimit.exceeded(timedOut)).isTrue();
        assertThat(TimeLimit.exceeded(new RuntimeException("wrapped", timedOut))).isTrue();
        assertThat(TimeLimit.exceeded(new TransientException("Neo.TransientError.Transaction.TransactionTimedOut", "x"),
                Duration.ZERO, LIMIT)).isTrue();
    }

    @Test
    void aTerminationIsTheTimeLimitOnlyOnceTheTransactionHadRunItsWholeLimit() {
        // What a transaction waiting for a lock gets when its limit comes: the driver reports it as a client error.
        var lockStopped = new ClientException("Neo.ClientError.Transaction.LockClientStopped", "no more locks");
        var terminated = new ClientException("Neo.ClientError.Transaction.Terminated", "terminated");
        for (var e : new ClientException[] {lockStopped, terminated}) {
            assertThat(TimeLimit.exceeded(e)).as(e.code()).isFalse();
            assertThat(TimeLimit.exceeded(e, LIMIT, LIMIT)).as(e.code()).isTrue();
            assertThat(TimeLimit.exceeded(e, Duration.ofMillis(300), LIMIT)).as("killed early: " + e.code()).isFalse();
        }
    }

    @Test
    void otherFailuresAreNot() {
        var syntax = new ClientException("Neo.ClientError.Statement.SyntaxError", "bad");
        assertThat(TimeLimit.exceeded(syntax, Duration.ofMinutes(1), LIMIT)).isFalse();
        assertThat(TimeLimit.exceeded(new IllegalStateException("no code"), Duration.ofMinutes(1), LIMIT)).isFalse();
    }
}
