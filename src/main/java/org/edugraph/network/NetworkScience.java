package org.edugraph.network;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.edugraph.EduGraphProperties;
import org.edugraph.api.ApiException;
import org.edugraph.api.ErrorKind;
import org.edugraph.api.Page;
import org.edugraph.network.measures.Deadline;
import org.edugraph.network.measures.Measures;
import org.edugraph.network.measures.SchoolGraph;
import org.edugraph.pairing.PairingActivity;
import org.edugraph.pairing.PairingFilter;
import org.edugraph.pairing.PairingKind;
import org.edugraph.region.Region;
import org.edugraph.region.RegionLevel;
import org.springframework.stereotype.Service;

/**
 * The network science of the API: measures of each school (cached per selection and data
 * version), rankings, communities, flows between regions, change between two days,
 * coverage per year, group-by counts. Each reads the selected pairings with the one
 * statement of the analytics ({@link NetworkCypher#pairings}, anchored at the filter's
 * most selective field), through the analytics' concurrency gate, or takes those kept for
 * the filter while the data is unchanged ({@link NetworkAnalytics#pairings}); arguments are
 * checked before anything is read.
 */
@Service
public class NetworkScience {

    /** The most years a coverage trend spans. */
    static final int MAX_YEARS = 100;
    /** The most entries a nested list (top mentors, brokers) may be asked for. */
    static final int MAX_LIMIT = 1000;

    private final NetworkAnalytics analytics;
    private final EduGraphProperties.Analytics limits;
    private final EduGraphProperties.Graphql paging;
    private final Measures.Settings settings;
    private final Duration timeout;
    private final MeasuresCache cache;
    private final Clock clock;

    NetworkScience(NetworkAnalytics analytics, EduGraphProperties properties,
            Clock clock) {
        this.analytics = analytics;
        this.limits = properties.analytics();
        this.paging = properties.graphql();
        this.settings = new Measures.Settings(limits.exactBetweennessSchools(), limits.betweennessSources(), 0);
        this.timeout = limits.measuresTimeout();
        this.cache = new MeasuresCache(limits.cacheEntries());
        this.clock = clock;
    }

    // ---- checks, before anything is read

    /** A page size as every list of the API takes it: 0..max-page-size, the default when absent. */
    int first(Integer first) {
        return Page.of(first, null, paging).first();
    }

    static int limit(String what, Integer limit, int absent) {
        int n = limit == null ? absent : limit;
        if (n < 0 || n > MAX_LIMIT) {
            throw ApiException.badRequest("`limit` of %s must be between 0 and %d, got %d".formatted(what, MAX_LIMIT, n));
        }
        return n;
    }

    // ---- measures

    /** The measures of the network the filter selects (its ids checked by the caller). */
    public Measures measures(PairingFilter filter) {
        return measures(Selection.of(filter, null), timeout);
    }

    Measures measures(Selection selection, Duration limit) {
        // The version is read before the data: what is kept under it is at least as new as it says.
        DataVersion version = analytics.version();
        return cache.get(selection, version, () -> analytics.gate().through(analytics.waitForGate(),
                () -> compute(selection, version, Deadline.in(limit))));
    }

    /** Requests answered from kept measures, and those that computed them (for the tests and the benchmark). */
    public long[] cacheCounts() {
        return cache.counts();
    }

    private Measures compute(Selection selection, DataVersion version, Deadline deadline) {
        SchoolGraph network;
        try {
            SchoolGraph.Builder builder = SchoolGraph.builder(limits.maxSchools(), limits.maxPairings());
            analytics.pairingsInGate(selection.filter(), version, row -> {
                if (row.activeOn(selection.alsoActiveOn())) {
                    builder.add(row.id(), row.mentorId(), row.menteeId(), row.mentorRegion(), row.menteeRegion());
                }
            });
            network = builder.build();
        } catch (SchoolGraph.TooLarge e) {
            String bound = e.pairings() > limits.maxPairings()
                    ? "%d pairings (edugraph.analytics.max-pairings)".formatted(limits.maxPairings())
                    : "%d schools (edugraph.analytics.max-schools)".formatted(limits.maxSchools());
            throw ApiException.badRequest(("The selected network is too large to measure: it has more than %s, and its "
                    + "measures would need more memory and time than a request may take. Filter it by regionCode, "
                    + "programId, kinds or activeOn").formatted(bound));
        }
        try {
            return Measures.of(network, settings, deadline);
        } catch (Deadline.Exceeded e) {
            throw new ApiException(ErrorKind.INTERNAL_ERROR, ("Measuring the selected network (%d schools, %d pairings) took "
                    + "longer than %d s (edugraph.analytics.measures-timeout) and was stopped; a smaller network (filter it by "
                    + "regionCode, programId, kinds or activeOn) is measured sooner").formatted(network.size(), network.pairings(),
                    deadline.limit().toSeconds()));
        }
    }

    /** The schools of the selected network by a measure, highest first, ties by id. */
    List<RankedSchool> ranking(PairingFilter filter, SchoolMeasure by, Integer first) {
        int n = first(first);
        analytics.requireReferences(filter);
        Measures m = measures(filter);
        return top(m.graph().size(), n, i -> by.of(m, i), m.graph()::id).stream()
                .map(i -> new RankedSchool(m.graph().id(i), by.of(m, i))).toList();
    }

    /**
     * The {@code n} indexes of 0..size-1 with the highest values, ties by id: a heap of the
     * {@code n} best so far, so that the first 20 of 20,000 schools are not found by sorting all.
     */
    private static List<Integer> top(int size, int n, java.util.function.IntToDoubleFunction value,
            java.util.function.IntFunction<String> id) {
        Comparator<Integer> better = Comparator.<Integer>comparingDouble(value::applyAsDouble).reversed()
                .thenComparing(id::apply);
        int keep = Math.min(n, size);
        if (keep == 0) {
            return List.of();
        }
        java.util.PriorityQueue<Integer> kept = new java.util.PriorityQueue<>(keep, better.reversed());
        for (int i = 0; i < size; i++) {
            if (kept.size() < keep) {
                kept.add(i);
            } else if (better.compare(i, kept.peek()) < 0) {
                kept.poll();
                kept.add(i);
            }
        }
        List<Integer> best = new ArrayList<>(kept);
        best.sort(better);
        return best;
    }

    /** The communities of the selected network, largest first. */
    List<Community> communities(PairingFilter filter, Integer first) {
        int n = first(first);
        analytics.requireReferences(filter);
        Measures m = measures(filter);
        SchoolGraph g = m.graph();
        int shown = Math.min(n, m.communityCount());
        if (shown == 0) {
            return List.of();
        }
        // Distinct mentor-to-mentee arcs inside each community shown.
        List<Map<Integer, Set<Integer>>> menteesWithin = new ArrayList<>();
        for (int c = 0; c < shown; c++) {
            menteesWithin.add(new HashMap<>());
        }
        for (int p = 0; p < g.pairings(); p++) {
            int a = g.pairingMentor(p);
            int b = g.pairingMentee(p);
            int c = m.community(a);
            if (c == m.community(b) && c <= shown) {
                menteesWithin.get(c - 1).computeIfAbsent(a, k -> new HashSet<>()).add(b);
            }
        }
        List<Community> result = new ArrayList<>();
        for (int c = 1; c <= shown; c++) {
            int[] members = m.communityMembers(c);
            List<String> ids = Arrays.stream(members).boxed()
                    .sorted(Comparator.<Integer>comparingInt(g::degree).reversed().thenComparing(g::id))
                    .map(g::id).toList();
            Map<String, Integer> perRegion = new TreeMap<>();
            for (int v : members) {
                if (g.region(v) != null) {
                    perRegion.merge(g.region(v), 1, Integer::sum);
                }
            }
            String main = perRegion.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse(null); // read by the compiler (Community.mainRegion)
            List<MentorLoad> mentors = menteesWithin.get(c - 1).entrySet().stream()
                    .map(e -> new MentorLoad(g.id(e.getKey()), e.getValue().size()))
                    .sorted(Comparator.comparingInt(MentorLoad::mentees).reversed().thenComparing(MentorLoad::schoolId))
                    .toList();
            result.add(new Community(c, members.length, ids, main, mentors));
        }
        return result;
    }

    // ---- the selected pairings, read whole

    /** Every selected pairing with its kind, program and dates: kept ones, or read in one statement. */
    private List<PairingRow> rows(PairingFilter filter) {
        return rows(filter, analytics.version());
    }

    /** The selected pairings at {@code version}, read by the caller before them (its region tree is kept under the same). */
    private List<PairingRow> rows(PairingFilter filter, DataVersion version) {
        List<PairingRow> rows = new ArrayList<>();
        analytics.pairings(filter, version, rows::add);
        return rows;
    }

    /** Pairings from mentors in one region to mentees in another, per pair of regions of {@code level}. */
    List<RegionFlow> regionFlows(RegionLevel level, PairingFilter filter) {
        analytics.requireReferences(filter);
        DataVersion version = analytics.version();
        List<PairingRow> rows = rows(filter, version);
        if (rows.isEmpty()) {
            return List.of();
        }
        RegionTree regions = analytics.regions(version);
        record Key(Region from, Region to) {
        }
        Map<Key, Map<String, Integer>> schools = new HashMap<>();
        Map<Key, Integer> counts = new HashMap<>();
        for (PairingRow row : rows) {
            Region a = regions.ancestorAt(row.mentorRegion(), level);
            Region b = regions.ancestorAt(row.menteeRegion(), level);
            if (a == null || b == null) {
                continue;
            }
            Key key = new Key(a, b);
            counts.merge(key, 1, Integer::sum);
            Map<String, Integer> carried = schools.computeIfAbsent(key, k -> new HashMap<>());
            carried.merge(row.mentorId(), 1, Integer::sum);
            carried.merge(row.menteeId(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Key, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(e -> e.getKey().from().code()).thenComparing(e -> e.getKey().to().code()))
                .map(e -> new RegionFlow(e.getKey().from(), e.getKey().to(), e.getValue(),
                        schools.get(e.getKey()).entrySet().stream()
                                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                                        .thenComparing(Map.Entry::getKey))
                                .map(Map.Entry::getKey).toList()))
                .toList();
    }

    /**
     * The days on which the selected network changes, in order and each once: the days its
     * pairings become active or stop being so (PairingActivity#changes). What a time slider
     * steps through, in one statement and a few bytes a day instead of every pairing's dates.
     */
    List<LocalDate> changeDays(PairingFilter filter) {
        analytics.requireReferences(filter);
        Set<LocalDate> days = new TreeSet<>();
        for (PairingRow row : rows(filter)) {
            days.addAll(PairingActivity.changes(row.startDate(), row.endDate()));
        }
        return List.copyOf(days);
    }

    /** What changed in the selected network between two days. */
    NetworkDiff diff(LocalDate from, LocalDate to, PairingFilter filter) {
        if (from.isAfter(to)) {
            throw ApiException.badRequest("`from` (%s) is after `to` (%s); give the earlier day first".formatted(from, to));
        }
        analytics.requireReferences(filter);
        List<PairingRow> rows = rows(filter);
        List<PairingRow> started = rows.stream()
                .filter(r -> r.startDate() != null && r.startDate().isAfter(from) && !r.startDate().isAfter(to))
                .sorted(Comparator.comparing(PairingRow::startDate).thenComparing(PairingRow::id)).toList();
        List<PairingRow> ended = rows.stream()
                .filter(r -> r.endDate() != null && !r.endDate().isBefore(from) && r.endDate().isBefore(to))
                .sorted(Comparator.comparing(PairingRow::endDate).thenComparing(PairingRow::id)).toList();
        Set<String> before = covered(rows, from);
        Set<String> after = covered(rows, to);
        List<String> newly = after.stream().filter(s -> !before.contains(s)).toList();
        List<String> noLonger = before.stream().filter(s -> !after.contains(s)).toList();
        Duration limit = timeout;
        NetworkDiff.Movers movers = (by, first) -> movers(filter, from, to, by == null ? SchoolMeasure.DEGREE : by,
                first(first), limit);
        return new NetworkDiff(started.stream().map(PairingRow::id).toList(), ended.stream().map(PairingRow::id).toList(),
                newly, noLonger, movers);
    }

    private static Set<String> covered(List<PairingRow> rows, LocalDate day) {
        Set<String> schools = new TreeSet<>();
        for (PairingRow r : rows) {
            if (r.activeOn(day)) {
                schools.add(r.mentorId());
                schools.add(r.menteeId());
            }
        }
        return schools;
    }

    private List<MeasureChange> movers(PairingFilter filter, LocalDate from, LocalDate to, SchoolMeasure by, int first,
            Duration limit) {
        Measures before = measures(Selection.of(filter, from), limit);
        Measures after = measures(Selection.of(filter, to), limit);
        Set<String> schools = new TreeSet<>();
        for (int i = 0; i < before.graph().size(); i++) {
            schools.add(before.graph().id(i));
        }
        for (int i = 0; i < after.graph().size(); i++) {
            schools.add(after.graph().id(i));
        }
        List<MeasureChange> changes = new ArrayList<>();
        for (String id : schools) {
            int b = before.graph().indexOf(id);
            int a = after.graph().indexOf(id);
            double was = b < 0 ? 0 : by.of(before, b);
            double is = a < 0 ? 0 : by.of(after, a);
            if (was != is) {
                changes.add(new MeasureChange(id, was, is));
            }
        }
        changes.sort(Comparator.<MeasureChange>comparingDouble(c -> Math.abs(c.change())).reversed()
                .thenComparing(MeasureChange::schoolId));
        return changes.subList(0, Math.min(first, changes.size()));
    }

    /** Coverage per region of {@code level} in each year {@code from..to}. */
    List<CoverageYear> coverageTrend(RegionLevel level, int from, int to, PairingFilter filter) {
        for (int year : new int[] {from, to}) {
            if (year < 1900 || year > 2199) {
                throw ApiException.badRequest("Years go from 1900 to 2199, got " + year);
            }
        }
        if (from > to) {
            throw ApiException.badRequest("`from` (%d) is after `to` (%d); give the earlier year first".formatted(from, to));
        }
        if (to - from + 1 > MAX_YEARS) {
            throw ApiException.badRequest("A trend spans at most %d years, got %d".formatted(MAX_YEARS, to - from + 1));
        }
        analytics.requireReferences(filter);
        DataVersion version = analytics.version();
        List<PairingRow> rows = rows(filter, version);
        RegionTree regions = analytics.regions(version);
        Map<String, Long> schoolsPerRegion = analytics.gate().through(analytics.waitForGate(),
                () -> analytics.schoolsPerRegion(filter.regionCode()));
        List<CoverageYear> years = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            Map<String, NetworkStatistics.SchoolPart> parts = new HashMap<>();
            for (PairingRow r : rows) {
                if (PairingActivity.overlap(r.startDate(), r.endDate(), first, last)) {
                    parts.computeIfAbsent(r.mentorId(), k -> new NetworkStatistics.SchoolPart(r.mentorRegion(), 0)).mentor = true;
                    parts.computeIfAbsent(r.menteeId(), k -> new NetworkStatistics.SchoolPart(r.menteeRegion(), 0)).mentee = true;
                }
            }
            years.add(new CoverageYear(year, Coverage.of(regions, level, schoolsPerRegion, parts, filter.regionCode())));
        }
        return years;
    }

    /** The selected pairings counted per combination of the dimensions' values, largest first. */
    List<PairingCount> counts(PairingFilter filter, List<PairingDimension> groupBy, RegionLevel level) {
        Set<PairingDimension> dimensions = new LinkedHashSet<>(groupBy);
        RegionLevel at = level == null ? RegionLevel.COUNTY : level;
        analytics.requireReferences(filter);
        DataVersion version = analytics.version();
        List<PairingRow> rows = rows(filter, version);
        if (rows.isEmpty()) {
            return List.of();
        }
        boolean byRegion = dimensions.contains(PairingDimension.MENTOR_REGION) || dimensions.contains(PairingDimension.MENTEE_REGION);
        RegionTree regions = byRegion ? analytics.regions(version) : null;
        Map<PairingCount, Integer> counts = new HashMap<>();
        for (PairingRow r : rows) {
            PairingCount key = new PairingCount(
                    dimensions.contains(PairingDimension.KIND) ? r.kind() : null,
                    dimensions.contains(PairingDimension.PROGRAM) ? r.programId() : null,
                    dimensions.contains(PairingDimension.MENTOR_REGION) ? code(regions.ancestorAt(r.mentorRegion(), at)) : null,
                    dimensions.contains(PairingDimension.MENTEE_REGION) ? code(regions.ancestorAt(r.menteeRegion(), at)) : null,
                    dimensions.contains(PairingDimension.START_YEAR) && r.startDate() != null ? r.startDate().getYear() : null,
                    0);
            counts.merge(key, 1, Integer::sum);
        }
        Comparator<PairingCount> byValues = Comparator
                .comparing((PairingCount c) -> c.kind(), Comparator.nullsLast(Comparator.<PairingKind>naturalOrder()))
                .thenComparing(PairingCount::programId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PairingCount::mentorRegionCode, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PairingCount::menteeRegionCode, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PairingCount::startYear, Comparator.nullsLast(Comparator.naturalOrder()));
        return counts.entrySet().stream()
                .map(e -> new PairingCount(e.getKey().kind(), e.getKey().programId(), e.getKey().mentorRegionCode(),
                        e.getKey().menteeRegionCode(), e.getKey().startYear(), e.getValue()))
                .sorted(Comparator.comparingInt(PairingCount::count).reversed().thenComparing(byValues))
                .toList();
    }

    private static String code(Region region) {
        return region == null ? null : region.code();
    }

    /** Today, on the calendar of edugraph.time-zone. */
    LocalDate today() {
        return LocalDate.now(clock);
    }
}
