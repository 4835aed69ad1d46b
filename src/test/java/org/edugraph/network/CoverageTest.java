package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.region.Region;
import org.edugraph.region.RegionLevel;
import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** Coverage places each school under the region of the asked level, inside the filter's region only. */
@Unit
class CoverageTest {

    private final RegionTree regions = new RegionTree(List.of(
            new Region("P", "省", RegionLevel.PROVINCE, false, null),
            new Region("C1", "市一", RegionLevel.PREFECTURE, false, "P"),
            new Region("C2", "市二", RegionLevel.PREFECTURE, false, "P"),
            new Region("K1", "县一", RegionLevel.COUNTY, false, "C1"),
            new Region("K2", "县二", RegionLevel.COUNTY, false, "C1"),
            new Region("K3", "县三", RegionLevel.COUNTY, false, "C2")));

    /** Schools a (K1, mentor), b (K1, mentee), c (K3, mentee), d (C1, county unknown, mentee). */
    private Map<String, NetworkStatistics.SchoolPart> network() {
        NetworkStatistics stats = new NetworkStatistics(regions);
        stats.add(new PairingRow("p1", "a", "b", "K1", "K1"));
        stats.add(new PairingRow("p2", "a", "c", "K1", "K3"));
        stats.add(new PairingRow("p3", "a", "d", "K1", "C1"));
        return stats.schoolParts();
    }

    private static final Map<String, Long> SCHOOLS = Map.of("K1", 5L, "K2", 3L, "K3", 2L, "C1", 4L);

    @Test
    void countiesCountTheirSchoolsAndLeaveOutThoseWhoseCountyIsNotKnown() {
        assertThat(Coverage.of(regions, RegionLevel.COUNTY, SCHOOLS, network(), null)).containsExactly(
                new RegionCoverage(regions.get("K1"), 5, 2, 1, 1, 3),
                new RegionCoverage(regions.get("K2"), 3, 0, 0, 0, 3),
                new RegionCoverage(regions.get("K3"), 2, 1, 0, 1, 1));
    }

    @Test
    void prefecturesCountEverySchoolBelowThem() {
        assertThat(Coverage.of(regions, RegionLevel.PREFECTURE, SCHOOLS, network(), null)).containsExactly(
                new RegionCoverage(regions.get("C1"), 12, 3, 1, 2, 9),
                new RegionCoverage(regions.get("C2"), 2, 1, 0, 1, 1));
    }

    @Test
    void aFilterRegionKeepsOnlyItsOwnSchoolsEvenUnderAHigherLevel() {
        assertThat(Coverage.of(regions, RegionLevel.COUNTY, SCHOOLS, network(), "C1")).containsExactly(
                new RegionCoverage(regions.get("K1"), 5, 2, 1, 1, 3),
                new RegionCoverage(regions.get("K2"), 3, 0, 0, 0, 3));
        assertThat(Coverage.of(regions, RegionLevel.PROVINCE, SCHOOLS, network(), "K1")).containsExactly(
                new RegionCoverage(regions.get("P"), 5, 2, 1, 1, 3));
    }

    @Test
    void anEmptyNetworkLeavesEverySchoolOut() {
        assertThat(Coverage.of(regions, RegionLevel.PROVINCE, SCHOOLS, Map.of(), null)).containsExactly(
                new RegionCoverage(regions.get("P"), 14, 0, 0, 0, 14));
    }
}
