package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The introspection queries tools send (GraphiQL's, graphql-js's with every option) are
 * answered in full, although they nest deeper than the depth limit; introspection that is
 * not in good faith is still refused, and so are deep queries of data.
 */
class IntrospectionTest extends IntegrationTest {

    private static String resource(String name) throws IOException {
        try (var in = IntrospectionTest.class.getResourceAsStream("/introspection/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIntrospectionQueriesOfGraphiqlAndGraphqlJsAreAnsweredInFull() throws IOException {
        for (String file : List.of("graphiql-2.4.7.graphql", "graphql-js-16.15-all-options.graphql")) {
            Map<String, Object> response = post(resource(file));
            assertThat(response).as(file).doesNotContainKey("errors");
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("__schema");
            assertThat(((Map<String, Object>) schema.get("queryType")).get("name")).isEqualTo("Query");
            List<Map<String, Object>> types = (List<Map<String, Object>>) schema.get("types");
            Map<String, Object> query = types.stream().filter(t -> "Query".equals(t.get("name"))).findFirst().orElseThrow();
            List<String> fields = ((List<Map<String, Object>>) query.get("fields")).stream().map(f -> (String) f.get("name")).toList();
            assertThat(fields).as(file).contains("school", "schools", "searchSchools", "pairings", "program", "regions",
                    "partnershipNetwork", "networkStats");
            assertThat(types).extracting(t -> t.get("name")).contains("School", "Pairing", "PairingKind", "PairingFilter", "Date");
        }
    }

    @Test
    void introspectionNotInGoodFaithIsABadRequest() {
        for (String document : List.of(
                "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
                "{ a: __schema { queryType { name } } b: __schema { queryType { name } } }")) {
            long before = graph.statementsRun();
            Map<String, Object> response = post(document);
            assertThat(classifications(response)).as(document).containsExactly("BAD_REQUEST");
            assertThat(response.toString()).contains("not asking for introspection in good faith");
            assertThat(graph.statementsRun()).isEqualTo(before);
        }
    }

    @Test
    void aQueryOfDataDeeperThanTheLimitIsStillRefusedBesideIntrospection() {
        String deep = "{ __schema { queryType { name } } region(code: \"350104\") { " + "parent { ".repeat(12) + "code"
                + " }".repeat(12) + " } }";
        Map<String, Object> response = post(deep);
        assertThat(classifications(response)).containsExactly("BAD_REQUEST");
        assertThat(response.toString()).contains("The request's depth is 14 fields; at most 12 are allowed");
    }
}
