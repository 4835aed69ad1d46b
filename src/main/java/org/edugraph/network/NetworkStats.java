package org.edugraph.network;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.edugraph.api.ApiException;
import org.edugraph.region.RegionLevel;

/**
 * The statistics of the pairings a filter selects. Mentor load and coverage are worked
 * out from the same pass when asked for; coverage reads the schools per region once, on
 * first use.
 */
public record NetworkStats(int schools, int mentors, int mentees, int pairings, int crossRegionPairings,
        int maxMenteesPerMentor, double meanMenteesPerMentor, int components, int largestComponent, Details details) {

    /** What the per-mentor and per-region fields are computed from. */
    public static final class Details {
        private final NetworkStatistics statistics;
        private final RegionTree regions;
        private final String within;
        private final Supplier<Map<String, Long>> schoolsPerRegion;
        private Map<String, Long> loaded;

        Details(NetworkStatistics statistics, RegionTree regions, String within, Supplier<Map<String, Long>> schoolsPerRegion) {
            this.statistics = statistics;
            this.regions = regions;
            this.within = within;
            this.schoolsPerRegion = schoolsPerRegion;
        }

        private synchronized Map<String, Long> schoolsPerRegion() {
            if (loaded == null) {
                loaded = schoolsPerRegion.get();
            }
            return loaded;
        }
    }

    static NetworkStats of(NetworkStatistics s, RegionTree regions, String within, Supplier<Map<String, Long>> schoolsPerRegion) {
        return new NetworkStats(s.schools(), s.mentors(), s.mentees(), s.pairings(), s.crossRegionPairings(),
                s.maxMenteesPerMentor(), s.meanMenteesPerMentor(), s.components(), s.largestComponent(),
                new Details(s, regions, within, schoolsPerRegion));
    }

    /** The mentors with the most distinct mentees, at most {@code limit} (0..1000). */
    List<MentorLoad> topMentors(Integer limit) {
        int n = limit == null ? 10 : limit;
        if (n < 0 || n > 1000) {
            throw ApiException.badRequest("`limit` of topMentors must be between 0 and 1000, got " + n);
        }
        return details.statistics.topMentors(n).stream().map(e -> new MentorLoad(e.getKey(), e.getValue())).toList();
    }

    List<RegionCoverage> coverage(RegionLevel level) {
        return Coverage.of(details.regions, level == null ? RegionLevel.COUNTY : level, details.schoolsPerRegion(),
                details.statistics.schoolParts(), details.within);
    }
}
