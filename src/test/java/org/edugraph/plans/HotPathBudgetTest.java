package org.edugraph.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.api.Page;
import org.edugraph.neo4j.Graph;
import org.edugraph.network.NetworkAnalytics;
import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hot paths held to a budget of database hits, the way {@code @neo4j/graphql} keeps
 * its named performance queries: each named operation is asked over HTTP with every
 * statement it sends PROFILEd, and the sum of their db hits must stay within the budget
 * recorded for it (what it took when written, plus headroom), and so must the number of
 * statements. A filter that goes back to
 * scanning every school, or a nested field that goes back to one statement per parent,
 * fails here long before anyone notices it in a benchmark.
 *
 * <p>The network is generated (4,000 schools, 8,000 pairings in 20 counties of the tests'
 * own regions, fixed seed), so the counts are the same on every run. Budgets are for
 * this network; the county operations touch one county of twenty, so a plan that reads
 * the whole network costs about twenty times its budget.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotPathBudgetTest extends IntegrationTest {

    @Autowired
    NetworkAnalytics analytics;

    private NetworkGenerator.Network network;

    /** A named operation, its budget of db hits summed over all statements of the request, and of statements. */
    record Operation(String name, long budget, int statements, String document) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void generate() {
        network = TestNetwork.create(graph, 4_000, 8_000, 8, TestNetwork.counties(4, 5));
    }

    @AfterAll
    void remove() {
        TestNetwork.remove(graph);
    }

    List<Operation> operations() {
        String school = "tnet-s000123";
        String county = "T-NET-B3";
        String[] chain = chain();
        return List.of(
                new Operation("a: one school with region, groups, pairings, programs", 300, 1, """
                        { school(id: "%s") { id name type region { code name } groups { role group { id name } }
                          mentoring { id kind mentee { id name } } mentoredBy { id kind mentor { id name } }
                          programs { role program { id name } } } }""".formatted(school)),
                new Operation("b: 50 schools of a county, nested", 8_500, 1, """
                        { schools(filter: {regionCode: "%s"}, first: 50) { edges { node { id name type region { code name }
                          groups { role group { id name } } mentoring { id kind mentee { id name } } } } } }""".formatted(county)),
                new Operation("b': a county's schools, counted", 700, 1, """
                        { schools(filter: {regionCode: "%s"}, first: 1) { totalCount } }""".formatted(county)),
                new Operation("c: 100 pairings of a county, both schools", 16_000, 1, """
                        { pairings(filter: {regionCode: "%s"}, first: 100) { totalCount edges { node { id kind startDate endDate
                          mentor { id name } mentee { id name } } } } }""".formatted(county)),
                new Operation("d: nameContains, 20 schools", 100, 1, """
                        { schools(filter: {nameContains: "示例小学01"}, first: 20) { edges { node { id name } } } }"""),
                new Operation("f: 100 schools, each with groups, pairings, programs", 15_000, 1, """
                        { schools(first: 100, after: "%s") { edges { node { id name groups { role group { id name } }
                          mentoring { id kind mentee { id name } } mentoredBy { id kind mentor { id name } }
                          programs { role program { id name } } } } } }""".formatted(Page.cursor("tnet-s001000"))),
                new Operation("group list of a county", 1_200, 1, """
                        { educationGroups(filter: {regionCode: "%s"}) { totalCount edges { node { id name } } } }""".formatted(county)),
                new Operation("partnershipNetwork, one county", 70_000, 2, """
                        { partnershipNetwork(filter: {regionCode: "%s"}) { truncated nodes { id } edges { id source target } } }"""
                        .formatted(county)),
                new Operation("schoolNeighborhood, depth 2", 23_000, 5, """
                        { schoolNeighborhood(schoolId: "%s", depth: 2) { nodes { id } edges { id } } }""".formatted(school)),
                new Operation("partnershipPath, two pairings apart", 1_000, 3, """
                        { partnershipPath(fromSchoolId: "%s", toSchoolId: "%s") { id } }""".formatted(chain[0], chain[1])),
                // The pairings' one statement also reads their kind, program and dates (48,700 db hits; 42,000 when
                // it read only the schools and regions): the flows, changes, counts and measures of the same filter
                // then read no pairing while the data is unchanged (NetworkAnalytics#pairings).
                new Operation("networkStats, one county", 52_000, 4, """
                        { networkStats(filter: {regionCode: "%s"}) { schools pairings components coverage { schools } } }"""
                        .formatted(county)));
    }

    /** A mentor and the mentee of its mentee: two schools with a path of two pairings between them. */
    private String[] chain() {
        for (var first : network.pairings()) {
            for (var second : network.pairings()) {
                if (second.mentorId().equals(first.menteeId()) && !second.menteeId().equals(first.mentorId())) {
                    return new String[] {first.mentorId(), second.menteeId()};
                }
            }
        }
        throw new IllegalStateException("the generated network has no chain of two pairings");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void staysWithinItsBudgetOfDbHits(Operation operation) {
        post(operation.document()); // plans cached, as in service
        analytics.forgetKept(); // but not the selected pairings: their read is what the analytics' budget is about
        @SuppressWarnings("unchecked")
        Map<String, Object>[] response = new Map[1];
        List<Graph.Profiled> statements = org.edugraph.neo4j.Profiler.profile(graph, () -> response[0] = post(operation.document()));
        assertThat(response[0]).as("the answer").doesNotContainKey("errors");
        assertThat(response[0].get("data")).as("the answer").isNotNull();
        assertThat((Map<?, ?>) response[0].get("data")).as("the answer").doesNotContainValue(null);
        long hits = statements.stream().mapToLong(Graph.Profiled::dbHits).sum();
        System.out.printf("PLAN %-55s %8d db hits in %d statements%n", operation.name(), hits, statements.size());
        assertThat(hits).as("db hits of %s, statement by statement: %s", operation.name(), statements)
                .isLessThanOrEqualTo(operation.budget());
        assertThat(statements).as("statements of %s", operation.name()).hasSizeLessThanOrEqualTo(operation.statements());
    }
}
