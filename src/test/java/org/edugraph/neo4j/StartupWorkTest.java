package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.edugraph.support.Unit;

/** The rule for start-up work: retryable failures again until the time is spent, timeouts named, the rest as they came. */
@Unit
class StartupWorkTest {

    private final List<Duration> pauses = new ArrayList<>();

    private <T> T run(Duration timeout, java.util.function.Supplier<T> work) {
        return StartupWork.run("a step", timeout, pauses::add, work);
    }

    @Test
    void whatNeo4jCallsTransientIsTriedAgainWithGrowingPauses() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = run(Duration.ofMinutes(1), () -> {
            int attempt = attempts.incrementAndGet();
            if (attempt == 1) {
                throw new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock");
            }
            if (attempt == 2) {
                throw new ServiceUnavailableException("leader switched");
            }
            return "done";
        });
        assertThat(answer).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void aClientErrorIsNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> run(Duration.ofMinutes(1), () -> {
            attempts.incrementAndGet();
            throw new ClientException("Neo.ClientError.Statement.SyntaxError", "bad");
        })).isInstanceOf(ClientException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aTimedOutTransactionStopsTheStepAndNamesTheSetting() {
        for (String code : List.of("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
                "Neo.TransientError.Transaction.TransactionTimedOut")) {
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> run(Duration.ofSeconds(90), () -> {
                attempts.incrementAndGet();
                throw new TransientException(code, "The transaction has not completed within the timeout");
            })).isInstanceOf(StartupWork.StartupTimeoutException.class)
                    .hasMessage("Start-up step 'a step' did not finish within edugraph.startup.timeout=90s");
            assertThat(attempts).as(code).hasValue(1);
        }
    }

    @Test
    void retriesStopWhenTheTimeIsSpent() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> run(Duration.ofMillis(50), () -> {
            attempts.incrementAndGet();
            throw new TransientException("Neo.TransientError.General.DatabaseUnavailable", "not yet");
        })).isInstanceOf(TransientException.class);
        assertThat(attempts).hasValue(1); // the first pause, 100 ms, would end after the deadline
    }

    @Test
    void durationsAreWrittenAsInTheConfiguration() {
        assertThat(StartupWork.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(StartupWork.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(StartupWork.format(Duration.ofMillis(50))).isEqualTo("50ms");
    }
}
