package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Queries over GET, as GraphQL over HTTP allows; mutations never. */
class GetRequestsTest extends IntegrationTest {

    private java.net.URI uri(Map<String, String> parameters) {
        return java.net.URI.create("http://localhost:" + port + "/graphql?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&")));
    }

    @Test
    void aQueryWithVariablesAndAnOperationNameIsAnsweredAsOverPost() {
        http.get().uri(uri(Map.of("query", "query Other { regions { code } } query One($id: ID!) { school(id: $id) { name } }",
                        "operationName", "One", "variables", "{\"id\":\"cs-panyu-ms\"}")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.school.name").isEqualTo("福州市仓山区盘屿中学");
    }

    @Test
    void aMutationOverGetIs405AndChangesNothing() {
        long before = graph.read("MATCH (p:Pairing) RETURN count(p) AS n", Map.of()).getFirst().get("n").asLong();
        http.get().uri(uri(Map.of("query", "mutation { removePairing(id: \"cs-jxx-panyu\") }")))
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .exchange().expectStatus().isEqualTo(405).expectHeader().valueEquals("Allow", "POST")
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("Mutations and subscriptions are sent with POST, never GET");
        http.get().uri(uri(Map.of("query", "query Q { regions { code } } mutation M { removePairing(id: \"cs-jxx-panyu\") }",
                        "operationName", "M")))
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .exchange().expectStatus().isEqualTo(405);
        assertThat(graph.read("MATCH (p:Pairing) RETURN count(p) AS n", Map.of()).getFirst().get("n").asLong()).isEqualTo(before);
    }

    @Test
    void variablesThatAreNotAnObjectOrNoQueryAre400() {
        for (java.net.URI bad : new java.net.URI[] {uri(Map.of("query", "{ regions { code } }", "variables", "[1]")),
                uri(Map.of("query", "{ regions { code } }", "variables", "not json")),
                uri(Map.of("query", "{ regions { code } }", "extensions", "3")), uri(Map.of()), uri(Map.of("query", ""))}) {
            http.get().uri(bad).exchange().expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
        }
    }
}
