package org.edugraph.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Record;

/**
 * Filtered lists start from an index (the region, a group, a program, a text index) and
 * check the rest on the candidates. Whatever they start from, they must select exactly
 * the rows a plain reading of the filter selects: each answer here is compared with a
 * reference statement that tests every condition on every node of the label, written in
 * this test and sharing nothing with the application's Cypher. Over the seeds (names,
 * aliases, groups, programs, real regions) and a generated network (pairings).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnchoredFiltersTest extends IntegrationTest {

    @BeforeAll
    void generate() {
        TestNetwork.create(graph, 600, 1_200, 11);
    }

    @AfterAll
    void remove() {
        TestNetwork.remove(graph);
    }

    Stream<Map<String, Object>> schoolFilters() {
        List<Map<String, Object>> filters = new ArrayList<>();
        String group = one("MATCH (g:EducationGroup)<-[:MEMBER_OF]-() WHERE g.synthetic IS NULL RETURN g.id AS v ORDER BY COUNT { (g)<-[:MEMBER_OF]-() } DESC, v");
        String program = one("MATCH (p:Program)<-[:PARTICIPATES_IN]-() WHERE p.synthetic IS NULL RETURN p.id AS v ORDER BY COUNT { (p)<-[:PARTICIPATES_IN]-() } DESC, v");
        filters.add(Map.of("regionCode", "350000"));
        filters.add(Map.of("regionCode", "350104"));
        filters.add(Map.of("regionCode", "350104", "nameContains", "中学"));
        filters.add(Map.of("regionCode", "350500", "types", List.of("PRIMARY", "JUNIOR_SECONDARY")));
        filters.add(Map.of("nameContains", "中"));
        filters.add(Map.of("nameContains", "附属"));
        filters.add(Map.of("nameContains", alias()));
        filters.add(Map.of("nameContains", "示例小学00"));
        filters.add(Map.of("groupId", group));
        filters.add(Map.of("groupId", group, "regionCode", "350000", "ownership", "PUBLIC"));
        filters.add(Map.of("groupId", group, "regionCode", "350500"));
        filters.add(Map.of("groupId", group, "regionCode", "350104"));
        filters.add(Map.of("programId", program));
        filters.add(Map.of("programId", program, "regionCode", "350104"));
        filters.add(Map.of("programId", program, "regionCode", "350500"));
        filters.add(Map.of("programId", program, "groupId", group));
        filters.add(Map.of("programId", program, "regionCode", "350500", "nameContains", "学"));
        filters.add(Map.of("regionCode", TestNetwork.ROOT + "-A"));
        filters.add(Map.of("regionCode", TestNetwork.ROOT + "-B2", "nameContains", "示例"));
        return filters.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schoolFilters")
    void aSchoolFilterSelectsWhatEveryConditionTestedOnEverySchoolSelects(Map<String, Object> filter) {
        List<String> expected = graph.read("""
                MATCH (n:School)
                WHERE ($f.nameContains IS NULL OR n.name CONTAINS $f.nameContains
                       OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $f.nameContains))
                  AND ($f.regionCode IS NULL OR EXISTS { (n)-[:LOCATED_IN]->()-[:PART_OF*0..]->(:Region {code: $f.regionCode}) })
                  AND ($f.types IS NULL OR n.type IN $f.types)
                  AND ($f.ownership IS NULL OR n.ownership = $f.ownership)
                  AND ($f.programId IS NULL OR EXISTS { (n)-[:PARTICIPATES_IN]->(:Program {id: $f.programId}) })
                  AND ($f.groupId IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:EducationGroup {id: $f.groupId}) })
                RETURN n.id AS id ORDER BY id""", Map.of("f", filter)).stream().map(r -> r.get("id").asString()).toList();
        List<String> answered = all("schools", filter);
        assertThat(answered).as("schools of %s", filter).isEqualTo(expected);
        assertThat(count("schools", filter)).as("totalCount of %s", filter).isEqualTo(expected.size());
    }

    @Test
    void nameContainsFindsASchoolByAnAliasItsNameDoesNotContain() {
        String alias = alias();
        List<String> expected = graph.read("MATCH (n:School) WHERE any(a IN n.aliases WHERE a CONTAINS $t) RETURN n.id AS id ORDER BY id",
                Map.of("t", alias)).stream().map(r -> r.get("id").asString()).toList();
        assertThat(expected).isNotEmpty();
        assertThat(all("schools", Map.of("nameContains", alias))).containsAll(expected);
    }

    Stream<Map<String, Object>> pairingFilters() {
        List<Map<String, Object>> filters = new ArrayList<>();
        Record busy = graph.read("""
                MATCH (s:School)<-[:MENTOR]-(p:Pairing) WHERE s.synthetic
                WITH s, count(p) AS n ORDER BY n DESC, s.id LIMIT 1
                MATCH (s)<-[:MENTOR]-(:Pairing)-[:MENTEE]->(m)
                RETURN s.id AS mentor, min(m.id) AS mentee""", Map.of()).getFirst();
        filters.add(Map.of("regionCode", TestNetwork.ROOT + "-A1"));
        filters.add(Map.of("regionCode", TestNetwork.ROOT + "-B"));
        filters.add(Map.of("regionCode", TestNetwork.ROOT + "-A2", "kinds", List.of("ONE_TO_ONE", "DEEP_ALLIANCE")));
        filters.add(Map.of("regionCode", TestNetwork.ROOT + "-A", "activeOn", "2021-09-01"));
        filters.add(Map.of("programId", "tnet-program-5g", "regionCode", TestNetwork.ROOT + "-B3"));
        filters.add(Map.of("mentorId", busy.get("mentor").asString(), "regionCode", TestNetwork.ROOT + "-A"));
        filters.add(Map.of("menteeId", busy.get("mentee").asString()));
        filters.add(Map.of("mentorId", busy.get("mentor").asString(), "menteeId", busy.get("mentee").asString()));
        filters.add(Map.of("regionCode", "350104"));
        return filters.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairingFilters")
    void aPairingFilterSelectsWhatEveryConditionTestedOnEveryPairingSelects(Map<String, Object> filter) {
        List<String> expected = graph.read("""
                MATCH (n:Pairing)-[:MENTOR]->(a:School), (n)-[:MENTEE]->(b:School)
                WHERE ($f.regionCode IS NULL
                       OR EXISTS { (a)-[:LOCATED_IN]->()-[:PART_OF*0..]->(:Region {code: $f.regionCode}) }
                       OR EXISTS { (b)-[:LOCATED_IN]->()-[:PART_OF*0..]->(:Region {code: $f.regionCode}) })
                  AND ($f.kinds IS NULL OR n.kind IN $f.kinds)
                  AND ($f.programId IS NULL OR EXISTS { (n)-[:UNDER]->(:Program {id: $f.programId}) })
                  AND ($f.mentorId IS NULL OR a.id = $f.mentorId)
                  AND ($f.menteeId IS NULL OR b.id = $f.menteeId)
                  AND ($f.activeOn IS NULL OR ((n.startDate IS NULL OR n.startDate <= date($f.activeOn))
                       AND (n.endDate IS NULL OR n.endDate >= date($f.activeOn))))
                RETURN n.id AS id ORDER BY id""", Map.of("f", filter)).stream().map(r -> r.get("id").asString()).toList();
        assertThat(expected).as("the reference for %s", filter).isNotEmpty();
        assertThat(all("pairings", filter)).as("pairings of %s", filter).isEqualTo(expected);
        assertThat(count("pairings", filter)).as("totalCount of %s", filter).isEqualTo(expected.size());
    }

    private String one(String cypher) {
        return graph.read(cypher, Map.of()).getFirst().get("v").asString();
    }

    /** An alias of a seed school that its own name does not contain. */
    private String alias() {
        return graph.read("""
                MATCH (n:School) WHERE n.seed IS NOT NULL
                UNWIND n.aliases AS a
                WITH a WHERE NOT EXISTS { MATCH (m:School) WHERE m.name CONTAINS a }
                RETURN a ORDER BY a LIMIT 1""", Map.of()).getFirst().get("a").asString();
    }

    /** Every id the list selects, page after page of 500. */
    @SuppressWarnings("unchecked")
    private List<String> all(String field, Map<String, Object> filter) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("filter", filter);
            variables.put("after", after);
            String type = field.equals("schools") ? "SchoolFilter" : "PairingFilter";
            Map<String, Object> response = post("""
                    query($filter: %s, $after: String) { %s(filter: $filter, first: 500, after: $after) {
                      edges { node { id } } pageInfo { hasNextPage endCursor } } }""".formatted(type, field), variables);
            assertThat(response).as("answer for %s", filter).doesNotContainKey("errors");
            Map<String, Object> connection = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(field);
            for (Map<String, Object> edge : (List<Map<String, Object>>) connection.get("edges")) {
                ids.add((String) ((Map<String, Object>) edge.get("node")).get("id"));
            }
            Map<String, Object> pageInfo = (Map<String, Object>) connection.get("pageInfo");
            if (!(Boolean) pageInfo.get("hasNextPage")) {
                return ids;
            }
            after = (String) pageInfo.get("endCursor");
        }
    }

    @SuppressWarnings("unchecked")
    private int count(String field, Map<String, Object> filter) {
        String type = field.equals("schools") ? "SchoolFilter" : "PairingFilter";
        Map<String, Object> response = post("query($filter: %s) { %s(filter: $filter, first: 1) { totalCount } }"
                .formatted(type, field), Map.of("filter", filter));
        assertThat(response).as("answer for %s", filter).doesNotContainKey("errors");
        return ((Number) ((Map<String, Object>) ((Map<String, Object>) response.get("data")).get(field)).get("totalCount")).intValue();
    }
}
