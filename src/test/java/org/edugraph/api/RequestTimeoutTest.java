package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A request that outlives edugraph.graphql.timeout is answered with a classified error. */
@TestPropertySource(properties = "edugraph.graphql.timeout=1ms")
class RequestTimeoutTest extends IntegrationTest {

    @Test
    void aRequestOverTheTimeLimitGetsAClassifiedErrorNotA500() {
        Map<String, Object> response = post("""
                { programs { name figures { value source { title } } participants { school { name region { name } } } } }""");
        assertThat(classifications(response)).containsExactly("INTERNAL_ERROR");
        assertThat(response.toString()).contains("longer than the limit");
    }
}
