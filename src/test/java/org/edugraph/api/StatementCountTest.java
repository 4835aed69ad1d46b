package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cost of a request in Cypher statements does not grow with the rows it returns:
 * 1 school or 80, each with its region, groups, pairings and programs, cost one statement.
 */
class StatementCountTest extends IntegrationTest {

    private static final String REGION = "T-STMT";
    /** A page as large as the cost limit lets this selection be (its nested lists of relations count five rows each). */
    private static final int SCHOOLS = 80;

    private static final String QUERY = """
            query($first: Int) {
              schools(filter: {regionCode: "T-STMT"}, first: $first) {
                totalCount
                edges { node {
                  id name
                  region { code parent { code } }
                  groups { role group { name members { school { id } } } }
                  mentoring { id mentee { name region { code } } program { name pairings(first: 3) { totalCount } } }
                  mentoredBy { mentor { name } }
                  programs { role program { name participants(role: MENTOR) { school { id } } } }
                  sources { id }
                } }
              }
            }""";

    /**
     * 100 schools in T-STMT, each paired both ways with its own partner school in another
     * region, so that no school reached through a pairing is one the page already holds
     * (a per-request cache would otherwise save statements for the larger page).
     */
    @BeforeEach
    void synthesiseASchoolNetwork() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < SCHOOLS; i++) {
            rows.add(Map.of("id", "t-stmt-%03d".formatted(i), "partner", "t-stmt-partner-%03d".formatted(i)));
        }
        graph.write("""
                MERGE (r:Region {code: $region}) SET r.name = 'statement-count test region', r.level = 'COUNTY', r.official = false
                MERGE (r2:Region {code: $region + '-B'}) SET r2.name = 'partner region', r2.level = 'COUNTY', r2.official = false
                MERGE (g:EducationGroup {id: 't-stmt-group'}) SET g.name = 'statement-count group', g.kind = 'GROUP'
                MERGE (p:Program {id: 't-stmt-program'}) SET p.name = 'statement-count program', p.kind = 'PARTNERSHIP'
                MERGE (src:Source {id: 't-stmt-source'}) SET src.title = 'statement-count test'
                WITH r, r2, g, p, src
                UNWIND $rows AS row
                MERGE (s:School {id: row.id})
                SET s.name = 'school ' + row.id, s.type = 'PRIMARY', s.ownership = 'PUBLIC', s.aliases = [], s.synthetic = true
                MERGE (t:School {id: row.partner})
                SET t.name = 'school ' + row.partner, t.type = 'PRIMARY', t.ownership = 'PUBLIC', t.aliases = [], t.synthetic = true
                MERGE (s)-[:LOCATED_IN]->(r)
                MERGE (t)-[:LOCATED_IN]->(r2)
                MERGE (s)-[:MEMBER_OF {role: 'MEMBER'}]->(g)
                MERGE (s)-[:PARTICIPATES_IN {role: 'MENTOR'}]->(p)
                MERGE (s)-[:STATED_IN]->(src)
                MERGE (out:Pairing {id: 'pairing-' + row.id}) SET out.kind = 'OTHER', out.synthetic = true
                MERGE (out)-[:MENTOR]->(s)
                MERGE (out)-[:MENTEE]->(t)
                MERGE (out)-[:UNDER]->(p)
                MERGE (back:Pairing {id: 'pairing-back-' + row.id}) SET back.kind = 'OTHER', back.synthetic = true
                MERGE (back)-[:MENTOR]->(t)
                MERGE (back)-[:MENTEE]->(s)
                """, Map.of("region", REGION, "rows", rows));
    }

    @AfterEach
    void removeIt() {
        graph.write("""
                MATCH (n) WHERE n.id STARTS WITH 't-stmt-' OR n.id STARTS WITH 'pairing-t-stmt-'
                   OR n.id STARTS WITH 'pairing-back-t-stmt-' OR n.code STARTS WITH $region
                DETACH DELETE n""", Map.of("region", REGION));
    }

    @Test
    void oneSchoolAndEightySchoolsCostTheSameNumberOfStatements() {
        long one = statementsFor(1);
        // Several times over: a batch sent in two parts when rows arrive late is a matter of timing.
        for (int i = 0; i < 10; i++) {
            long many = statementsFor(SCHOOLS);
            System.out.printf("Cypher statements for 1 school: %d, for %d schools: %d%n", one, SCHOOLS, many);
            assertThat(many).isEqualTo(one);
            assertThat(statementsFor(1)).isEqualTo(one);
        }
        long transactions = graph.transactionsRun();
        long many = statementsFor(SCHOOLS);
        assertThat(graph.transactionsRun() - transactions).as("read transactions of the request").isEqualTo(1);
        // The whole selection, six levels deep with nested pages and counts, is one compiled
        // statement (it was one per level: 16, and 18 before a pairing's ends came with it).
        assertThat(many).isEqualTo(1);
    }

    private long statementsFor(int first) {
        long before = graph.statementsRun();
        var response = graphQl.document(QUERY).variable("first", first).execute();
        long statements = graph.statementsRun() - before;
        response.path("schools.totalCount").entity(Integer.class).isEqualTo(SCHOOLS)
                .path("schools.edges").entityList(Object.class).hasSize(first)
                .path("schools.edges[*].node.region.code").entityList(String.class).satisfies(list -> assertThat(list).containsOnly(REGION))
                .path("schools.edges[*].node.groups[0].group.members").entityList(Object.class).hasSize(first)
                .path("schools.edges[*].node.mentoring[0].mentee.name").entityList(String.class).hasSize(first)
                .path("schools.edges[*].node.mentoredBy[0].mentor.name").entityList(String.class).hasSize(first)
                .path("schools.edges[0].node.groups[0].group.members").entityList(Object.class).hasSize(SCHOOLS)
                .path("schools.edges[0].node.mentoring[0].program.pairings.totalCount").entity(Integer.class).isEqualTo(SCHOOLS);
        return statements;
    }
}
