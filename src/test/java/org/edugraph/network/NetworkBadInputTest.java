package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What a client gets for a mistake in an analytics request: a classified error that says what to fix, or an empty answer. */
class NetworkBadInputTest extends IntegrationTest {

    @Test
    void anUnknownSchoolIsNotFoundAndNamed() {
        assertError("{ schoolNeighborhood(schoolId: \"no-such-school\") { nodes { id } } }", "NOT_FOUND", "no-such-school");
        assertError("{ partnershipPath(fromSchoolId: \"cs-panyu-ms\", toSchoolId: \"nowhere\") { id } }", "NOT_FOUND", "nowhere");
        assertError("{ partnershipPath(fromSchoolId: \"nowhere\", toSchoolId: \"cs-panyu-ms\") { id } }", "NOT_FOUND", "nowhere");
        assertError("{ networkStats(filter: {mentorId: \"ghost\"}) { pairings } }", "NOT_FOUND", "ghost");
    }

    @Test
    void anUnknownRegionOrProgramInAFilterIsNotFound() {
        assertError("{ networkStats(filter: {regionCode: \"999999\"}) { pairings } }", "NOT_FOUND", "999999");
        assertError("{ partnershipNetwork(filter: {programId: \"no-program\"}) { nodes { id } } }", "NOT_FOUND", "no-program");
    }

    @Test
    void aDepthOutsideOneToThreeIsABadRequest() {
        for (int depth : new int[] {0, 4, -1}) {
            assertError("{ schoolNeighborhood(schoolId: \"cs-panyu-ms\", depth: %d) { nodes { id } } }".formatted(depth),
                    "BAD_REQUEST", "`depth` must be between 1 and 3, got " + depth);
        }
    }

    @Test
    void aLimitOfZeroOrOverTheCapIsABadRequest() {
        for (int limit : new int[] {0, 50_001, -5}) {
            assertError("{ partnershipNetwork(limit: %d) { nodes { id } } }".formatted(limit), "BAD_REQUEST",
                    "`limit` must be between 1 and 50000, got " + limit);
            assertError("{ schoolNeighborhood(schoolId: \"cs-panyu-ms\", limit: %d) { nodes { id } } }".formatted(limit),
                    "BAD_REQUEST", "`limit` must be between 1 and 50000");
        }
        assertError("{ networkStats { topMentors(limit: -1) { mentees } } }", "BAD_REQUEST", "between 0 and 1000");
    }

    @Test
    void manyAnalyticsInOneRequestAreRefusedBeforeAnyRuns() {
        // Each alias would read a whole network in a transaction of its own.
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 25; i++) {
            many.append(" a").append(i).append(": networkStats { pairings }");
        }
        many.append(" }");
        long before = graph.statementsRun();
        assertError(many.toString(), "BAD_REQUEST", "complexity");
        assertThat(graph.statementsRun() - before).as("nothing ran").isZero();
        // A selection under a 50,000-edge network counts fifty times: a few such aliases are too many.
        String nested = "partnershipNetwork(limit: 50000) { nodes { school { name aliases region { name parent { name } } "
                + "groups { group { name members { school { name } } } } mentoring { mentee { name } } } } }";
        assertError("{ a: " + nested + " b: " + nested + " c: " + nested + " }", "BAD_REQUEST", "complexity");
        // What the explorer asks stays well within the limit.
        assertThat(post("{ partnershipNetwork(limit: 3000) { truncated nodes { id label kind synthetic school { id region { code name level } } } "
                + "edges { id source target kind synthetic } } networkStats { pairings coverage { schools } } }")).doesNotContainKey("errors");
    }

    @Test
    void nestedPagesCountTheirRowsAndAreRefusedBeforeAnyRuns() {
        long before = graph.statementsRun();
        // 500 schools, each with a page of 500 schools of its region: 250,000 rows.
        assertError("{ schools(first: 500) { edges { node { region { schools(first: 500) { edges { node { id name } } } } } } } }",
                "BAD_REQUEST", "complexity");
        // The same with the default page of 20 inside: 500 x 20 rows.
        assertError("{ schools(first: 500) { edges { node { region { schools { edges { node { id name } } } } } } } }",
                "BAD_REQUEST", "complexity");
        // Lists of relations nested in lists: each counts five rows, so 100 schools' mentees' mentees' mentees' ... are too many.
        String mentees = "{ schools(first: 100) { edges { node { mentoring { mentee { mentoring { mentee { mentoring { mentee { id name "
                + "} } } } } } } } } }";
        assertError(mentees, "BAD_REQUEST", "complexity");
        assertThat(graph.statementsRun() - before).as("nothing ran").isZero();
        // A page of 200 with a school's own relations is within the limit (one of 500 is not: page by 200).
        assertThat(post("{ schools(first: 200) { totalCount edges { node { id name type region { code name } "
                + "groups { role group { id name } } mentoring { id mentee { id name } } programs { role program { name } } } } } }"))
                .doesNotContainKey("errors");
        assertError("{ schools(first: 500) { totalCount edges { node { id name type region { code name } "
                + "groups { role group { id name } } mentoring { id mentee { id name } } programs { role program { name } } } } } }",
                "BAD_REQUEST", "complexity");
        assertThat(post("{ schools(first: 50) { edges { node { region { schools(first: 20) { edges { node { id } } } } } } } }"))
                .doesNotContainKey("errors");
    }

    @Test
    void aLongUnknownIdIsNotEchoedWhole() {
        String id = "9".repeat(7000);
        assertError("{ networkStats(filter: {regionCode: \"%s\"}) { pairings } }".formatted(id), "NOT_FOUND",
                "No region with code 999999999");
        @SuppressWarnings("unchecked")
        String message = (String) ((List<Map<String, Object>>) post("{ networkStats(filter: {regionCode: \"%s\"}) { pairings } }"
                .formatted(id)).get("errors")).getFirst().get("message");
        assertThat(message).hasSizeLessThan(120).endsWith("(7000 characters)");
    }

    @Test
    void aMalformedDateIsABadRequestThatShowsTheFormat() {
        assertError("{ networkStats(filter: {activeOn: \"2022-13-01\"}) { pairings } }", "BAD_REQUEST", "2022-09-01");
        assertError("{ partnershipNetwork(filter: {activeOn: \"yesterday\"}) { nodes { id } } }", "BAD_REQUEST", "Date");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNetworkWithNothingInItIsAnEmptyAnswerNotAnError() {
        // 仓山区's reported pairings are both targeted support: no one-to-one pairing is selected.
        Map<String, Object> response = post("""
                { networkStats(filter: {regionCode: "350104", kinds: [ONE_TO_ONE]}) {
                    schools mentors mentees pairings crossRegionPairings maxMenteesPerMentor meanMenteesPerMentor
                    components largestComponent topMentors { mentees } coverage { schools pairedSchools unpairedSchools } }
                  partnershipNetwork(filter: {regionCode: "350104", kinds: [ONE_TO_ONE]}) { truncated nodes { id } edges { id } }
                  partnershipPath(fromSchoolId: "cs-panyu-ms", toSchoolId: "cs-fz12-ms", filter: {kinds: [ONE_TO_ONE]}, includeGroups: false) { id } }""");
        assertThat(response).doesNotContainKey("errors");
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        Map<String, Object> stats = (Map<String, Object>) data.get("networkStats");
        assertThat(stats).containsEntry("pairings", 0).containsEntry("schools", 0).containsEntry("components", 0)
                .containsEntry("largestComponent", 0).containsEntry("meanMenteesPerMentor", 0.0)
                .containsEntry("topMentors", List.of());
        assertThat((List<Map<String, Object>>) stats.get("coverage")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("pairedSchools")).isEqualTo(0))
                .allSatisfy(row -> assertThat(row.get("unpairedSchools")).isEqualTo(row.get("schools")));
        assertThat(data.get("partnershipNetwork")).isEqualTo(Map.of("truncated", false, "nodes", List.of(), "edges", List.of()));
        assertThat(data.get("partnershipPath")).isNull();
    }

    @SuppressWarnings("unchecked")
    private void assertError(String query, String classification, String messagePart) {
        Map<String, Object> response = post(query);
        assertThat(classifications(response)).as(query).containsExactly(classification);
        String message = (String) ((List<Map<String, Object>>) response.get("errors")).getFirst().get("message");
        assertThat(message).as(query).contains(messagePart)
                .doesNotContain("Exception", "org.", "MATCH", "neo4j");
    }
}
