package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The cost rule: plain fields one each, the analytics by what they read. */
class RequestCostTest {

    @Test
    void aPlainFieldCostsOneAboveWhatItSelects() {
        assertThat(RequestCost.of("schools", Map.of("first", 100), 12)).isEqualTo(13);
        assertThat(RequestCost.of("school", Map.of(), 0)).isEqualTo(1);
    }

    @Test
    void aNetworkCostsItsBaseAndWhatItSelectsTimesItsLimitInThousands() {
        assertThat(RequestCost.of("partnershipNetwork", Map.of("limit", 5000), 10)).isEqualTo(RequestCost.NETWORK + 50);
        assertThat(RequestCost.of("schoolNeighborhood", Map.of("limit", 50_000), 10)).isEqualTo(RequestCost.NETWORK + 500);
        assertThat(RequestCost.of("partnershipNetwork", Map.of("limit", 1), 10)).isEqualTo(RequestCost.NETWORK + 10);
        assertThat(RequestCost.of("partnershipNetwork", Map.of("limit", 1001), 10)).isEqualTo(RequestCost.NETWORK + 20);
        assertThat(RequestCost.of("partnershipNetwork", Map.of(), 10)).as("the schema's default limit")
                .isEqualTo(RequestCost.NETWORK + 50);
    }

    @Test
    void statisticsAndPathsCostTheirBaseAndWhatTheySelect() {
        assertThat(RequestCost.of("networkStats", Map.of(), 30)).isEqualTo(RequestCost.STATISTICS + 30);
        assertThat(RequestCost.of("partnershipPath", Map.of(), 3)).isEqualTo(RequestCost.PATH + 3);
        assertThat(RequestCost.of("partnershipPathNetwork", Map.of(), 8)).isEqualTo(RequestCost.PATH + 8);
    }
}
