package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/** With edugraph.security.public-read=false, reading needs a signed-in user of any role. */
@TestPropertySource(properties = "edugraph.security.public-read=false")
class ClosedReadsTest extends IntegrationTest {

    @Test
    void aReadWithoutCredentialsIsUnauthorized() {
        assertThat(classifications(postAs(null, "{ regions { code } }"))).containsExactly("UNAUTHORIZED");
        http.post().uri("/graphql").bodyValue(Map.of("query", "{ regions { code } }"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void subscriptionsFollowTheSameRule() {
        http.post().uri("/graphql").accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("query", "subscription { pairingChanges { type } }"))
                .exchange().expectStatus().isUnauthorized();
        // The WebSocket handshake is refused without credentials, and accepted with them.
        var client = new StandardWebSocketClient();
        var uri = URI.create("ws://localhost:" + port + "/graphql-ws");
        var protocol = new HttpHeaders();
        protocol.add("Sec-WebSocket-Protocol", "graphql-transport-ws");
        assertThatThrownBy(() -> client.execute(uri, protocol, session -> session.close())
                .block(Duration.ofSeconds(10))).hasStackTraceContaining("WebSocket connection");
        var signedIn = new HttpHeaders();
        signedIn.addAll(protocol);
        signedIn.setBasicAuth(TestUsers.READER.name(), TestUsers.READER.password());
        client.execute(uri, signedIn, session -> session.close()).block(Duration.ofSeconds(10));
    }

    @Test
    void aSignedInReaderReads() {
        as(TestUsers.READER).document("{ region(code: \"350104\") { name } }").execute()
                .path("region.name").entity(String.class).isEqualTo("仓山区");
    }

    @Test
    void theBrowserPagesAndTheirAssetsLoadWithoutSignIn() {
        // The pages hold no data; the GraphQL requests they make then ask for a sign-in.
        for (String page : new String[] {"/explorer", "/explorer/main.js", "/explorer/explorer.css", "/graphiql",
                "/graphiql/graphiql.js", "/graphiql/examples", "/webjars/cytoscape/dist/cytoscape.min.js",
                "/webjars/graphiql/graphiql.min.js", "/webjars/react/umd/react.production.min.js"}) {
            http.get().uri(page).exchange().expectStatus().isOk();
        }
        http.post().uri("/graphql").bodyValue(Map.of("query", "{ regions { code } }"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void exportsFollowTheSameRule() {
        for (String export : java.util.List.of("/export/network.graphml", "/export/network.gexf", "/export/pairings.csv")) {
            String uri = export + "?regionCode=350104";
            http.get().uri(uri).exchange().expectStatus().isUnauthorized()
                    .expectHeader().doesNotExist(HttpHeaders.CONTENT_DISPOSITION)
                    .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
            http.get().uri(uri).headers(h -> h.setBasicAuth(TestUsers.READER.name(), TestUsers.READER.password()))
                    .exchange().expectStatus().isOk()
                    .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"edugraph-.*-350104\\..*\"");
        }
    }

    @Test
    void healthStaysOpenForProbes() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
