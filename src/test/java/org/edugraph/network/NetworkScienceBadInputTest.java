package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * What a client gets for a mistake in a network science request: a classified error
 * saying what to fix, before anything is read (no statement runs for a BAD_REQUEST); and
 * for a filter that selects nothing, empty answers rather than errors.
 */
class NetworkScienceBadInputTest extends IntegrationTest {

    @Test
    void aPageOrLimitOutOfRangeIsABadRequestAndNothingRuns() {
        for (String first : List.of("-1", "501")) {
            assertRefusedBeforeAnything("{ schoolRanking(by: DEGREE, first: %s) { value } }".formatted(first), "`first`");
            assertRefusedBeforeAnything("{ communities(first: %s) { id } }".formatted(first), "`first`");
            assertRefusedBeforeAnything("{ mentorSuggestions(schoolId: \"cs-panyu-ms\", first: %s) { score } }".formatted(first),
                    "`first`");
        }
        assertRefused("{ communities(first: 1) { schools(first: 501) { id } } }", "BAD_REQUEST", "`first` must be at most 500");
        assertRefused("{ communities(first: 1) { topMentors(limit: -1) { mentees } } }", "BAD_REQUEST", "between 0 and 1000");
        assertRefused("{ regionFlows(level: COUNTY) { brokers(limit: 1001) { id } } }", "BAD_REQUEST", "between 0 and 1000");
        assertRefused("{ networkDiff(from: \"2020-01-01\", to: \"2021-01-01\") { movers(first: 501) { change } } }", "BAD_REQUEST",
                "`first` must be at most 500");
    }

    @Test
    void anUnknownMeasureDimensionOrLevelIsABadRequestAndNothingRuns() {
        assertRefusedBeforeAnything("{ schoolRanking(by: CLOSENESS) { value } }", "CLOSENESS");
        assertRefusedBeforeAnything("{ pairingCounts(groupBy: [KIND, COLOUR]) { count } }", "COLOUR");
        assertRefusedBeforeAnything("{ regionFlows(level: TOWN) { pairings } }", "TOWN");
        assertRefusedBeforeAnything("{ schoolRanking { value } }", "by");
    }

    @Test
    void datesAndYearsTheWrongWayRoundOrOutOfRangeAreABadRequestAndNothingRuns() {
        assertRefusedBeforeAnything("{ networkDiff(from: \"2022-09-01\", to: \"2021-09-01\") { started { id } } }",
                "`from` (2022-09-01) is after `to` (2021-09-01)");
        assertRefusedBeforeAnything("{ networkDiff(from: \"2022-02-30\", to: \"2023-01-01\") { started { id } } }", "2022-02-30");
        assertRefusedBeforeAnything("{ coverageTrend(level: COUNTY, from: 2023, to: 2020) { year } }", "`from` (2023) is after `to` (2020)");
        assertRefusedBeforeAnything("{ coverageTrend(level: COUNTY, from: 1800, to: 2020) { year } }", "1900 to 2199");
        assertRefusedBeforeAnything("{ coverageTrend(level: COUNTY, from: 1950, to: 2100) { year } }", "at most 100 years");
    }

    @Test
    void anUnknownSchoolRegionOrProgramIsNotFoundAndNamed() {
        assertRefused("{ mentorSuggestions(schoolId: \"no-such-school\") { score } }", "NOT_FOUND", "no-such-school");
        assertRefused("{ schoolRanking(filter: {regionCode: \"999999\"}, by: DEGREE) { value } }", "NOT_FOUND", "999999");
        assertRefused("{ communities(filter: {programId: \"no-program\"}) { id } }", "NOT_FOUND", "no-program");
        assertRefused("{ regionFlows(level: COUNTY, filter: {mentorId: \"ghost\"}) { pairings } }", "NOT_FOUND", "ghost");
        assertRefused("{ networkDiff(from: \"2020-01-01\", to: \"2021-01-01\", filter: {menteeId: \"ghost\"}) { started { id } } }",
                "NOT_FOUND", "ghost");
        assertRefused("{ coverageTrend(level: COUNTY, from: 2020, to: 2021, filter: {regionCode: \"T-NOWHERE\"}) { year } }",
                "NOT_FOUND", "T-NOWHERE");
        assertRefused("{ pairingCounts(filter: {regionCode: \"T-NOWHERE\"}, groupBy: [KIND]) { count } }", "NOT_FOUND", "T-NOWHERE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFilterThatSelectsNothingGivesEmptyAnswers() {
        // 仓山区's reported pairings are both targeted support: no one-to-one pairing is selected.
        String none = "{regionCode: \"350104\", kinds: [ONE_TO_ONE]}";
        Map<String, Object> response = post("""
                { schoolRanking(filter: %1$s, by: BETWEENNESS) { value }
                  communities(filter: %1$s) { id }
                  regionFlows(level: COUNTY, filter: %1$s) { pairings }
                  networkDiff(from: "2020-01-01", to: "2023-01-01", filter: %1$s) { started { id } ended { id } newlyCovered { id }
                      noLongerCovered { id } movers { change } }
                  pairingCounts(filter: %1$s, groupBy: [KIND]) { count }
                  all: pairingCounts(filter: %1$s, groupBy: []) { count }
                  coverageTrend(level: COUNTY, from: 2021, to: 2022, filter: %1$s) { year coverage { schools pairedSchools } }
                  partnershipNetwork(filter: %1$s) { nodes { measures { degree } } edges { bridge } } }""".formatted(none));
        assertThat(response).doesNotContainKey("errors");
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        for (String empty : List.of("schoolRanking", "communities", "regionFlows", "pairingCounts", "all")) {
            assertThat(data.get(empty)).as(empty).isEqualTo(List.of());
        }
        assertThat(data.get("networkDiff")).isEqualTo(Map.of("started", List.of(), "ended", List.of(), "newlyCovered", List.of(),
                "noLongerCovered", List.of(), "movers", List.of()));
        assertThat(data.get("partnershipNetwork")).isEqualTo(Map.of("nodes", List.of(), "edges", List.of()));
        // Coverage of nothing: every region of the county with its schools, none of them paired.
        List<Map<String, Object>> years = (List<Map<String, Object>>) data.get("coverageTrend");
        assertThat(years).extracting(y -> y.get("year")).containsExactly(2021, 2022);
        years.forEach(y -> assertThat((List<Map<String, Object>>) y.get("coverage")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("pairedSchools")).isEqualTo(0)));
    }

    @Test
    void manyScienceFieldsInOneRequestAreRefusedBeforeAnyRuns() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 25; i++) {
            many.append(" a").append(i).append(": regionFlows(level: COUNTY) { pairings }");
        }
        assertRefusedBeforeAnything(many.append(" }").toString(), "complexity");
        // A ranking's selection counts once per row.
        assertRefusedBeforeAnything("{ communities(first: 500) { schools(first: 100) { id name } } }", "complexity");
    }

    private void assertRefusedBeforeAnything(String query, String messagePart) {
        long before = graph.statementsRun();
        assertRefused(query, "BAD_REQUEST", messagePart);
        assertThat(graph.statementsRun() - before).as("statements run for %s", query).isZero();
    }

    @SuppressWarnings("unchecked")
    private void assertRefused(String query, String classification, String messagePart) {
        Map<String, Object> response = post(query);
        assertThat(classifications(response)).as(query).containsOnly(classification);
        String message = (String) ((List<Map<String, Object>>) response.get("errors")).getFirst().get("message");
        assertThat(message).as(query).contains(messagePart).doesNotContain("Exception", "org.", "MATCH", "neo4j");
    }
}
