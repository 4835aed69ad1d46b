package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read transaction a request shares: opened once, given up before a write and after a failure. */
class RequestTransactionTest extends IntegrationTest {

    private RequestTransaction shared;

    private void inARequest() {
        shared = graph.requestTransaction();
        RequestTransactionFilter.CURRENT.set(shared);
    }

    @AfterEach
    void endTheRequest() {
        RequestTransactionFilter.CURRENT.remove();
        if (shared != null) {
            shared.end();
        }
        graph.write("MATCH (n:RequestTransactionTest) DELETE n", Map.of());
    }

    private long count() {
        return graph.read("MATCH (n:RequestTransactionTest) RETURN count(n) AS n", Map.of()).getFirst().get("n").asLong();
    }

    @Test
    void theReadsOfARequestShareOneTransactionOpenedAtTheFirst() {
        long before = graph.transactionsRun();
        inARequest();
        assertThat(graph.transactionsRun() - before).as("nothing opened before a read").isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(count()).isZero();
        }
        assertThat(graph.transactionsRun() - before).isEqualTo(1);
    }

    @Test
    void aWriteEndsItSoThatTheReadsAfterItSeeTheWrite() {
        inARequest();
        assertThat(count()).isZero();
        graph.write("CREATE (:RequestTransactionTest)", Map.of());
        long before = graph.transactionsRun();
        assertThat(count()).as("read after the write").isEqualTo(1);
        assertThat(count()).isEqualTo(1);
        assertThat(graph.transactionsRun() - before).as("each read after a write on its own").isEqualTo(2);
    }

    @Test
    void aFailedStatementEndsItAndTheReadsAfterItStillAnswer() {
        inARequest();
        assertThat(count()).isZero();
        assertThatThrownBy(() -> graph.read("RETURN 1 / $zero AS x", Map.of("zero", 0)))
                .hasMessageContaining("/ by zero");
        assertThat(count()).as("a read after the failure").isZero();
    }
}
