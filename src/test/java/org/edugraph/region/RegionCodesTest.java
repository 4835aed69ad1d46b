package org.edugraph.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** The nearest valid codes to one the graph does not know: the longest shared start, then the closest number. */
@Unit
class RegionCodesTest {

    private static final Map<String, String> KNOWN = Map.of("350100", "福州市", "350104", "仓山区", "350181", "福清市",
            "350128", "平潭县", "350500", "泉州市", "350582", "晋江市", "3505TS", "泉州台商投资区", "110101", "东城区");

    @Test
    void aTypoInTheLastDigitsKeepsItsPrefectureAndFindsTheClosestCodes() {
        assertThat(RegionCodes.nearest("350199", KNOWN, 3)).containsExactly("350181 福清市", "350128 平潭县", "350104 仓山区");
        assertThat(RegionCodes.nearest("350583", KNOWN, 2)).containsExactly("350582 晋江市", "350500 泉州市");
    }

    @Test
    void aCodeOfAnotherFormSharesWhatItCanAndNeverFailsToAnswer() {
        assertThat(RegionCodes.nearest("3505TX", KNOWN, 1)).containsExactly("3505TS 泉州台商投资区");
        assertThat(RegionCodes.nearest("T-NOWHERE", KNOWN, 2)).hasSize(2);
        assertThat(RegionCodes.nearestCodes("1101", List.of("110101", "350104"), 1)).containsExactly("110101");
        assertThat(RegionCodes.nearest("350199", Map.of(), 3)).isEmpty();
    }
}
