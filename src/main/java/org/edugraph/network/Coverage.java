package org.edugraph.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.region.Region;
import org.edugraph.region.RegionLevel;

/**
 * Who takes part and who is left out, per region of one level. The rows are the regions
 * of that level holding at least one school; with a filter's region, only those inside it
 * (or the one region of that level around it), and only the schools inside it count. A
 * school located above the level (its county not known) is in no row.
 */
final class Coverage {

    private Coverage() {
    }

    /**
     * @param schoolsPerRegion how many schools are located directly in each region, by code
     * @param network          the schools of the selected pairings
     * @param within           the filter's region code, or null
     */
    static List<RegionCoverage> of(RegionTree regions, RegionLevel level, Map<String, Long> schoolsPerRegion,
            Map<String, NetworkStatistics.SchoolPart> network, String within) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        schoolsPerRegion.forEach((code, count) -> {
            Region row = rowOf(regions, level, code, within);
            if (row != null) {
                rows.computeIfAbsent(row.code(), k -> new long[4])[0] += count;
            }
        });
        network.values().forEach(school -> {
            Region row = rowOf(regions, level, school.regionCode, within);
            if (row != null) {
                long[] counts = rows.computeIfAbsent(row.code(), k -> new long[4]);
                counts[1]++;
                counts[2] += school.mentor ? 1 : 0;
                counts[3] += school.mentee ? 1 : 0;
            }
        });
        List<RegionCoverage> result = new ArrayList<>();
        rows.forEach((code, c) -> result.add(new RegionCoverage(regions.get(code), (int) c[0], (int) c[1], (int) c[2],
                (int) c[3], (int) (c[0] - c[1]))));
        result.sort(Comparator.comparing(RegionCoverage::regionCode));
        return result;
    }

    private static Region rowOf(RegionTree regions, RegionLevel level, String code, String within) {
        if (code == null || (within != null && !regions.within(code, within))) {
            return null;
        }
        return regions.ancestorAt(code, level);
    }
}
