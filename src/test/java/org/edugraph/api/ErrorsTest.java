package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Bad requests get classified errors that say what is wrong, and never show internals. */
class ErrorsTest extends IntegrationTest {

    @Test
    void anUnknownIdIsNotFoundNamingTheId() {
        for (String query : new String[] {
                "{ school(id: \"no-such-school\") { id } }",
                "{ region(code: \"999999\") { code } }",
                "{ educationGroup(id: \"no-such-group\") { id } }",
                "{ program(id: \"no-such-program\") { id } }",
                "{ pairing(id: \"no-such-pairing\") { id } }"}) {
            Map<String, Object> response = post(query);
            assertThat(classifications(response)).as(query).containsExactly("NOT_FOUND");
            assertThat(response.toString()).containsPattern("no-such-|999999");
        }
    }

    @Test
    void aFilterNamingAnUnknownRegionOrProgramIsNotFoundRatherThanEmpty() {
        Map<String, Object> response = post("{ schools(filter: {regionCode: \"359999\"}) { totalCount } }");
        assertThat(classifications(response)).containsExactly("NOT_FOUND");
        assertThat(response.toString()).contains("No region with code 359999");
        assertThat(classifications(post("{ pairings(filter: {programId: \"nope\"}) { totalCount } }"))).containsExactly("NOT_FOUND");
    }

    @Test
    void aMalformedDocumentIsABadRequest() {
        Map<String, Object> response = post("{ schools(first: 3 { edges ");
        assertThat(classifications(response)).containsExactly("BAD_REQUEST");
        assertNoInternals(response);
    }

    @Test
    void anUnknownFieldOrAWrongArgumentTypeIsABadRequest() {
        assertThat(classifications(post("{ schools { edges { node { salary } } } }"))).containsExactly("BAD_REQUEST");
        assertThat(classifications(post("{ schools(first: \"ten\") { totalCount } }"))).containsExactly("BAD_REQUEST");
        assertThat(classifications(post("{ pairings(filter: {activeOn: \"2022-13-45\"}) { totalCount } }")))
                .containsExactly("BAD_REQUEST");
        assertThat(classifications(post("{ searchSchools(text: \"  \") { id } }"))).containsExactly("BAD_REQUEST");
    }

    @Test
    void aSearchTextLongerThanANameCanBeIsRefusedBeforeItRuns() {
        // 600,000 characters, as variables carry them past the parser's limit on the document's length.
        String huge = "盘".repeat(600_000);
        long before = graph.statementsRun();
        for (String document : List.of("query($t: String!) { searchSchools(text: $t) { id } }",
                "query($t: String!) { schools(filter: {nameContains: $t}) { totalCount } }")) {
            Map<String, Object> response = post(document, Map.of("t", huge));
            assertThat(classifications(response)).as(document).containsExactly("BAD_REQUEST");
            assertThat(response.toString()).contains("600,000 characters long; a name or alias has at most 200");
            assertNoInternals(response);
        }
        assertThat(graph.statementsRun()).as("nothing ran").isEqualTo(before);
        // The longest a name may be is still searched, and a name is found by itself.
        assertThat(post("query($t: String!) { schools(filter: {nameContains: $t}) { totalCount } }", Map.of("t", "盘".repeat(200))))
                .doesNotContainKey("errors");
        assertThat(post("{ searchSchools(text: \"  盘屿  \") { id } }").toString()).doesNotContain("errors");
    }

    @Test
    void aBodyThatIsNoRequestAndTheErrorPageAreClientErrorsNot500() {
        for (String body : List.of("null", "[]", "42", "\"query\"", "{}", "{\"query\": null}", "{\"query\": 7}",
                "{\"query\": \"{ regions { code } }\", \"operationName\": 5}",
                "{\"query\": \"{ regions { code } }\", \"variables\": \"{}\"}",
                "{\"query\": \"{ regions { code } }\", \"variables\": [1]}",
                "{\"query\": \"{ regions { code } }\", \"extensions\": 3}")) {
            var result = http.post().uri("/graphql").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange().expectBody(String.class).returnResult();
            assertThat(result.getStatus().value()).as(body).isEqualTo(400);
            assertThat(result.getResponseBody()).as(body).contains("BAD_REQUEST").doesNotContain("Exception").doesNotContain("at org.");
        }
        http.get().uri("/error").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("NOT_FOUND");
        // A path no handler takes goes through the container's error dispatch: the same body, not Spring's page.
        http.get().uri("/no/such/page").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("NOT_FOUND")
                .jsonPath("$.timestamp").doesNotExist();
    }

    /**
     * A null where the schema promises a value is the server's fault, not the client's: a
     * school stored without a name (here the test's own, made so on purpose) answers
     * INTERNAL_ERROR with an incident id, and the same id is in the log with what went wrong.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aNullInANonNullFieldIsAServerFaultWithAnIncidentId(org.springframework.boot.test.system.CapturedOutput output) {
        graph.write("CREATE (:School {id: 'errors-test-nameless', type: 'PRIMARY'})", Map.of());
        try {
            Map<String, Object> response = post("{ school(id: \"errors-test-nameless\") { id name } }");
            assertThat(classifications(response)).containsExactly("INTERNAL_ERROR");
            String message = response.toString();
            var incident = java.util.regex.Pattern.compile("incident ([0-9a-f-]{36})").matcher(message);
            assertThat(incident.find()).as(message).isTrue();
            assertThat(message).doesNotContain("NullValueInNonNullableField").doesNotContain("graphql");
            assertThat(output.getOut()).contains("Incident " + incident.group(1) + ": NullValueInNonNullableField");
        } finally {
            graph.write("MATCH (s:School {id: 'errors-test-nameless'}) DETACH DELETE s", Map.of());
        }
    }

    /** A body over 16 MiB is refused with 413, whether it says its length or is sent in chunks, without reading it all. */
    @Test
    void aBodyLargerThanTheLimitIsRefused() throws Exception {
        byte[] big = ("{\"query\": \"{ regions { code } }\", \"variables\": {\"x\": \"" + "x".repeat(17 << 20) + "\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var client = java.net.http.HttpClient.newHttpClient();
        for (var body : List.of(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big),
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json").POST(body).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("BAD_REQUEST").contains("larger than 16 MiB (edugraph.graphql.max-body-size)");
        }
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefusedBeforeItRuns() {
        String deep = "{ region(code: \"350104\") { " + "parent { ".repeat(12) + "code" + " }".repeat(12) + " } }";
        long before = graph.statementsRun();
        Map<String, Object> response = post(deep);
        assertThat(classifications(response)).containsExactly("BAD_REQUEST");
        assertThat(response.toString()).containsIgnoringCase("depth");
        assertThat(graph.statementsRun()).isEqualTo(before);
    }

    @Test
    void aHugeDocumentIsRefusedByTheParser() {
        String huge = "{ " + "schools { totalCount } ".repeat(5000) + "}";
        Map<String, Object> response = post(huge);
        assertThat(classifications(response)).containsExactly("BAD_REQUEST");
        assertNoInternals(response);
    }

    @Test
    void aBodyThatIsNotJsonGetsA400WithoutInternals() {
        String body = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body == null ? "" : body).doesNotContain("Exception").doesNotContain("at org.");
    }

    private static void assertNoInternals(Map<String, Object> response) {
        assertThat(response.toString())
                .doesNotContain("Exception")
                .doesNotContain("org.edugraph")
                .doesNotContain("MATCH (")
                .doesNotContain("\tat ");
    }
}
