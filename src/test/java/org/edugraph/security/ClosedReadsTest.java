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
    void subscriptionsFollowTheSameRule() {
        http.post().uri("/graphql").accept(org.springframework.http.MediaType.TEXT_EVENT_STREAM)
                .bodyValue(java.util.Map.of("query", "subscription { pairingChanges { type } }"))
                .exchange().expectStatus().isUnauthorized();
        // The WebSocket handshake is refused without credentials, and accepted with them.
        var client = new org.springframework.web.reactive.socket.client.StandardWebSocketClient();
        var uri = java.net.URI.create("ws://localhost:" + port + "/graphql-ws");
        var protocol = new org.springframework.http.HttpHeaders();
        protocol.add("Sec-WebSocket-Protocol", "graphql-transport-ws");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.execute(uri, protocol, session -> session.close())
                .block(java.time.Duration.ofSeconds(10))).hasStackTraceContaining("WebSocket connection");
        var signedIn = new org.springframework.http.HttpHeaders();
        signedIn.addAll(protocol);
        signedIn.setBasicAuth(TestUsers.READER.name(), TestUsers.READER.password());
        client.execute(uri, signedIn, session -> session.close()).block(java.time.Duration.ofSeconds(10));
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
