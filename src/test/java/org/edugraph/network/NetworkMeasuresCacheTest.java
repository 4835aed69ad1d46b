package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNeo4j;
import org.edugraph.support.TestNetwork;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Measures are kept per selection and data version: a repeated question reads no pairing,
 * a new pairing (through this instance, or another one's, which the pairing change log
 * tells) is seen by the next question. A network above the configured bound is refused,
 * advising a filter, in the API and in the files; here the bound is 500 pairings, so that
 * the test network (700) is too large and one county of it is not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"edugraph.analytics.max-pairings=500", "edugraph.analytics.max-schools=100000"})
class NetworkMeasuresCacheTest extends IntegrationTest {

    private static final String COUNTY = "T-NET-A1";

    @Autowired
    NetworkScience science;

    @Autowired
    NetworkAnalytics analytics;

    private NetworkGenerator.Network network;

    @BeforeAll
    void createNetwork() {
        network = TestNetwork.create(graph, 400, 700, 19);
    }

    @AfterAll
    void removeNetwork() {
        TestNetwork.remove(graph);
    }

    @Test
    void aNetworkAboveTheBoundIsRefusedAdvisingAFilter() {
        Map<String, Object> response = post("{ schoolRanking(filter: {regionCode: \"T-NET\"}, by: DEGREE) { value } }");
        assertThat(classifications(response)).containsExactly("BAD_REQUEST");
        assertThat(message(response)).contains("too large to measure", "500 pairings", "edugraph.analytics.max-pairings",
                "Filter it");
        // The same in a drawn network's measures, and in a file with measures (a whole JSON error, before any file).
        response = post("{ partnershipNetwork(filter: {regionCode: \"T-NET\"}) { nodes { measures { degree } } } }");
        assertThat(classifications(response)).contains("BAD_REQUEST");
        var refused = http.get().uri("/export/network.graphml?regionCode=T-NET").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("too large to measure").contains("BAD_REQUEST");
        // Without measures the file streams whatever its size, as before; a county is measured.
        http.get().uri("/export/network.graphml?regionCode=T-NET&measures=false").exchange().expectStatus().isOk();
        assertThat(post("{ schoolRanking(filter: {regionCode: \"%s\"}, by: DEGREE) { value } }".formatted(COUNTY)))
                .doesNotContainKey("errors");
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheKeptMeasures() {
        String question = "{ schoolRanking(filter: {regionCode: \"%s\", activeOn: \"2022-03-01\"}, by: BETWEENNESS, first: 5) { school { id } value } }"
                .formatted(COUNTY);
        Map<String, Object> first = post(question);
        long[] before = science.cacheCounts();
        long statements = graph.statementsRun();
        Map<String, Object> again = post(question);
        assertThat(again).isEqualTo(first);
        long[] after = science.cacheCounts();
        assertThat(after[0] - before[0]).as("answered from kept measures").isEqualTo(1);
        assertThat(after[1] - before[1]).as("computed").isZero();
        // The id check and the ranked schools; the pairings are not read again.
        assertThat(graph.statementsRun() - statements).isEqualTo(2);
        // Another day is another network.
        post(question.replace("2022-03-01", "2022-03-02"));
        assertThat(science.cacheCounts()[1] - after[1]).isEqualTo(1);
    }

    @Test
    void aPairingAddedOrRemovedThroughTheApiIsSeenByTheNextQuestion() {
        var pair = unpairedInCounty();
        int before = degree(pair[0]);
        String id = as(TestUsers.ADMIN).document("""
                mutation($m: ID!, $e: ID!) { addPairing(input: {mentorId: $m, menteeId: $e, kind: OTHER}) { id } }""")
                .variable("m", pair[0]).variable("e", pair[1]).execute().path("addPairing.id").entity(String.class).get();
        assertThat(degree(pair[0])).as("the new pairing is seen at once").isEqualTo(before + 1);
        as(TestUsers.ADMIN).document("mutation($id: ID!) { removePairing(id: $id) }").variable("id", id).execute();
        assertThat(degree(pair[0])).isEqualTo(before);
    }

    @Test
    void aPairingAnotherInstanceWroteIsSeenThroughTheChangeLog() {
        var pair = unpairedInCounty();
        int before = degree(pair[0]);
        TestNeo4j.Server server = TestNeo4j.get();
        try (Driver other = GraphDatabase.driver(server.uri(), server.password() == null ? AuthTokens.none()
                : AuthTokens.basic(server.username(), server.password()))) {
            // Written as another instance would, not through this application: its pairing, then the log's entry.
            try (var session = other.session()) {
                session.executeWrite(tx -> tx.run("""
                        MATCH (a:School {id: $mentor}), (b:School {id: $mentee})
                        CREATE (p:Pairing {id: 'tnet-other-instance', kind: 'OTHER', synthetic: true, dataset: $dataset})
                        CREATE (p)-[:MENTOR]->(a), (p)-[:MENTEE]->(b)""",
                        Map.of("mentor", pair[0], "mentee", pair[1], "dataset", TestNetwork.DATASET)).consume());
            }
            assertThat(degree(pair[0])).as("a write the change log does not tell of: the kept measures still answer")
                    .isEqualTo(before);
            try (var session = other.session()) {
                session.executeWrite(tx -> tx.run("""
                        MERGE (s:ChangeLogSequence {name: 'pairings'})
                        SET s.locked = true
                        WITH s, coalesce(s.value, 0) + 1 AS seq
                        SET s.value = seq
                        REMOVE s.locked
                        CREATE (c:PairingChangeLog) SET c = $entry, c.seq = seq""", Map.of("entry", Map.of("type", "ADDED",
                        "at", OffsetDateTime.now(), "by", "another-instance", "count", 1, "pairingId", "tnet-other-instance",
                        "kind", "OTHER", "mentorId", pair[0], "menteeId", pair[1], "synthetic", true))).consume());
            }
            assertThat(degree(pair[0])).as("once the change log tells of it, it is seen at once").isEqualTo(before + 1);
        } finally {
            graph.write("MATCH (p:Pairing {id: 'tnet-other-instance'}) DETACH DELETE p", Map.of());
        }
    }

    @Test
    void theSchoolsAndRegionsOfAnAnswerAreReadALevelAtATime() {
        // Measures kept first, so that only the id check and the reads of the named objects are counted.
        post("{ communities(filter: {regionCode: \"%s\"}) { id } }".formatted(COUNTY));
        String communities = """
                { communities(filter: {regionCode: "%s"}, first: %d) { id schools(first: 50) { id name } mainRegion { code name }
                  topMentors(limit: 3) { school { id name } } } }""";
        long one = statementsOf(communities.formatted(COUNTY, 1), "communities", 1);
        long many = statementsOf(communities.formatted(COUNTY, 20), "communities", 2);
        // The id check; the communities' schools, their main regions; the mentors' schools: one statement each,
        // however many communities there are.
        assertThat(many).isEqualTo(one).isEqualTo(4);
        String flows = """
                { regionFlows(level: COUNTY, filter: {regionCode: "%s"}) { from { code name } to { code name } pairings
                  brokers(limit: 3) { id name } } }""";
        analytics.forgetKept(); // the county's pairings and the region tree were kept by the measures above
        long county = statementsOf(flows.formatted(COUNTY), "regionFlows", 1);
        // The id check, the pairings, the region tree; the flows' brokers. Their regions' code and name are the
        // region tree's: no statement.
        assertThat(county).isEqualTo(4);
        // Another filter: its pairings are read, the region tree is the one kept.
        assertThat(statementsOf(flows.formatted("T-NET"), "regionFlows", 2)).isEqualTo(3);
        // Asked again, the pairings are those kept too.
        assertThat(statementsOf(flows.formatted("T-NET"), "regionFlows", 2)).isEqualTo(2);
    }

    /**
     * The statistics, flows, changes and measures of one filter read its pairings once while
     * the data is unchanged; a pairing added through the API is in the next answer.
     */
    @Test
    void theAnalyticsOfAFilterReadItsPairingsOnceUntilTheDataChanges() {
        analytics.forgetKept();
        String stats = "{ networkStats(filter: {regionCode: \"%s\"}) { pairings } }".formatted(COUNTY);
        int pairings = pairingsOf(post(stats));
        long[] before = analytics.keptCounts();
        for (String question : List.of(stats,
                "{ regionFlows(level: COUNTY, filter: {regionCode: \"%s\"}) { pairings } }".formatted(COUNTY),
                "{ pairingChangeDays(filter: {regionCode: \"%s\"}) }".formatted(COUNTY),
                "{ pairingCounts(filter: {regionCode: \"%s\"}, groupBy: [KIND]) { count } }".formatted(COUNTY))) {
            assertThat(post(question)).as(question).doesNotContainKey("errors");
        }
        long[] after = analytics.keptCounts();
        assertThat(after[0] - before[0]).as("answered from kept pairings").isEqualTo(4);
        assertThat(after[1] - before[1]).as("pairings read").isZero();
        assertThat(pairingsOf(post(stats))).isEqualTo(pairings);
        var pair = unpairedInCounty();
        String id = as(TestUsers.ADMIN).document("""
                mutation($m: ID!, $e: ID!) { addPairing(input: {mentorId: $m, menteeId: $e, kind: OTHER}) { id } }""")
                .variable("m", pair[0]).variable("e", pair[1]).execute().path("addPairing.id").entity(String.class).get();
        try {
            assertThat(pairingsOf(post(stats))).as("the new pairing is counted at once").isEqualTo(pairings + 1);
        } finally {
            as(TestUsers.ADMIN).document("mutation($id: ID!) { removePairing(id: $id) }").variable("id", id).execute();
        }
        assertThat(pairingsOf(post(stats))).isEqualTo(pairings);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRegionTreeIsKeptUntilTheDataChangesAndANewRegionIsInTheNextAnswer() {
        String coverage = "{ networkStats(filter: {regionCode: \"T-NET\"}) { coverage(level: COUNTY) { region { code } schools } } }";
        java.util.function.Supplier<Map<String, Object>> counties = () -> {
            Map<String, Object> response = post(coverage);
            assertThat(response).doesNotContainKey("errors");
            Map<String, Object> rows = new java.util.TreeMap<>();
            ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) response.get("data")).get("networkStats")).get("coverage"))
                    .forEach(row -> rows.put((String) ((Map<String, Object>) row.get("region")).get("code"), row.get("schools")));
            return rows;
        };
        Map<String, Object> first = counties.get();
        long before = graph.statementsRun();
        assertThat(counties.get()).isEqualTo(first);
        long kept = graph.statementsRun() - before;
        analytics.forgetKept();
        before = graph.statementsRun();
        assertThat(counties.get()).isEqualTo(first);
        assertThat(graph.statementsRun() - before).as("the region tree read again").isEqualTo(kept + 2); // and the pairings
        assertThat(first).doesNotContainKey("T-NET-A9");
        graph.write("""
                MATCH (p:Region {code: 'T-NET-A'})
                CREATE (c:Region {code: 'T-NET-A9', name: '测试县A9', level: 'COUNTY', official: false})-[:PART_OF]->(p)
                CREATE (:School {id: 'tnet-region-tree', name: '测试学校', type: 'PRIMARY', synthetic: true})-[:LOCATED_IN]->(c)""", Map.of());
        try {
            assertThat(counties.get()).as("a county that holds a school now").containsEntry("T-NET-A9", 1);
        } finally {
            graph.write("MATCH (n) WHERE n.id = 'tnet-region-tree' OR n.code = 'T-NET-A9' DETACH DELETE n", Map.of());
        }
        assertThat(counties.get()).isEqualTo(first);
    }

    @SuppressWarnings("unchecked")
    private static int pairingsOf(Map<String, Object> response) {
        assertThat(response).doesNotContainKey("errors");
        return (Integer) ((Map<String, Object>) ((Map<String, Object>) response.get("data")).get("networkStats")).get("pairings");
    }

    /** How many statements {@code query} ran; its answer {@code field} holds at least {@code atLeast} entries. */
    @SuppressWarnings("unchecked")
    private long statementsOf(String query, String field, int atLeast) {
        long before = graph.statementsRun();
        Map<String, Object> response = post(query);
        long ran = graph.statementsRun() - before;
        assertThat(response).doesNotContainKey("errors");
        assertThat((List<Object>) ((Map<String, Object>) response.get("data")).get(field)).hasSizeGreaterThanOrEqualTo(atLeast);
        System.out.println("NetworkMeasuresCacheTest: " + ran + " statements for " + field + " " + query.replaceAll("\\s+", " "));
        return ran;
    }

    /** A mentor of the county and a school of the county it has no pairing with. */
    private String[] unpairedInCounty() {
        var inCounty = network.schools().stream().filter(s -> s.regionCode().equals(COUNTY)).map(NetworkGenerator.School::id).toList();
        String mentor = network.pairings().stream().filter(p -> inCounty.contains(p.mentorId())).findFirst().orElseThrow().mentorId();
        var partners = network.pairings().stream().filter(p -> p.mentorId().equals(mentor) || p.menteeId().equals(mentor))
                .flatMap(p -> java.util.stream.Stream.of(p.mentorId(), p.menteeId())).toList();
        String mentee = inCounty.stream().filter(s -> !s.equals(mentor) && !partners.contains(s)).findFirst().orElseThrow();
        return new String[] {mentor, mentee};
    }

    /** The school's degree in its county's network, from the ranking (all schools of it). */
    @SuppressWarnings("unchecked")
    private int degree(String school) {
        Map<String, Object> response = post("""
                { partnershipNetwork(filter: {regionCode: "%s"}) { nodes { id measures { degree } } } }""".formatted(COUNTY));
        assertThat(response).doesNotContainKey("errors");
        var nodes = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) response.get("data"))
                .get("partnershipNetwork")).get("nodes");
        return nodes.stream().filter(n -> school.equals(n.get("id"))).findFirst()
                .map(n -> (Integer) ((Map<String, Object>) n.get("measures")).get("degree")).orElse(0);
    }

    @SuppressWarnings("unchecked")
    private static String message(Map<String, Object> response) {
        return (String) ((List<Map<String, Object>>) response.get("errors")).getFirst().get("message");
    }
}
