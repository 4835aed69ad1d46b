package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** A request that outlives edugraph.graphql.timeout is answered with a classified error. */
@TestPropertySource(properties = "edugraph.graphql.timeout=1ms")
@ExtendWith(OutputCaptureExtension.class)
class RequestTimeoutTest extends IntegrationTest {

    @Test
    void aRequestOverTheTimeLimitGetsAClassifiedErrorNotA500() {
        Map<String, Object> response = post("""
                { programs { name figures { value source { title } } participants { school { name region { name } } } } }""");
        assertThat(classifications(response)).containsExactly("INTERNAL_ERROR");
        assertThat(response.toString()).contains("longer than the limit");
    }

    @Test
    void aStoppedRequestIsLoggedOnceNotOnceForEveryFieldStillInFlight(CapturedOutput output) throws InterruptedException {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            query.append(" a%d: schools(first: 40) { edges { node { name region { name parent { name } } groups { group { name } } sources { title } } } }"
                    .formatted(i));
        }
        Map<String, Object> response = post(query.append(" }").toString());
        assertThat(response.toString()).contains("longer than the limit");
        Thread.sleep(3000); // what was in flight when the request was stopped ends meanwhile
        String log = output.getOut();
        assertThat(log.split("outlived the limit", -1)).as("one line for the stopped request").hasSize(2);
        assertThat(log).doesNotContain("Incident").doesNotContain("AbortExecutionException");
    }
}
