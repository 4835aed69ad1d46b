package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the fidelity check vouches for is what the API serves: the quotes of a seed file that
 * passes it (the fixture of src/test/resources/fidelity/good) come back verbatim as
 * {@code Source.quote}, and its recognitions as {@code recognitions} of the school and program;
 * and every quote the real seeds put in the graph is a span of its report.
 */
class SeedQuotesServedTest extends IntegrationTest {

    private static final String FIXTURE = "fidelity-fixture";

    @Autowired
    SeedLoader loader;

    @AfterEach
    void removeFixture() {
        graph.write("MATCH (n {seed: $seed}) DETACH DELETE n", Map.of("seed", FIXTURE));
        graph.write("MATCH (f:SeedFile {name: 'tiny.yaml'}) DELETE f", Map.of());
    }

    @Test
    void theQuotesAndRecognitionsOfAFaithfulSeedFileAreServed() throws Exception {
        loader.load(SeedLoader.read("classpath:fidelity/good/"));
        String report = report();

        graphQl.document("""
                { school(id: "fx-one") {
                    name
                    sources { section quote }
                    recognitions { title level year rank source { title section quote } } } }""")
                .execute()
                .path("school.sources[*].quote").entityList(String.class).satisfies(quotes -> assertThat(quotes)
                        // its own mention, its membership, its participation (and pairing), the merger into it is the other's
                        .containsExactlyInAnyOrder("测试第一小学(简称测一小)新校区建成", "测试教育集团由测一小牵头",
                                "测一小与测试第二小学结对"))
                .path("school.recognitions").entityList(Map.class).hasSize(1)
                .path("school.recognitions[0].title").entity(String.class).isEqualTo("全国文明校园")
                .path("school.recognitions[0].level").entity(String.class).isEqualTo("NATIONAL")
                .path("school.recognitions[0].year").entity(Integer.class).isEqualTo(2022)
                .path("school.recognitions[0].rank").valueIsNull()
                .path("school.recognitions[0].source.title").entity(String.class).isEqualTo("2022年测试区教育工作总结")
                .path("school.recognitions[0].source.section").entity(String.class).isEqualTo("三")
                .path("school.recognitions[0].source.quote").entity(String.class).isEqualTo("测一小获评全国文明校园");

        graphQl.document("""
                { program(id: "fx-one-to-one") {
                    sources { quote }
                    figures { metric value qualifier source { quote } }
                    recognitions { title rank level source { quote } }
                    pairings { edges { node { id sources { quote } } } } } }""")
                .execute()
                .path("program.sources[*].quote").entityList(String.class).containsExactly("实施\"一对一\"帮扶")
                .path("program.recognitions[0].title").entity(String.class).isEqualTo("全省第一")
                .path("program.recognitions[0].rank").entity(Integer.class).isEqualTo(1)
                .path("program.recognitions[0].level").valueIsNull()
                .path("program.recognitions[0].source.quote").entity(String.class).isEqualTo("\"一对一\"帮扶工作全省第一")
                .path("program.pairings.edges[0].node.sources[*].quote").entityList(String.class)
                .containsExactly("测一小与测试第二小学结对")
                .path("program.figures").entityList(Map.class).satisfies(figures -> assertThat(figures)
                        .anySatisfy(f -> assertThat(f).containsEntry("metric", "activities").containsEntry("value", 30.0)
                                .containsEntry("qualifier", "AT_LEAST").containsEntry("source", Map.of("quote", "共开展活动三十余场"))));

        // Everything the file put in the graph is quoted, and every quote is the report's.
        List<String> quotes = graph.read("""
                MATCH (n {seed: $seed})-[:STATED_IN]->(s:Source) WHERE NOT n:Region
                RETURN s.quote AS quote""", Map.of("seed", FIXTURE)).stream()
                .map(r -> r.get("quote").isNull() ? null : r.get("quote").asString()).toList();
        assertThat(quotes).isNotEmpty().allSatisfy(q -> assertThat(report).contains(q));
    }

    @Test
    void everyQuoteTheSeedsPutInTheGraphIsInItsReport() throws IOException {
        for (String document : List.of("quanzhou-2022", "cangshan-2022")) {
            String report = Files.readString(Path.of("seeds", "reports", document + ".txt"), StandardCharsets.UTF_8);
            List<String> quotes = graph.read("MATCH (s:Source {document: $document}) WHERE s.quote IS NOT NULL RETURN s.quote AS q",
                    Map.of("document", document)).stream().map(r -> r.get("q").asString()).toList();
            assertThat(quotes).as(document).allSatisfy(q -> assertThat(report).contains(q));
        }
    }

    private String report() throws IOException, URISyntaxException {
        return Files.readString(Path.of(getClass().getResource("/fidelity/good/reports/tiny.txt").toURI()), StandardCharsets.UTF_8);
    }
}
