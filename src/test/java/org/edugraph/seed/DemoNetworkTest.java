package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.edugraph.EduGraphApplication;
import org.edugraph.neo4j.Graph;
import org.edugraph.support.ExpectedNetwork;
import org.edugraph.support.ExpectedNetwork.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The README's demo command, run as a new user would on a fresh data directory: the
 * demo profile adds a generated network of about 2,000 schools and 4,000 pairings over
 * real Fujian counties, every part of it synthetic and said to be so, the reports' facts
 * untouched; and the analytics over it equal an independent count over all pairings.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoNetworkTest {

    @TempDir
    Path dataDir;

    @Test
    @SuppressWarnings("unchecked")
    void theDemoProfileAddsASyntheticNetworkAndLeavesEverySeedFactAsItWas(CapturedOutput output) {
        List<String> seedsBefore;
        try (ConfigurableApplicationContext app = start()) {
            seedsBefore = seedFacts(app.getBean(Graph.class));
        }
        try (ConfigurableApplicationContext app = start("--spring.profiles.active=demo")) {
            Graph graph = app.getBean(Graph.class);
            assertThat(seedFacts(graph)).as("every seed fact as it was").isEqualTo(seedsBefore);
            assertThat(count(graph, "MATCH (s:School {synthetic: true}) RETURN count(s) AS n")).isEqualTo(2000);
            assertThat(count(graph, "MATCH (p:Pairing {synthetic: true}) RETURN count(p) AS n")).isEqualTo(4000);
            // The only links from generated data to reported data are to the regions (real county codes).
            assertThat(graph.read("""
                    MATCH (a)-[r]-(b) WHERE a.synthetic AND NOT coalesce(b.synthetic, false)
                    RETURN DISTINCT type(r) + '->' + labels(b)[0] AS link""", Map.of()).stream().map(r -> r.get("link").asString()).toList())
                    .containsExactly("LOCATED_IN->Region");
            assertThat(count(graph, """
                    MATCH (s:School {synthetic: true})-[:LOCATED_IN]->(r:Region)
                    WHERE NOT r.code STARTS WITH '35' OR r.level <> 'COUNTY' OR NOT coalesce(r.official, true) RETURN count(s) AS n"""))
                    .as("every generated school is in a real Fujian county").isZero();

            WebTestClient http = client(app);
            Map<String, Object> data = post(http, """
                    { real: school(id: "cs-panyu-ms") { synthetic }
                      generated: school(id: "demo-s000001") { name synthetic sources { title } }
                      pairing(id: "demo-p0000001") { synthetic mentor { synthetic } }
                      seeded: pairing(id: "cs-jxx-panyu") { synthetic } }""");
            assertThat((Map<String, Object>) data.get("real")).containsEntry("synthetic", false);
            assertThat((Map<String, Object>) data.get("seeded")).containsEntry("synthetic", false);
            Map<String, Object> generated = (Map<String, Object>) data.get("generated");
            assertThat(generated).containsEntry("synthetic", true);
            assertThat((String) generated.get("name")).contains("示例");
            assertThat(generated.get("sources").toString()).contains("synthetic");
            assertThat((Map<String, Object>) data.get("pairing")).containsEntry("synthetic", true);

            // Every analytic over the whole graph, seeds and demo together, equals an independent count.
            ExpectedNetwork expected = ExpectedNetwork.read(graph);
            for (Filter f : List.of(Filter.NONE, Filter.region("350500"), Filter.region("350503").activeOn(java.time.LocalDate.of(2020, 9, 1)))) {
                Map<String, Object> stats = (Map<String, Object>) post(http, """
                        { networkStats(filter: %s) { schools mentors mentees pairings crossRegionPairings maxMenteesPerMentor
                            components largestComponent coverage { region { code } schools pairedSchools mentors mentees unpairedSchools } } }"""
                        .formatted(f.graphql())).get("networkStats");
                Map<String, Object> want = expected.stats(f);
                for (String field : List.of("schools", "mentors", "mentees", "pairings", "crossRegionPairings",
                        "maxMenteesPerMentor", "components", "largestComponent")) {
                    assertThat(stats.get(field)).as("%s of %s", field, f).isEqualTo(want.get(field));
                }
                Map<String, List<Integer>> coverage = new java.util.TreeMap<>();
                for (Map<String, Object> row : (List<Map<String, Object>>) stats.get("coverage")) {
                    coverage.put((String) ((Map<String, Object>) row.get("region")).get("code"), List.of((Integer) row.get("schools"),
                            (Integer) row.get("pairedSchools"), (Integer) row.get("mentors"), (Integer) row.get("mentees"),
                            (Integer) row.get("unpairedSchools")));
                }
                assertThat(coverage).as("coverage of %s", f).isEqualTo(expected.coverage(f, "COUNTY"));
            }
            Map<String, Object> network = (Map<String, Object>) post(http, """
                    { partnershipNetwork(filter: {regionCode: "350500"}, includeGroups: true, includePrograms: true, limit: 50000) { edges { id } } }""")
                    .get("partnershipNetwork");
            Set<String> edges = new HashSet<>();
            ((List<Map<String, Object>>) network.get("edges")).forEach(e -> edges.add((String) e.get("id")));
            assertThat(edges).isEqualTo(expected.networkEdges(Filter.region("350500"), true, true));
            Map<String, Object> near = (Map<String, Object>) post(http, """
                    { schoolNeighborhood(schoolId: "demo-s000001", depth: 2, limit: 50000) { nodes { id kind } } }""")
                    .get("schoolNeighborhood");
            Set<String> schools = new HashSet<>();
            ((List<Map<String, Object>>) near.get("nodes")).stream().filter(n -> "School".equals(n.get("kind")))
                    .forEach(n -> schools.add((String) n.get("id")));
            assertThat(schools).isEqualTo(expected.distances("demo-s000001", Filter.NONE, true, 2).keySet());
            List<Map<String, Object>> path = (List<Map<String, Object>>) post(http, """
                    { partnershipPath(fromSchoolId: "demo-s000001", toSchoolId: "demo-s001999") { id } }""").get("partnershipPath");
            Integer distance = expected.distances("demo-s000001", Filter.NONE, true, Integer.MAX_VALUE).get("demo-s001999");
            if (distance == null) {
                assertThat(path).isNull();
            } else {
                assertThat(path).hasSize(distance + 1);
            }
        }
        try (ConfigurableApplicationContext app = start("--spring.profiles.active=demo")) {
            Graph graph = app.getBean(Graph.class);
            assertThat(output.getOut()).contains("Demo network (2000 schools, 4000 pairings, seed 2022) already loaded");
            assertThat(count(graph, "MATCH (s:School {synthetic: true}) RETURN count(s) AS n")).isEqualTo(2000);
            assertThat(seedFacts(graph)).isEqualTo(seedsBefore);
        }
    }

    /**
     * Every node a seed file wrote, with all its properties, and every relationship between
     * two nodes that are not generated, with its properties: what a demo must not change.
     */
    private static List<String> seedFacts(Graph graph) {
        List<String> facts = new ArrayList<>();
        graph.read("MATCH (n) WHERE n.seed IS NOT NULL RETURN labels(n) AS labels, properties(n) AS p", Map.of())
                .forEach(r -> facts.add(r.get("labels").asList() + " " + new java.util.TreeMap<>(r.get("p").asMap(v -> String.valueOf(v.asObject())))));
        graph.read("""
                MATCH (a)-[r]->(b) WHERE NOT coalesce(a.synthetic, false) AND NOT coalesce(b.synthetic, false)
                  AND NOT a:__Migration AND NOT a:SeedFile AND NOT a:GeneratedDataset
                RETURN coalesce(a.id, a.code) + ' ' + type(r) + ' ' + coalesce(b.id, b.code) AS link, properties(r) AS p""", Map.of())
                .forEach(r -> facts.add(r.get("link").asString() + " " + new java.util.TreeMap<>(r.get("p").asMap(v -> String.valueOf(v.asObject())))));
        facts.removeIf(f -> f.contains("loadedAt"));
        Collections.sort(facts);
        assertThat(facts).hasSizeGreaterThan(500);
        return facts;
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of("--edugraph.data-dir=" + dataDir, "--edugraph.neo4j.bolt-port=0",
                "--server.port=0", "--edugraph.security.admin-password=demo-test-" + System.nanoTime()));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(EduGraphApplication.class).run(args.toArray(String[]::new));
    }

    private static long count(Graph graph, String cypher) {
        return graph.read(cypher, Map.of()).getFirst().get("n").asLong();
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> post(WebTestClient http, String query) {
        Map<String, Object> response = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(response).as(query).doesNotContainKey("errors");
        return (Map<String, Object>) response.get("data");
    }
}
