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
 * Every example operation of graphql/examples runs against the seeds and answers with
 * data; they are sent as the admin, since some change the graph.
 */
class ExamplesTest extends IntegrationTest {

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
        Map<String, Object> response = postAs(org.edugraph.support.TestUsers.ADMIN, example.getContentAsString(StandardCharsets.UTF_8));
        assertThat(response).as(example.getFilename()).doesNotContainKey("errors");
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        assertThat(data).isNotEmpty();
        data.forEach((field, value) -> assertThat(value).as(field).isNotNull());
        assertThat(data.toString()).as("an example should show facts, not empty lists only").containsPattern("\\p{IsHan}");
    }

    @org.junit.jupiter.api.Test
    void graphiqlIsServedForPeopleToTryThem() {
        String location = http.get().uri("/graphiql").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
        assertThat(location).contains("/graphiql?path=/graphql");
        http.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(org.springframework.http.MediaType.TEXT_HTML);
    }
}
