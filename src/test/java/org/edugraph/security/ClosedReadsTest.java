package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With edugraph.security.public-read=false, reading needs a signed-in user of any role. */
@TestPropertySource(properties = "edugraph.security.public-read=false")
class ClosedReadsTest extends IntegrationTest {

    @Test
    void aReadWithoutCredentialsIsUnauthorized() {
        assertThat(classifications(postAs(null, "{ regions { code } }"))).containsExactly("UNAUTHORIZED");
        http.post().uri("/graphql").bodyValue(java.util.Map.of("query", "{ regions { code } }"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aSignedInReaderReads() {
        as(TestUsers.READER).document("{ region(code: \"350104\") { name } }").execute()
                .path("region.name").entity(String.class).isEqualTo("仓山区");
    }

    @Test
    void healthStaysOpenForProbes() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
