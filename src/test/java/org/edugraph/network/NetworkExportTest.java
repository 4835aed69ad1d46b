package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.edugraph.seed.GeneratedNetworkWriter;
import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.GraphSchemas;
import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file exports as a client downloads them: valid against the official GraphML and
 * GEXF schemas, holding exactly what partnershipNetwork and pairings answer for the same
 * filter, and refusing a bad query string with a whole JSON error before any file starts.
 * Over a generated network of its own, in a test county T-EXPORT under 福建省 (350000),
 * removed afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkExportTest extends IntegrationTest {

    private static final String REGION = "T-EXPORT";
    private static final String DATASET = "test-export";
    /** A school whose id is no XML name token and whose name needs escaping in XML and CSV. */
    private static final String ODD_ID = "texp-odd id/1>x";
    private static final String ODD_NAME = "A&B <示例> \"学校\", 第1校";

    private NetworkGenerator.Network network;

    @BeforeAll
    void createNetwork() {
        graph.write("""
                MATCH (fujian:Region {code: '350000'})
                MERGE (r:Region {code: $code}) SET r.name = '导出测试县', r.level = 'COUNTY', r.official = false
                MERGE (r)-[:PART_OF]->(fujian)""", Map.of("code", REGION));
        var spec = new NetworkGenerator.Spec(DATASET, "texp-", 60, 150, 11,
                List.of(new NetworkGenerator.County(REGION, "导出测试县", "350000")), LocalDate.now());
        network = NetworkGenerator.generate(spec);
        new GeneratedNetworkWriter(graph).write(network);
        // The odd school is mentored by the busiest generated mentor and is in no group or program.
        graph.write("""
                MATCH (r:Region {code: $region}), (m:School {id: $mentor})
                CREATE (s:School {id: $id, name: $name, aliases: [], type: 'PRIMARY', ownership: 'PUBLIC', synthetic: true,
                                  dataset: $dataset})-[:LOCATED_IN]->(r)
                CREATE (p:Pairing {id: 'texp-odd-pairing', kind: 'OTHER', startDate: date('2021-03-01'), synthetic: true,
                                   dataset: $dataset})
                CREATE (p)-[:MENTOR]->(m), (p)-[:MENTEE]->(s)""",
                Map.of("region", REGION, "mentor", busiestMentor(), "id", ODD_ID, "name", ODD_NAME, "dataset", DATASET));
    }

    @AfterAll
    void removeNetwork() {
        new GeneratedNetworkWriter(graph).remove(DATASET);
        graph.write("MATCH (r:Region {code: $code}) DETACH DELETE r", Map.of("code", REGION));
    }

    private String busiestMentor() {
        return network.pairings().stream().collect(Collectors.groupingBy(NetworkGenerator.Pairing::mentorId, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    // ---- the files are what the schemas and the tools expect ----

    @Test
    void graphMlIsValidGraphMl10WithTheKnownNetwork() {
        var result = get("/export/network.graphml", q -> q.queryParam("regionCode", REGION).queryParam("includeGroups", "true"));
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo("application/graphml+xml");
        assertThat(result.getResponseHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo("edugraph-network-T-EXPORT-groups.graphml");
        byte[] body = result.getResponseBody();
        assertThat(GraphSchemas.errors(GraphSchemas.GRAPHML, body)).isEmpty();

        ExportedGraph file = ExportedGraph.read(body);
        assertThat(file.namespace()).isEqualTo("http://graphml.graphdrawing.org/xmlns");
        assertThat(file.repeated()).isEmpty();
        assertKnownNetwork(file);
        String xml = new String(body, StandardCharsets.UTF_8);
        assertThat(xml).contains("edgedefault=\"directed\"")
                .contains("<key id=\"n_synthetic\" for=\"node\" attr.name=\"synthetic\" attr.type=\"boolean\"")
                // The odd id as a name token, in the documented form.
                .contains("<node id=\"texp-odd_x0020_id_x002F_1_x003E_x\">")
                .contains("A&amp;B &lt;示例&gt; \"学校\", 第1校");
    }

    @Test
    void gexfIsValidGexf12WithTheKnownNetwork() {
        var result = get("/export/network.gexf", q -> q.queryParam("regionCode", REGION).queryParam("includeGroups", "true"));
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo("application/gexf+xml");
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo("edugraph-network-T-EXPORT-groups.gexf");
        byte[] body = result.getResponseBody();
        assertThat(GraphSchemas.errors(GraphSchemas.GEXF, body)).isEmpty();

        ExportedGraph file = ExportedGraph.read(body);
        assertThat(file.namespace()).isEqualTo("http://www.gexf.net/1.2draft");
        assertThat(file.repeated()).isEmpty();
        assertKnownNetwork(file);
        file.edges().values().forEach(e -> assertThat(e.get("label")).isEqualTo(e.get("kind")));
        String xml = new String(body, StandardCharsets.UTF_8);
        assertThat(xml).contains("version=\"1.2\"").contains("<graph mode=\"dynamic\" timeformat=\"date\"")
                .contains("defaultedgetype=\"directed\"")
                .contains("<attributes class=\"node\" mode=\"static\">").contains("<attributes class=\"edge\" mode=\"static\">")
                .doesNotContain("viz:");
        // Gephi's timeline: a pairing edge lives from its start to its end date; a membership always.
        NetworkGenerator.Pairing ended = network.pairings().stream().filter(p -> p.endDate() != null).findFirst().orElseThrow();
        assertThat(xml).contains("<edge id=\"%s\" source=\"%s\" target=\"%s\" label=\"%s\" start=\"%s\" end=\"%s\">".formatted(
                ended.id(), ended.mentorId(), ended.menteeId(), ended.kind(), ended.startDate(), ended.endDate()));
        NetworkGenerator.Group group = network.groups().getFirst();
        assertThat(xml).contains("<edge id=\"%s&gt;group:%s\" source=\"%s\" target=\"group:%s\" label=\"MEMBER_OF\">".formatted(
                group.leadId(), group.id(), group.leadId(), group.id()));
    }

    @Test
    void theSchemasRefuseWhatIsNotGraphMlOrGexf() {
        // The validation above could not pass a wrong file: a dangling edge and a GraphML file as GEXF are refused.
        byte[] graphMl = get("/export/network.graphml", q -> q.queryParam("regionCode", REGION)).getResponseBody();
        String dangling = new String(graphMl, StandardCharsets.UTF_8)
                .replaceFirst("<edge id=\"([^\"]+)\" source=\"[^\"]+\"", "<edge id=\"$1\" source=\"no-such-node\"");
        assertThat(GraphSchemas.errors(GraphSchemas.GRAPHML, dangling.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(GraphSchemas.errors(GraphSchemas.GEXF, graphMl)).isNotEmpty();
    }

    /** What the generator made, as the file should hold it: every node and edge, one pairing, one school, the odd school. */
    private void assertKnownNetwork(ExportedGraph file) {
        Set<String> nodes = new HashSet<>(Set.of(ODD_ID));
        Set<String> edges = new HashSet<>(Set.of("texp-odd-pairing"));
        network.pairings().forEach(p -> {
            nodes.addAll(List.of(p.mentorId(), p.menteeId()));
            edges.add(p.id());
        });
        network.groups().forEach(g -> {
            nodes.add("group:" + g.id());
            for (String school : concat(g.leadId(), g.memberIds())) {
                nodes.add(school);
                edges.add(school + ">group:" + g.id());
            }
        });
        assertThat(file.nodes().keySet()).containsExactlyInAnyOrderElementsOf(nodes);
        assertThat(file.edges().keySet()).containsExactlyInAnyOrderElementsOf(edges);

        NetworkGenerator.Pairing pairing = network.pairings().stream().filter(p -> p.programId() != null && p.endDate() != null)
                .findFirst().orElseThrow();
        assertThat(file.edges().get(pairing.id())).containsAllEntriesOf(Map.of("source", pairing.mentorId(),
                "target", pairing.menteeId(), "kind", pairing.kind().name(), "program", pairing.programId(),
                "startDate", pairing.startDate().toString(), "endDate", pairing.endDate().toString(), "synthetic", "true"));
        NetworkGenerator.School school = network.schools().stream().filter(x -> x.id().equals(pairing.menteeId()))
                .findFirst().orElseThrow();
        Map<String, String> node = new HashMap<>(file.nodes().get(school.id()));
        assertThat(node).containsKeys("degree", "betweenness", "community"); // the measures, checked in NetworkMeasuresTest
        node.keySet().removeIf(k -> Arrays.stream(NetworkXml.MEASURES).anyMatch(m -> m[0].equals(k)));
        assertThat(node).isEqualTo(Map.of("label", school.name(), "kind", "School",
                "type", school.type().name(), "region", REGION, "synthetic", "true"));
        NetworkGenerator.Group group = network.groups().getFirst();
        assertThat(file.nodes().get("group:" + group.id())).containsEntry("label", group.name())
                .containsEntry("kind", "EducationGroup").containsEntry("type", group.kind());
        assertThat(file.edges().get(group.leadId() + ">group:" + group.id()))
                .containsEntry("kind", "MEMBER_OF").containsEntry("target", "group:" + group.id())
                .doesNotContainKeys("program", "startDate", "endDate");
        assertThat(file.nodes().get(ODD_ID)).containsEntry("label", ODD_NAME);
        assertThat(file.edges().get("texp-odd-pairing")).containsEntry("target", ODD_ID).containsEntry("kind", "OTHER")
                .containsEntry("startDate", "2021-03-01").doesNotContainKeys("endDate", "program");
    }

    // ---- the files hold what the API answers ----

    /** Filters over the test network, as GraphQL variables; each is also sent as a query string. */
    private List<Map<String, Object>> filters() {
        NetworkGenerator.Pairing some = network.pairings().get(3);
        return List.of(
                Map.of("regionCode", REGION),
                Map.of("regionCode", REGION, "activeOn", "2019-06-01"),
                Map.of("regionCode", REGION, "kinds", List.of("DEEP_ALLIANCE", "TARGETED_SUPPORT")),
                Map.of("regionCode", REGION, "kinds", List.of("ONE_TO_ONE"), "activeOn", "2021-09-01"),
                Map.of("regionCode", REGION, "kinds", List.of("SPECIAL_DELIVERY_CLASSROOM", "ONE_TO_ONE", "OTHER")),
                Map.of("programId", "texp-program-5g"),
                Map.of("programId", "texp-program-alliance", "activeOn", "2023-01-15"),
                Map.of("mentorId", busiestMentor()),
                Map.of("menteeId", some.menteeId(), "regionCode", REGION));
    }

    @Test
    void networkFilesHoldExactlyTheNetworkPartnershipNetworkDraws() {
        int compared = 0;
        List<Map<String, Object>> filters = filters();
        for (int f = 0; f < filters.size(); f++) {
            Map<String, Object> filter = filters.get(f);
            for (boolean groups : List.of(false, true)) {
                for (boolean programs : List.of(false, true)) {
                    // Groups without programs and the reverse, for the first filters only: each costs new plans.
                    if (groups != programs && f > 2) {
                        continue;
                    }
                    var expected = partnershipNetwork(filter, groups, programs);
                    assertThat(expected.edges()).as("the filter %s selects something", filter).isNotEmpty();
                    for (String format : List.of("graphml", "gexf")) {
                        byte[] body = get("/export/network." + format, q -> {
                            query(q, filter);
                            return q.queryParam("includeGroups", groups).queryParam("includePrograms", programs);
                        }).getResponseBody();
                        ExportedGraph file = ExportedGraph.read(body);
                        String what = format + " " + filter + " groups=" + groups + " programs=" + programs;
                        assertThat(file.repeated()).as(what).isEmpty();
                        assertThat(file.nodes()).as(what).isEqualTo(expected.nodes());
                        Map<String, Map<String, String>> edges = new HashMap<>(file.edges());
                        edges.values().forEach(e -> e.remove("label")); // GEXF's label is the kind again
                        assertThat(edges).as(what).isEqualTo(expected.edges());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo((filters.size() * 2 + 3 * 2) * 2);
    }

    @Test
    void partnershipNetworkCountsEachEdgeOnceAgainstItsLimit() {
        // A school in several selected pairings once returned its program edges once per
        // pairing: the repeats used up the limit, and edges went missing with truncated false.
        Map<String, Object> filter = Map.of("regionCode", REGION, "kinds", List.of("DEEP_ALLIANCE", "TARGETED_SUPPORT"));
        int all = partnershipNetwork(filter, true, true).edges().size();
        String document = """
                query($f: PairingFilter, $limit: Int) {
                  partnershipNetwork(filter: $f, includeGroups: true, includePrograms: true, limit: $limit) { truncated edges { id } }
                }""";
        graphQl.document(document).variable("f", filter).variable("limit", all).execute()
                .path("partnershipNetwork.truncated").entity(Boolean.class).isEqualTo(false)
                .path("partnershipNetwork.edges").entityList(Object.class).hasSize(all);
        graphQl.document(document).variable("f", filter).variable("limit", all - 1).execute()
                .path("partnershipNetwork.truncated").entity(Boolean.class).isEqualTo(true)
                .path("partnershipNetwork.edges").entityList(Object.class).hasSize(all - 1);
    }

    private record Drawn(Map<String, Map<String, String>> nodes, Map<String, Map<String, String>> edges) {
    }

    @SuppressWarnings("unchecked")
    private Drawn partnershipNetwork(Map<String, Object> filter, boolean groups, boolean programs) {
        Map<String, Object> answer = post("""
                query($f: PairingFilter, $g: Boolean, $p: Boolean) {
                  partnershipNetwork(filter: $f, includeGroups: $g, includePrograms: $p, limit: 20000) {
                    truncated
                    nodes { id label kind synthetic school { type region { code } } group { kind region { code } }
                            program { kind region { code } }
                            measures { inDegree outDegree degree betweenness pageRank reach2 coreNumber articulation cutOff community } }
                    edges { id source target kind synthetic bridge pairing { program { id } startDate endDate } }
                  }
                }""", Map.of("f", filter, "g", groups, "p", programs));
        assertThat(answer).doesNotContainKey("errors");
        var drawn = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("partnershipNetwork");
        assertThat(drawn.get("truncated")).isEqualTo(false);
        Map<String, Map<String, String>> nodes = new HashMap<>();
        for (var node : (List<Map<String, Object>>) drawn.get("nodes")) {
            Map<String, Object> of = (Map<String, Object>) (node.get("school") != null ? node.get("school")
                    : node.get("group") != null ? node.get("group") : node.get("program"));
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("label", (String) node.get("label"));
            attributes.put("kind", (String) node.get("kind"));
            attributes.put("type", (String) (of.containsKey("type") ? of.get("type") : of.get("kind")));
            if (of.get("region") != null) {
                attributes.put("region", (String) ((Map<String, Object>) of.get("region")).get("code"));
            }
            attributes.put("synthetic", String.valueOf(node.get("synthetic")));
            // The measures, as the file writes them: every one, but a community not known.
            var measures = (Map<String, Object>) node.get("measures");
            assertThat(measures == null).as("measures of %s", node.get("id")).isEqualTo(!"School".equals(node.get("kind")));
            if (measures != null) {
                measures.forEach((name, value) -> {
                    if (value != null) {
                        attributes.put(name, String.valueOf(value));
                    }
                });
            }
            nodes.put((String) node.get("id"), attributes);
        }
        Map<String, Map<String, String>> edges = new HashMap<>();
        for (var edge : (List<Map<String, Object>>) drawn.get("edges")) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("source", (String) edge.get("source"));
            attributes.put("target", (String) edge.get("target"));
            attributes.put("kind", (String) edge.get("kind"));
            var pairing = (Map<String, Object>) edge.get("pairing");
            String target = (String) edge.get("target");
            if (pairing != null && pairing.get("program") != null) {
                attributes.put("program", (String) ((Map<String, Object>) pairing.get("program")).get("id"));
            } else if (pairing == null && target.startsWith("program:")) {
                attributes.put("program", target.substring("program:".length()));
            }
            if (pairing != null && pairing.get("startDate") != null) {
                attributes.put("startDate", (String) pairing.get("startDate"));
            }
            if (pairing != null && pairing.get("endDate") != null) {
                attributes.put("endDate", (String) pairing.get("endDate"));
            }
            attributes.put("synthetic", String.valueOf(edge.get("synthetic")));
            assertThat(edge.get("bridge") == null).as("bridge of %s", edge.get("id")).isEqualTo(pairing == null);
            if (edge.get("bridge") != null) {
                attributes.put("bridge", String.valueOf(edge.get("bridge")));
            }
            edges.put((String) edge.get("id"), attributes);
        }
        return new Drawn(nodes, edges);
    }

    @Test
    void csvHoldsExactlyThePairingsThePairingsQueryAnswers() throws IOException {
        for (Map<String, Object> filter : filters()) {
            var result = get("/export/pairings.csv", q -> query(q, filter));
            List<Map<String, String>> rows = csvRows(result.getResponseBody(), true);
            List<Map<String, String>> expected = pairings(filter);
            assertThat(expected).as("the filter %s selects something", filter).isNotEmpty();
            assertThat(rows).as(filter.toString()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void csvIsRfc4180WithABomThatCanBeLeftOut() throws IOException {
        var result = get("/export/pairings.csv", q -> q.queryParam("regionCode", REGION).queryParam("activeOn", "2021-09-01"));
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo("edugraph-pairings-T-EXPORT-2021-09-01.csv");
        byte[] withBom = result.getResponseBody();
        assertThat(Arrays.copyOf(withBom, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(withBom, 3, withBom.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", NetworkExport.PAIRING_COLUMNS) + "\r\n");
        // The odd name, quoted as RFC 4180 wants: in quotes, its quotes doubled.
        assertThat(text).contains(",\"A&B <示例> \"\"学校\"\", 第1校\",T-EXPORT,");

        byte[] withoutBom = get("/export/pairings.csv", q -> q.queryParam("regionCode", REGION)
                .queryParam("activeOn", "2021-09-01").queryParam("bom", "false")).getResponseBody();
        assertThat(withoutBom).isEqualTo(Arrays.copyOfRange(withBom, 3, withBom.length));
        assertThat(csvRows(withoutBom, false)).hasSize(csvRows(withBom, true).size()).isNotEmpty();
    }

    private static List<Map<String, String>> csvRows(byte[] body, boolean bom) throws IOException {
        if (bom) {
            assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        }
        String text = new String(body, bom ? 3 : 0, body.length - (bom ? 3 : 0), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).containsExactly(NetworkExport.PAIRING_COLUMNS);
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> pairings(Map<String, Object> filter) {
        Map<String, Object> answer = post("""
                query($f: PairingFilter) {
                  pairings(filter: $f, first: 500) {
                    totalCount
                    edges { node { id kind startDate endDate active synthetic program { id name }
                                   mentor { id name region { code } } mentee { id name region { code } } } }
                  }
                }""", Map.of("f", filter));
        assertThat(answer).doesNotContainKey("errors");
        var connection = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("pairings");
        var edges = (List<Map<String, Object>>) connection.get("edges");
        assertThat(connection.get("totalCount")).isEqualTo(edges.size());
        List<Map<String, String>> rows = new ArrayList<>();
        for (var edge : edges) {
            var p = (Map<String, Object>) edge.get("node");
            var mentor = (Map<String, Object>) p.get("mentor");
            var mentee = (Map<String, Object>) p.get("mentee");
            var program = (Map<String, Object>) p.get("program");
            Map<String, String> row = new HashMap<>();
            row.put("pairingId", (String) p.get("id"));
            row.put("mentorId", (String) mentor.get("id"));
            row.put("mentorName", (String) mentor.get("name"));
            row.put("mentorRegionCode", (String) ((Map<String, Object>) mentor.get("region")).get("code"));
            row.put("menteeId", (String) mentee.get("id"));
            row.put("menteeName", (String) mentee.get("name"));
            row.put("menteeRegionCode", (String) ((Map<String, Object>) mentee.get("region")).get("code"));
            row.put("kind", (String) p.get("kind"));
            row.put("programId", program == null ? "" : (String) program.get("id"));
            row.put("programName", program == null ? "" : (String) program.get("name"));
            row.put("startDate", p.get("startDate") == null ? "" : (String) p.get("startDate"));
            row.put("endDate", p.get("endDate") == null ? "" : (String) p.get("endDate"));
            row.put("active", String.valueOf(p.get("active")));
            row.put("synthetic", String.valueOf(p.get("synthetic")));
            rows.add(row);
        }
        return rows;
    }

    // ---- refusals ----

    @Test
    void aBadQueryStringIsABadRequestNamingTheParameterWithNoFileBehindIt() {
        record Case(String path, String query, String mentions) {
        }
        List<Case> cases = List.of(
                new Case("/export/network.graphml", "region=350104", "`region`; this export accepts programId, kinds, regionCode"),
                new Case("/export/network.gexf", "activeOn=2022-13-01", "`activeOn` must be an ISO date"),
                new Case("/export/network.graphml", "activeOn=", "`activeOn` is empty"),
                new Case("/export/pairings.csv", "kinds=DEEP_ALLIANCE,NOPE", "`kinds`: `NOPE` is not a PairingKind; allowed: "
                        + "SPECIAL_DELIVERY_CLASSROOM, DEEP_ALLIANCE, TARGETED_SUPPORT, ONE_TO_ONE, OTHER"),
                new Case("/export/network.gexf", "kinds=DEEP_ALLIANCE&kinds=", "`kinds` has an empty entry"),
                new Case("/export/network.graphml", "includeGroups=yes", "`includeGroups` must be true or false, got `yes`"),
                new Case("/export/pairings.csv", "bom=0", "`bom` must be true or false"),
                new Case("/export/network.graphml", "bom=false", "Unknown parameter `bom`"),
                new Case("/export/pairings.csv", "includePrograms=true", "Unknown parameter `includePrograms`"),
                new Case("/export/pairings.csv", "regionCode=350104&regionCode=350500", "`regionCode` is given 2 times"));
        for (Case c : cases) {
            var result = http.get().uri(c.path() + "?" + c.query()).accept(MediaType.parseMediaType("text/csv"))
                    .exchange().expectBody(byte[].class).returnResult();
            assertThat(result.getStatus().value()).as(c.query()).isEqualTo(400);
            assertError(result, "BAD_REQUEST", c.mentions());
        }
    }

    @Test
    void whenEveryPlaceForAnExportIsTakenTheNextIsToldToComeBackNotQueued(
            @org.springframework.beans.factory.annotation.Autowired NetworkExport exports) {
        int places = exports.gate().free();
        for (int i = 0; i < places; i++) {
            assertThat(exports.gate().enter(java.time.Duration.ZERO)).isTrue();
        }
        try {
            var result = http.get().uri("/export/pairings.csv?regionCode=350104").exchange().expectBody(byte[].class).returnResult();
            assertThat(result.getStatus().value()).isEqualTo(503);
            assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("30");
            assertThat(result.getResponseHeaders().getFirst("Content-Disposition")).isNull();
            assertError(result, "INTERNAL_ERROR", "Too many exports are running at once; try again in a minute");
        } finally {
            for (int i = 0; i < places; i++) {
                exports.gate().leave();
            }
        }
        var result = http.get().uri("/export/pairings.csv?regionCode=350104").exchange().expectBody(byte[].class).returnResult();
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(exports.gate().free()).as("every place given back").isEqualTo(places);
    }

    @Test
    void aHeadRequestAnswersTheHeadersWithoutReadingTheNetwork() {
        long before = graph.statementsRun();
        var head = http.head().uri("/export/network.graphml?regionCode=350104&includeGroups=true").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(head.getResponseHeaders().getFirst("Content-Disposition")).contains("attachment", ".graphml");
        assertThat(head.getResponseHeaders().getContentType().toString()).startsWith("application/graphml+xml");
        assertThat(graph.statementsRun() - before).as("only the ids were checked").isEqualTo(1);
        http.head().uri("/export/network.graphml?regionCode=no-such").exchange().expectStatus().isNotFound();
    }

    @Test
    void anUnknownRegionProgramOrSchoolIsNotFound() {
        Map<String, String> cases = Map.of(
                "/export/network.graphml?regionCode=T-NO-SUCH-REGION", "No region with code T-NO-SUCH-REGION",
                "/export/network.gexf?programId=no-such-program", "No program with id no-such-program",
                "/export/pairings.csv?mentorId=no-such-school", "No school with id no-such-school");
        cases.forEach((uri, message) -> {
            var result = http.get().uri(uri).exchange().expectBody(byte[].class).returnResult();
            assertThat(result.getStatus().value()).as(uri).isEqualTo(404);
            assertError(result, "NOT_FOUND", message);
        });
    }

    /** The whole body is the API's JSON error: nothing of a file before or after it, no attachment. */
    @SuppressWarnings("unchecked")
    private static void assertError(EntityExchangeResult<byte[]> result, String classification, String mentions) {
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_DISPOSITION)).isFalse();
        Map<String, Object> body = JsonMapper.builder().build().readValue(result.getResponseBody(), Map.class);
        assertThat(body).containsOnlyKeys("errors");
        var errors = (List<Map<String, Object>>) body.get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst()).containsOnlyKeys("message", "extensions");
        assertThat((String) errors.getFirst().get("message")).contains(mentions).doesNotContain("Exception", "MATCH", "org.");
        assertThat(errors.getFirst().get("extensions")).isEqualTo(Map.of("classification", classification));
    }

    // ---- helpers ----

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private EntityExchangeResult<byte[]> get(String path, Function<UriBuilder, UriBuilder> query) {
        return http.get().uri(b -> query.apply(b.path(path)).build()).exchange().expectBody(byte[].class).returnResult();
    }

    /** A GraphQL filter as a query string; an even number of kinds repeated, an odd one comma-separated (both are accepted). */
    private static UriBuilder query(UriBuilder q, Map<String, Object> filter) {
        filter.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                if (list.size() % 2 == 0) {
                    list.forEach(v -> q.queryParam(name, v));
                } else {
                    q.queryParam(name, String.join(",", list.stream().map(String::valueOf).toList()));
                }
            } else {
                q.queryParam(name, value);
            }
        });
        return q;
    }
}
