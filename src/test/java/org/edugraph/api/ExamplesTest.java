package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every example operation of graphql/examples, and every example query of the README, runs against
 * the seeds and answers with data. The operations are sent as the admin, since some change the graph: those do so
 * on schools and programs the test makes, passed as the operation's variables. The README's queries are sent
 * without signing in, as a newcomer sends them.
 */
public class ExamplesTest extends IntegrationTest {

    @org.junit.jupiter.api.AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    static Stream<Resource> examples() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:graphql/examples/*.gql");
        assertThat(resources).hasSizeGreaterThanOrEqualTo(5);
        return Arrays.stream(resources);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @SuppressWarnings("unchecked")
    void runsAndAnswersWithData(Resource example) throws IOException {
        String document = example.getContentAsString(StandardCharsets.UTF_8);
        var admin = org.edugraph.support.TestUsers.ADMIN;
        Map<String, Object> response = http.post().uri("/graphql").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(admin.name(), admin.password()))
                .bodyValue(Map.of("query", document, "variables", variablesOfTheTestsOwn(document)))
                .exchange().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(response).as(example.getFilename()).doesNotContainKey("errors");
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        assertThat(data).isNotEmpty();
        data.forEach((field, value) -> assertThat(value).as(field).isNotNull());
        assertThat(data.toString()).as("an example should show facts, not empty lists only").containsPattern("\\p{IsHan}");
    }

    /**
     * For an example that writes, the schools and program it names by variable, made by the test (the example
     * leaves them to the user, so that running it unchanged records nothing). Read-only examples run with their
     * own defaults.
     */
    private Map<String, Object> variablesOfTheTestsOwn(String document) {
        Map<String, Object> variables = new java.util.HashMap<>();
        if (!document.contains("mutation")) {
            return variables;
        }
        if (document.contains("$mentorId")) {
            variables.put("mentorId", testSchools.school("测试示例第一中学", org.edugraph.support.TestSchools.CANGSHAN).id());
        }
        if (document.contains("$menteeId")) {
            variables.put("menteeId", testSchools.school("测试示例第二中学", org.edugraph.support.TestSchools.CANGSHAN).id());
        }
        if (document.contains("$programId")) {
            variables.put("programId", testSchools.program("测试示例定向帮扶", org.edugraph.support.TestSchools.CANGSHAN).id());
        }
        return variables;
    }

    /** The README's example queries: each ```graphql block of README.md, as it stands there. */
    static Stream<String> readmeQueries() throws IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"), StandardCharsets.UTF_8);
        java.util.List<String> blocks = java.util.regex.Pattern.compile("(?ms)^```graphql\\n(.*?)^```")
                .matcher(readme).results().map(m -> m.group(1)).toList();
        assertThat(blocks).as("the README's example queries").hasSize(3);
        return blocks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readmeQueries")
    @SuppressWarnings("unchecked")
    void theReadmesQueriesAnswerWithData(String query) {
        Map<String, Object> response = http.post().uri("/graphql").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .exchange().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(response).as(query).doesNotContainKey("errors");
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        assertThat(data).isNotEmpty();
        data.forEach((field, value) -> assertThat(value).as(field).isNotNull());
        assertThat(data.toString()).as("an example should show facts, not empty lists only").containsPattern("\\p{IsHan}");
    }

    @org.junit.jupiter.api.Test
    void graphiqlIsServedFromTheApplicationItself() {
        String page = http.get().uri("/graphiql").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(org.springframework.http.MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("/webjars/graphiql/graphiql.min.js", "/webjars/react/umd/react.production.min.js")
                .doesNotContain("http://", "https://", "//esm.sh", "//unpkg.com", "//cdn.");
        for (String asset : new String[] {"/webjars/graphiql/graphiql.min.js", "/webjars/graphiql/graphiql.min.css",
                "/webjars/react/umd/react.production.min.js", "/webjars/react-dom/umd/react-dom.production.min.js",
                "/graphiql/graphiql.js"}) {
            http.get().uri(asset).exchange().expectStatus().isOk();
        }
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void graphiqlOffersTheseVeryFilesAsItsExampleTabs() throws IOException {
        var offered = http.get().uri("/graphiql/examples").exchange().expectStatus().isOk()
                .expectBody(java.util.List.class).returnResult().getResponseBody();
        Map<String, String> files = new java.util.HashMap<>();
        for (Resource example : examples().toList()) {
            files.put(example.getFilename(), example.getContentAsString(StandardCharsets.UTF_8));
        }
        Map<String, String> served = new java.util.HashMap<>();
        ((java.util.List<Map<String, String>>) offered).forEach(e -> served.put(e.get("file"), e.get("query")));
        assertThat(served).isEqualTo(files);
        // Reads first: the first tab answers without signing in.
        assertThat(((Map<String, String>) offered.getFirst()).get("query")).doesNotContain("mutation");
    }
}
