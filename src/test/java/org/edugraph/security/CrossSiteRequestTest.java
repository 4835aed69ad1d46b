package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A page of another origin may not make a signed-in browser change data: uploads and
 * mutations carrying the browser's cross-site headers are refused before sign-in, and
 * nothing changes. Same-origin pages, trusted origins and non-browser clients go through.
 */
class CrossSiteRequestTest extends IntegrationTest {

    private static final String CREATE = "mutation { createSchool(input: {name: \"跨站测试学校\", type: PRIMARY,"
            + " regionCode: \"350104\"}) { id } }";

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void aCrossSiteUploadOrMutationIsRefusedAndChangesNothing() {
        String before = snapshot();
        for (Consumer<HttpHeaders> crossSite : java.util.List.<Consumer<HttpHeaders>>of(
                h -> { h.set("Sec-Fetch-Site", "cross-site"); h.setOrigin("https://attacker.example"); },
                h -> h.set("Sec-Fetch-Site", "same-site"), // another port or subdomain of the same site
                h -> h.setOrigin("https://attacker.example"), // an older browser: Origin only
                h -> h.setOrigin("null"))) { // a sandboxed frame or a file
            upload(crossSite).expectStatus().isForbidden().expectBody()
                    .jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN")
                    .jsonPath("$.errors[0].message").isEqualTo(
                            "Cross-site request refused: a page of another origin may not change data here");
            mutate(crossSite).expectStatus().isForbidden();
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void sameOriginTrustedOriginsAndClientsWithoutABrowserWrite() {
        upload(h -> { h.set("Sec-Fetch-Site", "same-origin"); h.setOrigin("http://localhost:" + port); })
                .expectStatus().isOk().expectBody().jsonPath("$.schoolsCreated").isEqualTo(1);
        upload(h -> h.setOrigin("http://localhost:" + port)).expectStatus().isOk(); // Origin naming this host and port
        mutate(h -> { h.set("Sec-Fetch-Site", "cross-site"); h.setOrigin(TRUSTED_ORIGIN); })
                .expectStatus().isOk().expectBody().jsonPath("$.data.createSchool.id").exists();
        mutate(h -> { }).expectStatus().isOk().expectBody().jsonPath("$.data.createSchool.id").exists(); // curl
        assertThat(graph.read("MATCH (s:School) WHERE s.name STARTS WITH '跨站测试' RETURN count(s) AS n", Map.of())
                .getFirst().get("n").asLong()).isEqualTo(4);
    }

    @Test
    void aWebSocketFromAnotherSiteIsRefusedAndFromOursAccepted() {
        var client = new org.springframework.web.reactive.socket.client.StandardWebSocketClient();
        var uri = java.net.URI.create("ws://localhost:" + port + "/graphql-ws");
        var attacker = new HttpHeaders();
        attacker.add("Sec-WebSocket-Protocol", "graphql-transport-ws");
        attacker.setOrigin("https://attacker.example");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.execute(uri, attacker, session -> session.close())
                .block(java.time.Duration.ofSeconds(10))).hasStackTraceContaining("403");
        var own = new HttpHeaders();
        own.add("Sec-WebSocket-Protocol", "graphql-transport-ws");
        own.setOrigin("http://localhost:" + port);
        client.execute(uri, own, session -> session.close()).block(java.time.Duration.ofSeconds(10));
    }

    @Test
    void readsFromAnyOriginStayOpen() {
        http.get().uri("/export/pairings.csv?regionCode=350104").headers(h -> {
            h.set("Sec-Fetch-Site", "cross-site");
            h.setOrigin("https://attacker.example");
        }).exchange().expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(Consumer<HttpHeaders> headers) {
        var body = new LinkedMultiValueMap<String, Object>();
        String id = "csrf-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        body.add("file", new ByteArrayResource(("id,name,type,regionCode\n" + id + ",跨站测试学校" + id + ",PRIMARY,350104\n")
                .getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "schools.csv";
            }
        });
        return http.post().uri("/import/schools")
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password())).headers(headers)
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body).exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec mutate(Consumer<HttpHeaders> headers) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password())).headers(headers)
                .bodyValue(Map.of("query", CREATE)).exchange();
    }

    private String snapshot() {
        return graph.read("MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS edges", Map.of()).getFirst().toString();
    }
}
