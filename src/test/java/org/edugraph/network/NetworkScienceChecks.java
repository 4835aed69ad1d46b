package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.edugraph.pairing.PairingActivity;
import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.ExpectedNetwork;
import org.edugraph.support.ExpectedNetwork.Filter;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.Networkx;
import org.edugraph.support.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.util.UriBuilder;

/**
 * Every answer of the network science equals the same answer worked out independently, on
 * a generated network of the tests' own regions: the measures in the exported GraphML as
 * networkx computes them from the file's pairings alone (and the API's rankings and
 * communities as the file holds them), the flows, changes, trends, counts and mentor
 * suggestions as plain Java works them out from every pairing read raw
 * ({@link ExpectedNetwork}). The subclasses give the network: a random one and one the
 * size and shape of the demo profile's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Networkx.Required.class)
abstract class NetworkScienceChecks extends IntegrationTest {

    /** The zone whose calendar "today" is (edugraph.time-zone). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    protected NetworkGenerator.Network network;
    protected ExpectedNetwork expected;

    @TempDir
    Path dir;

    /** Writes the network under test (TestNetwork) and returns it. */
    abstract NetworkGenerator.Network create();

    /** The filters each answer is checked under. */
    abstract List<Filter> filters();

    @BeforeAll
    void createNetwork() {
        network = create();
        expected = ExpectedNetwork.read(graph);
    }

    @AfterAll
    void removeNetwork() {
        TestNetwork.remove(graph);
    }

    static Filter all() {
        return Filter.region(TestNetwork.ROOT);
    }

    // ---- measures: the file against networkx, the API against the file

    @Test
    void everyMeasureInTheExportedFileEqualsNetworkxOnTheFilesPairings() throws Exception {
        for (Filter f : filters()) {
            Path file = export(f, "graphml");
            Map<String, Object> report = Networkx.run("check_measures.py", file.toString(), "5000", "1000");
            System.out.printf("%s %s: %s schools, %s links, %s communities (modularity %.3f), %s cut points%n",
                    getClass().getSimpleName(), f.graphql(), report.get("schools"), report.get("links"),
                    report.get("communities"), ((Number) report.get("modularity")).doubleValue(), report.get("articulation"));
            assertThat(report.get("mismatches")).as("%s: %s", f, report).asList().isEmpty();
            assertThat(report.get("schools")).as("schools of %s", f).isEqualTo(schoolsOf(f).size());
            assertThat(report.get("pairings")).as("pairings of %s", f).isEqualTo(expected.selected(f).size());
        }
    }

    @Test
    void rankingsOrderTheSchoolsByTheMeasuresTheFileHolds() throws Exception {
        for (Filter f : filters().subList(0, 2)) {
            Map<String, Map<String, String>> nodes = schoolNodes(export(f, "graphml"));
            Map<String, String> names = Map.of("DEGREE", "degree", "IN_DEGREE", "inDegree", "OUT_DEGREE", "outDegree",
                    "BETWEENNESS", "betweenness", "PAGE_RANK", "pageRank", "REACH2", "reach2", "CORE_NUMBER", "coreNumber",
                    "CUT_OFF", "cutOff");
            for (var measure : names.entrySet()) {
                List<Map<String, Object>> ranked = list(data("""
                        { schoolRanking(filter: %s, by: %s, first: 30) { school { id } value } }"""
                        .formatted(f.graphql(), measure.getKey())), "schoolRanking");
                List<Map.Entry<String, Double>> want = nodes.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), Double.parseDouble(e.getValue().get(measure.getValue()))))
                        .sorted(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
                                .thenComparing(Map.Entry::getKey))
                        .limit(30).toList();
                assertThat(ranked.stream().map(r -> id(r.get("school"))).toList()).as("%s by %s", f, measure.getKey())
                        .isEqualTo(want.stream().map(Map.Entry::getKey).toList());
                for (int i = 0; i < ranked.size(); i++) {
                    assertThat(((Number) ranked.get(i).get("value")).doubleValue()).isEqualTo(want.get(i).getValue());
                }
            }
        }
    }

    @Test
    void communitiesAreTheFilesWithTheirMainRegionAndStrongestMentors() throws Exception {
        for (Filter f : filters()) {
            Map<String, Map<String, String>> nodes = schoolNodes(export(f, "graphml"));
            Map<Integer, List<String>> members = new TreeMap<>();
            nodes.forEach((id, a) -> members.computeIfAbsent(Integer.parseInt(a.get("community")), k -> new ArrayList<>()).add(id));
            List<Map<String, Object>> communities = list(data("""
                    { communities(filter: %s, first: 40) { id size schools(first: 100) { id } mainRegion { code }
                        topMentors(limit: 5) { school { id } mentees } } }""".formatted(f.graphql())), "communities");
            assertThat(communities).as("communities of %s", f).hasSize(Math.min(40, members.size()));
            assertThat(communities.stream().map(c -> c.get("id")).toList()).as("numbered from 1")
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, communities.size()).boxed().toList());
            Map<String, Integer> degree = new HashMap<>();
            nodes.forEach((id, a) -> degree.put(id, Integer.parseInt(a.get("degree"))));
            for (Map<String, Object> c : communities) {
                int id = (Integer) c.get("id");
                List<String> want = members.get(id).stream()
                        .sorted(Comparator.<String>comparingInt(degree::get).reversed().thenComparing(s -> s)).toList();
                assertThat(c.get("size")).isEqualTo(want.size());
                assertThat(list(c, "schools").stream().map(NetworkScienceChecks::id).toList()).as("community %d of %s", id, f)
                        .isEqualTo(want.subList(0, Math.min(100, want.size())));
                // The region most of them are in (ties: the smaller code), counted from the raw graph.
                Map<String, Long> perRegion = want.stream().collect(Collectors.groupingBy(expected.schoolRegion::get,
                        TreeMap::new, Collectors.counting()));
                String main = perRegion.entrySet().stream().max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow().getKey();
                assertThat(id(c.get("mainRegion"))).isEqualTo(main);
                // Its mentors by distinct mentees inside it.
                Set<String> inside = new HashSet<>(want);
                Map<String, Set<String>> mentees = new TreeMap<>();
                expected.selected(f).stream().filter(p -> inside.contains(p.mentor()) && inside.contains(p.mentee()))
                        .forEach(p -> mentees.computeIfAbsent(p.mentor(), k -> new TreeSet<>()).add(p.mentee()));
                List<String> top = mentees.entrySet().stream()
                        .sorted(Comparator.<Map.Entry<String, Set<String>>>comparingInt(e -> e.getValue().size()).reversed()
                                .thenComparing(Map.Entry::getKey))
                        .limit(5).map(e -> e.getKey() + "=" + e.getValue().size()).toList();
                assertThat(list(c, "topMentors").stream().map(m -> id(m.get("school")) + "=" + m.get("mentees")).toList())
                        .isEqualTo(top);
            }
            // Communities are numbered by size, largest first.
            List<Integer> sizes = communities.stream().map(c -> (Integer) c.get("size")).toList();
            assertThat(sizes).isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    // ---- flows between regions

    @Test
    void regionFlowsCountEveryPairingBetweenRegionsOfTheLevel() {
        for (Filter f : filters()) {
            for (String level : List.of("COUNTY", "PREFECTURE", "PROVINCE")) {
                List<Map<String, Object>> flows = list(data("""
                        { regionFlows(level: %s, filter: %s) { from { code level } to { code } pairings brokers(limit: 4) { id } } }"""
                        .formatted(level, f.graphql())), "regionFlows");
                assertThat(flows.stream().map(r -> id(r.get("from")) + ">" + id(r.get("to")) + " " + r.get("pairings") + " "
                        + list(r, "brokers").stream().map(NetworkScienceChecks::id).toList()).toList())
                        .as("flows by %s of %s", level, f).isEqualTo(expectedFlows(f, level));
                flows.forEach(r -> assertThat(((Map<?, ?>) r.get("from")).get("level")).isEqualTo(level));
            }
        }
    }

    private List<String> expectedFlows(Filter f, String level) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Map<String, Integer>> carried = new HashMap<>();
        for (ExpectedNetwork.Pairing p : expected.selected(f)) {
            String a = expected.ancestorAt(expected.schoolRegion.get(p.mentor()), level);
            String b = expected.ancestorAt(expected.schoolRegion.get(p.mentee()), level);
            if (a == null || b == null) {
                continue;
            }
            String key = a + ">" + b;
            counts.merge(key, 1, Integer::sum);
            carried.computeIfAbsent(key, k -> new HashMap<>()).merge(p.mentor(), 1, Integer::sum);
            carried.get(key).merge(p.mentee(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(e -> e.getKey().split(">")[0]).thenComparing(e -> e.getKey().split(">")[1]))
                .map(e -> e.getKey() + " " + e.getValue() + " " + carried.get(e.getKey()).entrySet().stream()
                        .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                                .thenComparing(Map.Entry::getKey))
                        .limit(4).map(Map.Entry::getKey).toList())
                .toList();
    }

    // ---- change over time

    /** The pairs of days networkDiff is checked over. */
    List<LocalDate[]> spans() {
        return List.of(
                new LocalDate[] {LocalDate.of(2018, 9, 1), LocalDate.of(2021, 9, 1)},
                new LocalDate[] {LocalDate.of(2020, 8, 31), LocalDate.of(2020, 9, 1)},
                // The generator starts pairings on 1 September and ends them on 31 August: days on both bounds.
                new LocalDate[] {LocalDate.of(2019, 9, 1), LocalDate.of(2021, 8, 31)},
                new LocalDate[] {LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 1)},
                new LocalDate[] {LocalDate.of(2010, 1, 1), LocalDate.of(2030, 1, 1)});
    }

    /**
     * The days the selected network changes: those on which some selected pairing is active
     * and was not the day before, or the reverse (the raw pairings' dates, both included),
     * found by looking at each day around each pairing's dates.
     */
    @Test
    void pairingChangeDaysAreTheDaysOnWhichASelectedPairingStartsOrHasJustEnded() {
        for (Filter f : filters()) {
            Set<LocalDate> expectedDays = new TreeSet<>();
            for (ExpectedNetwork.Pairing p : expected.selected(f)) {
                for (LocalDate date : java.util.stream.Stream.of(p.start(), p.end()).filter(Objects::nonNull).toList()) {
                    for (LocalDate day = date.minusDays(2); !day.isAfter(date.plusDays(2)); day = day.plusDays(1)) {
                        if (activeOn(p, day) != activeOn(p, day.minusDays(1))) {
                            expectedDays.add(day);
                        }
                    }
                }
            }
            Object days = data("{ pairingChangeDays(filter: %s) }".formatted(f.graphql())).get("pairingChangeDays");
            assertThat(days).as(f.toString()).isEqualTo(expectedDays.stream().map(LocalDate::toString).toList());
            if (f.equals(all())) {
                assertThat(expectedDays).as("the generated network has dated pairings").isNotEmpty();
            }
        }
    }

    private static boolean activeOn(ExpectedNetwork.Pairing p, LocalDate day) {
        return (p.start() == null || !day.isBefore(p.start())) && (p.end() == null || !day.isAfter(p.end()));
    }

    @Test
    void networkDiffListsWhatStartedEndedAndWhoGainedOrLostCover() {
        for (Filter f : filters()) {
            for (LocalDate[] span : spans()) {
                LocalDate from = span[0];
                LocalDate to = span[1];
                Map<String, Object> diff = data(data("""
                        { networkDiff(from: "%s", to: "%s", filter: %s) { started { id } ended { id } newlyCovered { id }
                            noLongerCovered { id } movers(by: DEGREE, first: 500) { school { id } before after change } } }"""
                        .formatted(from, to, f.graphql())), "networkDiff");
                List<ExpectedNetwork.Pairing> selected = expected.selected(f);
                String what = f + " " + from + ".." + to;
                assertThat(ids(diff, "started")).as("started, " + what).isEqualTo(selected.stream()
                        .filter(p -> p.start() != null && p.start().isAfter(from) && !p.start().isAfter(to))
                        .sorted(Comparator.comparing(ExpectedNetwork.Pairing::start).thenComparing(ExpectedNetwork.Pairing::id))
                        .map(ExpectedNetwork.Pairing::id).toList());
                assertThat(ids(diff, "ended")).as("ended, " + what).isEqualTo(selected.stream()
                        .filter(p -> p.end() != null && !p.end().isBefore(from) && p.end().isBefore(to))
                        .sorted(Comparator.comparing(ExpectedNetwork.Pairing::end).thenComparing(ExpectedNetwork.Pairing::id))
                        .map(ExpectedNetwork.Pairing::id).toList());
                Set<String> before = schoolsOf(f.activeOn() == null ? f.activeOn(from) : null, f, from);
                Set<String> after = schoolsOf(f.activeOn() == null ? f.activeOn(to) : null, f, to);
                assertThat(ids(diff, "newlyCovered")).as("newly covered, " + what)
                        .isEqualTo(after.stream().filter(s -> !before.contains(s)).sorted().toList());
                assertThat(ids(diff, "noLongerCovered")).as("no longer covered, " + what)
                        .isEqualTo(before.stream().filter(s -> !after.contains(s)).sorted().toList());
                // Degree (distinct partners) on each day, counted from the raw pairings.
                Map<String, Integer> was = degrees(f, from);
                Map<String, Integer> is = degrees(f, to);
                Set<String> schools = new TreeSet<>(was.keySet());
                schools.addAll(is.keySet());
                List<String> moved = schools.stream().filter(s -> !Objects.equals(was.getOrDefault(s, 0), is.getOrDefault(s, 0)))
                        .sorted(Comparator.<String>comparingInt(s -> Math.abs(is.getOrDefault(s, 0) - was.getOrDefault(s, 0)))
                                .reversed().thenComparing(s -> s))
                        .limit(500).map(s -> s + " " + was.getOrDefault(s, 0) + ">" + is.getOrDefault(s, 0)).toList();
                assertThat(list(diff, "movers").stream().map(m -> id(m.get("school")) + " "
                        + ((Number) m.get("before")).intValue() + ">" + ((Number) m.get("after")).intValue()).toList())
                        .as("movers by degree, " + what).isEqualTo(moved);
                list(diff, "movers").forEach(m -> assertThat(((Number) m.get("change")).doubleValue())
                        .isEqualTo(((Number) m.get("after")).doubleValue() - ((Number) m.get("before")).doubleValue()));
            }
        }
    }

    @Test
    void networkDiffMoversByBetweennessAreTheFilesOfBothDays() throws Exception {
        Filter f = filters().getFirst();
        LocalDate from = LocalDate.of(2019, 9, 1);
        LocalDate to = LocalDate.of(2022, 9, 1);
        Map<String, Map<String, String>> before = schoolNodes(export(f.activeOn(from), "graphml"));
        Map<String, Map<String, String>> after = schoolNodes(export(f.activeOn(to), "graphml"));
        Set<String> schools = new TreeSet<>(before.keySet());
        schools.addAll(after.keySet());
        record Change(String id, double before, double after) {
        }
        List<Change> changes = schools.stream()
                .map(s -> new Change(s, before.containsKey(s) ? Double.parseDouble(before.get(s).get("betweenness")) : 0,
                        after.containsKey(s) ? Double.parseDouble(after.get(s).get("betweenness")) : 0))
                .filter(c -> c.before() != c.after())
                .sorted(Comparator.<Change>comparingDouble(c -> Math.abs(c.after() - c.before())).reversed().thenComparing(Change::id))
                .limit(15).toList();
        List<Map<String, Object>> movers = list(data(data("""
                { networkDiff(from: "%s", to: "%s", filter: %s) { movers(by: BETWEENNESS, first: 15) { school { id } before after } } }"""
                .formatted(from, to, f.graphql())), "networkDiff"), "movers");
        assertThat(movers.stream().map(m -> id(m.get("school"))).toList()).isEqualTo(changes.stream().map(Change::id).toList());
        for (int i = 0; i < movers.size(); i++) {
            assertThat(((Number) movers.get(i).get("before")).doubleValue()).isEqualTo(changes.get(i).before());
            assertThat(((Number) movers.get(i).get("after")).doubleValue()).isEqualTo(changes.get(i).after());
        }
        // And those files are networkx's too.
        for (Filter day : List.of(f.activeOn(from), f.activeOn(to))) {
            Map<String, Object> report = Networkx.run("check_measures.py", export(day, "graphml").toString(), "5000", "1000");
            assertThat(report.get("mismatches")).as("%s", report).asList().isEmpty();
        }
    }

    @Test
    void coverageTrendCountsEachYearsPairingsPerRegion() {
        for (Filter f : filters()) {
            for (String level : List.of("COUNTY", "PREFECTURE")) {
                List<Map<String, Object>> years = list(data("""
                        { coverageTrend(level: %s, from: 2015, to: 2026, filter: %s) { year coverage { region { code }
                            schools pairedSchools mentors mentees unpairedSchools } } }""".formatted(level, f.graphql())),
                        "coverageTrend");
                assertThat(years.stream().map(y -> y.get("year")).toList())
                        .isEqualTo(java.util.stream.IntStream.rangeClosed(2015, 2026).boxed().toList());
                for (Map<String, Object> y : years) {
                    int year = (Integer) y.get("year");
                    Map<String, List<Integer>> got = new TreeMap<>();
                    list(y, "coverage").forEach(r -> got.put(id(r.get("region")), List.of((Integer) r.get("schools"),
                            (Integer) r.get("pairedSchools"), (Integer) r.get("mentors"), (Integer) r.get("mentees"),
                            (Integer) r.get("unpairedSchools"))));
                    assertThat(got).as("coverage by %s in %d of %s", level, year, f).isEqualTo(coverageIn(f, level, year));
                }
            }
        }
    }

    /** Coverage by region of {@code level} counting the selected pairings active on some day of {@code year}. */
    private Map<String, List<Integer>> coverageIn(Filter f, String level, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return expected.coverage(f, level,
                p -> (p.start() == null || !p.start().isAfter(last)) && (p.end() == null || !p.end().isBefore(first)));
    }

    // ---- group-by counts

    @Test
    void pairingCountsCountEveryCombinationThatOccurs() {
        List<List<String>> groupings = List.of(List.of(), List.of("KIND"), List.of("PROGRAM"), List.of("START_YEAR", "KIND"),
                List.of("MENTOR_REGION", "MENTEE_REGION"), List.of("KIND", "PROGRAM", "MENTOR_REGION", "MENTEE_REGION", "START_YEAR"));
        for (Filter f : filters()) {
            for (List<String> groupBy : groupings) {
                for (String level : groupBy.contains("MENTOR_REGION") ? List.of("COUNTY", "PREFECTURE") : List.of("COUNTY")) {
                    List<Map<String, Object>> counts = list(data("""
                            { pairingCounts(filter: %s, groupBy: [%s], level: %s) { kind program { id } mentorRegion { code }
                                menteeRegion { code } startYear count } }""".formatted(f.graphql(), String.join(", ", groupBy), level)),
                            "pairingCounts");
                    List<String> got = counts.stream().map(c -> c.get("kind") + "|" + id(c.get("program")) + "|"
                            + id(c.get("mentorRegion")) + "|" + id(c.get("menteeRegion")) + "|" + c.get("startYear") + " " + c.get("count"))
                            .toList();
                    assertThat(got).as("counts by %s (%s) of %s", groupBy, level, f).isEqualTo(expectedCounts(f, groupBy, level));
                }
            }
        }
    }

    private List<String> expectedCounts(Filter f, List<String> groupBy, String level) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (ExpectedNetwork.Pairing p : expected.selected(f)) {
            List<String> key = List.of(
                    groupBy.contains("KIND") ? p.kind() : "null",
                    groupBy.contains("PROGRAM") ? String.valueOf(p.program()) : "null",
                    groupBy.contains("MENTOR_REGION") ? String.valueOf(expected.ancestorAt(expected.schoolRegion.get(p.mentor()), level)) : "null",
                    groupBy.contains("MENTEE_REGION") ? String.valueOf(expected.ancestorAt(expected.schoolRegion.get(p.mentee()), level)) : "null",
                    groupBy.contains("START_YEAR") && p.start() != null ? String.valueOf(p.start().getYear()) : "null");
            counts.merge(key, 1, Integer::sum);
        }
        Comparator<String> value = (a, b) -> a.equals("null") ? (b.equals("null") ? 0 : 1) : b.equals("null") ? -1 : a.compareTo(b);
        Comparator<List<String>> byKey = (a, b) -> {
            // Kinds in their declared order; the rest as text (codes, ids, four-digit years).
            int k = Comparator.<String>nullsLast(Comparator.comparingInt(s -> s.equals("null") ? Integer.MAX_VALUE
                    : org.edugraph.pairing.PairingKind.valueOf(s).ordinal())).compare(a.get(0), b.get(0));
            for (int i = 1; k == 0 && i < a.size(); i++) {
                k = value.compare(a.get(i), b.get(i));
            }
            return k;
        };
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<List<String>, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey, byKey))
                .map(e -> String.join("|", e.getKey()) + " " + e.getValue()).toList();
    }

    // ---- mentor suggestions

    @Test
    void mentorSuggestionsFollowTheStatedScore() {
        LocalDate today = LocalDate.now(ZONE);
        Map<String, Set<String>> partners = new HashMap<>();
        Map<String, Set<String>> menteesToday = new HashMap<>();
        Set<String> mentors = new HashSet<>();
        for (ExpectedNetwork.Pairing p : expected.pairings) {
            mentors.add(p.mentor());
            if (PairingActivity.isActive(p.start(), p.end(), today)) {
                partners.computeIfAbsent(p.mentor(), k -> new HashSet<>()).add(p.mentee());
                partners.computeIfAbsent(p.mentee(), k -> new HashSet<>()).add(p.mentor());
                menteesToday.computeIfAbsent(p.mentor(), k -> new HashSet<>()).add(p.mentee());
            }
        }
        // A mentee with partners, a busy mentor, and a school with no partner today.
        List<String> schools = new ArrayList<>();
        schools.add(network.pairings().stream().filter(p -> partners.containsKey(p.menteeId())).findFirst().orElseThrow().menteeId());
        schools.add(network.pairings().stream().collect(Collectors.groupingBy(NetworkGenerator.Pairing::mentorId, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        network.schools().stream().filter(s -> !partners.containsKey(s.id())).findFirst().ifPresent(s -> schools.add(s.id()));
        for (String school : schools) {
            List<Map<String, Object>> got = list(data("""
                    { mentorSuggestions(schoolId: "%s", first: 25) { school { id } score reasons } }""".formatted(school)),
                    "mentorSuggestions");
            String home = expected.schoolRegion.get(school);
            String county = expected.ancestorAt(home, "COUNTY");
            String prefecture = expected.ancestorAt(home, "PREFECTURE");
            String area = prefecture != null ? prefecture : county != null ? county : home;
            Set<String> mine = partners.getOrDefault(school, Set.of());
            Set<String> twoHops = new HashSet<>();
            mine.forEach(z -> twoHops.addAll(partners.get(z)));
            record Scored(String id, double score) {
            }
            List<Scored> want = new ArrayList<>();
            for (String m : mentors) {
                String region = expected.schoolRegion.get(m);
                boolean inArea = region != null && expected.within(region, area);
                if (m.equals(school) || mine.contains(m) || !(inArea || twoHops.contains(m))) {
                    continue;
                }
                double near = county != null && county.equals(expected.ancestorAt(region, "COUNTY")) ? 1
                        : prefecture != null && prefecture.equals(expected.ancestorAt(region, "PREFECTURE")) ? 0.5 : 0;
                double aa = 0;
                for (String z : mine) {
                    if (partners.get(z).contains(m)) {
                        aa += 1 / Math.log(partners.get(z).size());
                    }
                }
                double score = 0.4 * near + 0.3 / (1 + menteesToday.getOrDefault(m, Set.of()).size()) + 0.3 * aa / (1 + aa);
                want.add(new Scored(m, score));
            }
            want.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
            List<Scored> top = want.subList(0, Math.min(25, want.size()));
            assertThat(got).as("suggestions for %s", school).hasSameSizeAs(top);
            for (int i = 0; i < got.size(); i++) {
                assertThat(id(got.get(i).get("school"))).as("suggestion %d for %s", i, school).isEqualTo(top.get(i).id());
                assertThat(((Number) got.get(i).get("score")).doubleValue()).isCloseTo(top.get(i).score(), within(1e-9));
                @SuppressWarnings("unchecked")
                List<String> reasons = (List<String>) got.get(i).get("reasons");
                String m = top.get(i).id();
                int load = menteesToday.getOrDefault(m, Set.of()).size();
                assertThat(reasons).as("reasons for %s", m).anyMatch(r -> r.startsWith(load == 0 ? "mentors no school today"
                        : load == 1 ? "mentors 1 school today" : "mentors " + load + " schools today"));
                if (county != null && county.equals(expected.ancestorAt(expected.schoolRegion.get(m), "COUNTY"))) {
                    assertThat(reasons).anyMatch(r -> r.startsWith("in the same county"));
                }
                long shared = mine.stream().filter(z -> partners.get(z).contains(m)).count();
                if (shared > 0) {
                    assertThat(reasons).anyMatch(r -> r.startsWith("shares " + shared + " partner"));
                }
            }
            assertThat(got).as("someone is suggested for %s", school).isNotEmpty();
        }
    }

    // ---- helpers

    /** The schools of the pairings {@code f} selects that are active on {@code day} too (for a filter with its own activeOn). */
    private Set<String> schoolsOf(Filter withDay, Filter f, LocalDate day) {
        Set<String> schools = new TreeSet<>();
        List<ExpectedNetwork.Pairing> selected = withDay != null ? expected.selected(withDay)
                : expected.selected(f).stream().filter(p -> PairingActivity.isActive(p.start(), p.end(), day)).toList();
        selected.forEach(p -> {
            schools.add(p.mentor());
            schools.add(p.mentee());
        });
        return schools;
    }

    Set<String> schoolsOf(Filter f) {
        Set<String> schools = new TreeSet<>();
        expected.selected(f).forEach(p -> {
            schools.add(p.mentor());
            schools.add(p.mentee());
        });
        return schools;
    }

    private Map<String, Integer> degrees(Filter f, LocalDate day) {
        Map<String, Set<String>> partners = new HashMap<>();
        expected.selected(f).stream().filter(p -> PairingActivity.isActive(p.start(), p.end(), day)).forEach(p -> {
            partners.computeIfAbsent(p.mentor(), k -> new HashSet<>()).add(p.mentee());
            partners.computeIfAbsent(p.mentee(), k -> new HashSet<>()).add(p.mentor());
        });
        Map<String, Integer> degree = new HashMap<>();
        partners.forEach((s, p) -> degree.put(s, p.size()));
        return degree;
    }

    /** Downloads the filter's network file into the test's folder. */
    Path export(Filter f, String format) throws Exception {
        byte[] body = http.get().uri(b -> query(b.path("/export/network." + format), f).build()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Path file = dir.resolve("network-" + System.nanoTime() + "." + format);
        Files.write(file, body);
        return file;
    }

    /** The school nodes of an exported file, with their attributes. */
    static Map<String, Map<String, String>> schoolNodes(Path file) throws Exception {
        Map<String, Map<String, String>> schools = new LinkedHashMap<>();
        ExportedGraph.read(Files.readAllBytes(file)).nodes().forEach((id, a) -> {
            if ("School".equals(a.get("kind"))) {
                schools.put(id, a);
            }
        });
        return schools;
    }

    static UriBuilder query(UriBuilder q, Filter f) {
        if (f.programId() != null) {
            q.queryParam("programId", f.programId());
        }
        if (f.kinds() != null) {
            q.queryParam("kinds", String.join(",", f.kinds()));
        }
        if (f.regionCode() != null) {
            q.queryParam("regionCode", f.regionCode());
        }
        if (f.mentorId() != null) {
            q.queryParam("mentorId", f.mentorId());
        }
        if (f.menteeId() != null) {
            q.queryParam("menteeId", f.menteeId());
        }
        if (f.activeOn() != null) {
            q.queryParam("activeOn", f.activeOn().toString());
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> data(String query) {
        Map<String, Object> response = post(query);
        assertThat(response).as(query).doesNotContainKey("errors");
        return (Map<String, Object>) response.get("data");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> data, String field) {
        return (Map<String, Object>) data.get(field);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String field) {
        return (List<Map<String, Object>>) parent.get(field);
    }

    static List<String> ids(Map<String, Object> parent, String field) {
        return list(parent, field).stream().map(NetworkScienceChecks::id).toList();
    }

    /** The id or code of an object of the answer, or "null". */
    static String id(Object o) {
        if (o == null) {
            return "null";
        }
        Map<?, ?> m = (Map<?, ?>) o;
        return String.valueOf(m.containsKey("id") ? m.get("id") : m.get("code"));
    }
}
