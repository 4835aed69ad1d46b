package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** The cost rule: a field one per row it may return, the analytics by what they read. */
@Unit
class RequestCostTest {

    @Test
    void aFieldCostsOneAboveWhatItSelectsTimesItsRows() {
        assertThat(RequestCost.of("schools", Map.of("first", 100), 12, 100)).isEqualTo(1 + 12 * 100);
        assertThat(RequestCost.of("school", Map.of(), 0, 1)).isEqualTo(1);
        assertThat(RequestCost.of("", Map.of(), 7, 1)).as("a field below the root").isEqualTo(8);
    }

    @Test
    void nestedPagesMultiply() {
        int inner = RequestCost.of("", Map.of(), 3, 20); // a page of 20 rows of 3 fields below a row
        assertThat(inner).isEqualTo(61);
        assertThat(RequestCost.of("schools", Map.of(), inner + 2, 100)).isEqualTo(1 + 63 * 100);
        int big = RequestCost.of("", Map.of(), 3, 500);
        assertThat(RequestCost.of("schools", Map.of(), big + 2, 500)).as("500 pages of 500 rows")
                .isEqualTo(RequestCost.CEILING).isGreaterThan(20_000 * 3);
    }

    @Test
    void anEntitysListsOfRelationsCountFiveRowsOtherListsTheirPageOrLimit() {
        var list = graphql.schema.GraphQLList.list(graphql.schema.GraphQLNonNull.nonNull(graphql.schema.GraphQLTypeReference.typeRef("Pairing")));
        var nonNullList = graphql.schema.GraphQLNonNull.nonNull(list);
        assertThat(RequestCost.isRelationList("School", nonNullList)).as("a school's mentoring").isTrue();
        assertThat(RequestCost.isRelationList("Program", list)).isTrue();
        assertThat(RequestCost.isRelationList("SchoolConnection", nonNullList)).as("a page's edges: first counts them").isFalse();
        assertThat(RequestCost.isRelationList("Network", nonNullList)).as("a network's nodes: limit counts them").isFalse();
        assertThat(RequestCost.isRelationList("School", graphql.Scalars.GraphQLString)).as("a single value").isFalse();
        assertThat(RequestCost.UNPAGED_ROWS).isEqualTo(5);
    }

    @Test
    void aHugeSelectionCountsAtMostTheCeilingSoThatSumsCannotWrap() {
        assertThat(RequestCost.of("", Map.of(), Integer.MAX_VALUE / 2, 500)).isEqualTo(RequestCost.CEILING);
        assertThat((long) RequestCost.CEILING * 15_000).isLessThan(Integer.MAX_VALUE);
    }

    @Test
    void aNetworkCostsItsBaseAndWhatItSelectsTimesItsLimitInThousands() {
        int k = RequestCost.PER_THOUSAND;
        assertThat(RequestCost.of("partnershipNetwork", Map.of("limit", 5000), 10, 1)).isEqualTo(RequestCost.NETWORK + 50 * k);
        assertThat(RequestCost.of("schoolNeighborhood", Map.of("limit", 50_000), 10, 1)).isEqualTo(RequestCost.NETWORK + 500 * k);
        assertThat(RequestCost.of("partnershipNetwork", Map.of("limit", 1), 10, 1)).isEqualTo(RequestCost.NETWORK + 10 * k);
        assertThat(RequestCost.of("partnershipNetwork", Map.of("limit", 1001), 10, 1)).isEqualTo(RequestCost.NETWORK + 20 * k);
        assertThat(RequestCost.of("partnershipNetwork", Map.of(), 10, 1)).as("the schema's default limit")
                .isEqualTo(RequestCost.NETWORK + 50 * k);
    }

    @Test
    void theNetworkScienceCostsItsBaseAndWhatItSelectsTimesItsRows() {
        for (String ranked : new String[] {"schoolRanking", "communities", "mentorSuggestions"}) {
            assertThat(RequestCost.of(ranked, Map.of("first", 20), 3, 20)).as(ranked).isEqualTo(RequestCost.SCIENCE + 3 * 20);
        }
        for (String whole : new String[] {"regionFlows", "networkDiff", "coverageTrend", "pairingCounts"}) {
            assertThat(RequestCost.of(whole, Map.of(), 12, 1)).as(whole).isEqualTo(RequestCost.SCIENCE + 12);
        }
        // Twenty of them do not fit in one request, whatever they select.
        assertThat(20 * RequestCost.SCIENCE).isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void statisticsAndPathsCostTheirBaseAndWhatTheySelect() {
        assertThat(RequestCost.of("networkStats", Map.of(), 30, 1)).isEqualTo(RequestCost.STATISTICS + 30);
        assertThat(RequestCost.of("partnershipPath", Map.of(), 3, 1)).isEqualTo(RequestCost.PATH + 3);
        assertThat(RequestCost.of("partnershipPathNetwork", Map.of(), 8, 1)).isEqualTo(RequestCost.PATH + 8);
    }
}
