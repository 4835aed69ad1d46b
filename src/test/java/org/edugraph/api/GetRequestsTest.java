package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queries over GET, as GraphQL over HTTP allows; mutations never. */
class GetRequestsTest extends IntegrationTest {

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

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
        // A pairing of two schools of the test's own: were the GET refused no longer, it, not a real one, would go.
        var mentor = testSchools.school("测试只读第一中学", org.edugraph.support.TestSchools.CANGSHAN);
        var mentee = testSchools.school("测试只读第二中学", org.edugraph.support.TestSchools.CANGSHAN);
        String pairing = as(TestUsers.ADMIN).document("mutation($m: ID!, $e: ID!) { addPairing(input: {mentorId: $m,"
                        + " menteeId: $e, kind: OTHER}) { id } }").variable("m", mentor.id()).variable("e", mentee.id())
                .execute().path("addPairing.id").entity(String.class).get();
        long before = graph.read("MATCH (p:Pairing) RETURN count(p) AS n", Map.of()).getFirst().get("n").asLong();
        http.get().uri(uri(Map.of("query", "mutation { removePairing(id: \"" + pairing + "\") }")))
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .exchange().expectStatus().isEqualTo(405).expectHeader().valueEquals("Allow", "POST")
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("Mutations and subscriptions are sent with POST, never GET");
        http.get().uri(uri(Map.of("query", "query Q { regions { code } } mutation M { removePairing(id: \"" + pairing + "\") }",
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

    /**
     * A query of 20 KB fits in a GET (the request line may be 32 KB); one of 40 KB gets the API's
     * JSON refusal telling to POST, not Tomcat's HTML page, and so does a header over the limit.
     */
    @Test
    void aLongGetIsAnsweredUpToTheLimitAndRefusedPastItWithTheApisJson() throws Exception {
        String padded = "{ region(code: \"350104\") { name } }" + " ".repeat(20_000);
        http.get().uri(uri(Map.of("query", padded))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.region.name").isEqualTo("仓山区");

        var client = java.net.http.HttpClient.newHttpClient();
        String tooLong = "http://127.0.0.1:" + port + "/graphql?query=" + "%20".repeat(14_000) + "%7B%20regions%20%7B%20code%20%7D%20%7D";
        for (var request : java.util.List.of(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(tooLong)).build(),
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/graphql?query=%7B%20regions%20%7B%20code%20%7D%20%7D"))
                        .header("X-Padding", "x".repeat(40_000)).build())) {
            var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(response.body()).isEqualTo("{\"errors\":[{\"message\":\"The request line or its headers are too long or"
                    + " malformed (at most 32 KB); send a long query with POST\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}");
        }
    }
}
