package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.ExpectedNetwork;
import org.edugraph.support.ExpectedNetwork.Filter;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every analytics answer equals the same answer worked out independently from all the
 * pairings ({@link ExpectedNetwork}), on a random generated network of the tests' own
 * regions, under filters of every kind: a region, a county, kinds, a program, a mentor
 * and days in the past (the network as it stood then). The seed is printed; rerun one
 * with {@code -Dedugraph.test.network-seed=...}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkAnalyticsTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    NetworkAnalytics analytics;

    private NetworkGenerator.Network network;
    private ExpectedNetwork expected;
    private List<Filter> filters;

    @BeforeAll
    void generateARandomNetwork() {
        long seed = Long.getLong("edugraph.test.network-seed", System.nanoTime());
        System.out.println("NetworkAnalyticsTest: network seed " + seed);
        network = TestNetwork.create(graph, 400, 700, seed);
        expected = ExpectedNetwork.read(graph);
        String mentor = network.pairings().getFirst().mentorId();
        Filter all = Filter.region(TestNetwork.ROOT);
        filters = List.of(all,
                Filter.region("T-NET-A"),
                Filter.region("T-NET-B2"),
                all.kinds("SPECIAL_DELIVERY_CLASSROOM", "TARGETED_SUPPORT"),
                all.program("tnet-program-alliance"),
                all.mentor(mentor),
                new Filter(null, null, null, mentor, null, null),
                all.activeOn(LocalDate.of(2019, 9, 1)),
                all.activeOn(LocalDate.of(2023, 3, 1)),
                Filter.region("T-NET-A1").activeOn(LocalDate.of(2021, 6, 30)).kinds("DEEP_ALLIANCE", "ONE_TO_ONE"),
                all.activeOn(LocalDate.of(1990, 1, 1)));
    }

    @AfterAll
    void removeIt() {
        TestNetwork.remove(graph);
    }

    @Test
    void networkStatsEqualAnIndependentCountOverAllPairings() {
        for (Filter f : filters) {
            Map<String, Object> stats = data("""
                    { networkStats(filter: %s) { schools mentors mentees pairings crossRegionPairings maxMenteesPerMentor
                        meanMenteesPerMentor components largestComponent topMentors(limit: 7) { school { id } mentees } } }"""
                    .formatted(f.graphql()), "networkStats");
            Map<String, Object> want = expected.stats(f);
            assertThat(stats.get("pairings")).as("pairings of %s", f).isEqualTo(want.get("pairings"));
            for (String field : List.of("schools", "mentors", "mentees", "crossRegionPairings", "maxMenteesPerMentor",
                    "components", "largestComponent")) {
                assertThat(stats.get(field)).as("%s of %s", field, f).isEqualTo(want.get(field));
            }
            assertThat(((Number) stats.get("meanMenteesPerMentor")).doubleValue()).as("mean of %s", f)
                    .isCloseTo((Double) want.get("meanMenteesPerMentor"), within(1e-9));
            List<Map<String, Object>> top = list(stats, "topMentors");
            var wantTop = expected.topMentors(f, 7);
            assertThat(top).hasSameSizeAs(wantTop);
            for (int i = 0; i < top.size(); i++) {
                assertThat(((Map<?, ?>) top.get(i).get("school")).get("id")).isEqualTo(wantTop.get(i).getKey());
                assertThat(top.get(i).get("mentees")).isEqualTo(wantTop.get(i).getValue());
            }
        }
        assertThat(expected.stats(filters.getFirst()).get("pairings")).as("the network is not empty").isEqualTo(700);
    }

    @Test
    void coverageCountsEverySchoolOfEachRegionAndWhoIsLeftOut() {
        for (Filter f : List.of(filters.get(0), filters.get(1), filters.get(2), filters.get(7), filters.get(9))) {
            for (String level : List.of("COUNTY", "PREFECTURE", "PROVINCE")) {
                Map<String, Object> stats = data("""
                        { networkStats(filter: %s) { coverage(level: %s) { region { code level } schools pairedSchools mentors mentees unpairedSchools } } }"""
                        .formatted(f.graphql(), level), "networkStats");
                Map<String, List<Integer>> got = new java.util.TreeMap<>();
                for (Map<String, Object> row : list(stats, "coverage")) {
                    Map<?, ?> region = (Map<?, ?>) row.get("region");
                    assertThat(region.get("level")).isEqualTo(level);
                    got.put((String) region.get("code"), List.of((Integer) row.get("schools"), (Integer) row.get("pairedSchools"),
                            (Integer) row.get("mentors"), (Integer) row.get("mentees"), (Integer) row.get("unpairedSchools")));
                }
                assertThat(got).as("coverage(%s) of %s", level, f).isEqualTo(expected.coverage(f, level));
            }
        }
        // Every generated school is in a county: the whole province's row counts them all.
        Map<String, Object> province = data("{ networkStats(filter: {regionCode: \"T-NET\"}) { coverage(level: PROVINCE) { schools } } }",
                "networkStats");
        assertThat(list(province, "coverage")).singleElement().extracting(r -> r.get("schools")).isEqualTo(400);
        // A coverage row's region answers any field of Region, aliased too: its code and name as the analytic read
        // them, its parent and its schools read for the row.
        Map<String, Object> counties = data("""
                { networkStats(filter: {regionCode: "T-NET"}) { coverage(level: COUNTY) {
                    region { code place: name parent { code } schools(first: 1) { totalCount } } schools } } }""", "networkStats");
        for (Map<String, Object> row : list(counties, "coverage")) {
            Map<?, ?> region = (Map<?, ?>) row.get("region");
            assertThat((String) region.get("place")).isNotBlank();
            String code = (String) region.get("code"); // T-NET-A1, in T-NET-A
            assertThat(((Map<?, ?>) region.get("parent")).get("code")).isEqualTo(code.substring(0, code.length() - 1));
            assertThat(((Map<?, ?>) region.get("schools")).get("totalCount")).isEqualTo(row.get("schools"));
        }
    }

    @Test
    void partnershipNetworkDrawsExactlyTheSelectedPairingsGroupsAndPrograms() {
        for (Filter f : filters) {
            for (boolean[] flags : new boolean[][] {{false, false}, {true, false}, {false, true}, {true, true}}) {
                Map<String, Object> net = data("""
                        { partnershipNetwork(filter: %s, includeGroups: %s, includePrograms: %s, limit: 50000) {
                            truncated nodes { id kind synthetic } edges { id source target kind synthetic } } }"""
                        .formatted(f.graphql(), flags[0], flags[1]), "partnershipNetwork");
                Set<String> edgeIds = new TreeSet<>();
                Set<String> ends = new HashSet<>();
                list(net, "edges").forEach(e -> {
                    edgeIds.add((String) e.get("id"));
                    ends.add((String) e.get("source"));
                    ends.add((String) e.get("target"));
                    assertThat(e.get("synthetic")).isEqualTo(true);
                });
                assertThat(edgeIds).as("edges of %s with groups=%s programs=%s", f, flags[0], flags[1])
                        .isEqualTo(expected.networkEdges(f, flags[0], flags[1]));
                Set<String> nodeIds = new HashSet<>();
                list(net, "nodes").forEach(n -> nodeIds.add((String) n.get("id")));
                assertThat(nodeIds).as("nodes are the edges' ends").isEqualTo(ends);
                assertThat(net.get("truncated")).isEqualTo(false);
            }
        }
    }

    @Test
    void aLimitKeepsTheFirstEdgesInTheirStableOrderAndSaysItCutTheAnswer() {
        Filter all = filters.getFirst();
        Map<String, Object> whole = data("{ partnershipNetwork(filter: %s, includeGroups: true, limit: 50000) { edges { id } } }"
                .formatted(all.graphql()), "partnershipNetwork");
        List<String> order = list(whole, "edges").stream().map(e -> (String) e.get("id")).toList();
        Map<String, Object> cut = data("{ partnershipNetwork(filter: %s, includeGroups: true, limit: 25) { truncated nodes { id } edges { id source target } } }"
                .formatted(all.graphql()), "partnershipNetwork");
        assertThat(cut.get("truncated")).isEqualTo(true);
        assertThat(list(cut, "edges").stream().map(e -> (String) e.get("id")).toList()).isEqualTo(order.subList(0, 25));
        Set<String> ends = new HashSet<>();
        list(cut, "edges").forEach(e -> {
            ends.add((String) e.get("source"));
            ends.add((String) e.get("target"));
        });
        assertThat(list(cut, "nodes").stream().map(n -> (String) n.get("id")).toList())
                .as("no node that only the cut edges reached").containsExactlyInAnyOrderElementsOf(ends);
        Map<String, Object> exact = data("{ partnershipNetwork(filter: %s, includeGroups: true, limit: %d) { truncated } }"
                .formatted(all.graphql(), order.size()), "partnershipNetwork");
        assertThat(exact.get("truncated")).as("a limit equal to the size cuts nothing").isEqualTo(false);
    }

    @Test
    void aNeighbourhoodHoldsEverySchoolWithinItsDepthAndNoOther() {
        List<String> starts = List.of(network.pairings().getFirst().mentorId(), network.groups().getFirst().leadId());
        for (String start : starts) {
            for (Filter f : List.of(Filter.NONE, filters.get(1), filters.get(9))) {
                for (boolean groups : new boolean[] {true, false}) {
                    for (int depth = 1; depth <= 3; depth++) {
                        Map<String, Object> net = data("""
                                { schoolNeighborhood(schoolId: "%s", depth: %d, filter: %s, includeGroups: %s, limit: 50000) {
                                    truncated nodes { id kind } edges { id source target kind } } }"""
                                .formatted(start, depth, f.graphql(), groups), "schoolNeighborhood");
                        Set<String> schools = new TreeSet<>();
                        list(net, "nodes").stream().filter(n -> "School".equals(n.get("kind"))).forEach(n -> schools.add((String) n.get("id")));
                        assertThat(schools).as("schools within %d of %s, %s, groups=%s", depth, start, f, groups)
                                .isEqualTo(new TreeSet<>(expected.distances(start, f, groups, depth).keySet()));
                        assertValidEdges(net, f);
                        assertThat(net.get("truncated")).isEqualTo(false);
                    }
                }
            }
        }
    }

    @Test
    void aPathIsAShortestChainOfRealLinksAndNullWhenThereIsNone() {
        List<NetworkGenerator.School> schools = network.schools();
        int checked = 0;
        int none = 0;
        for (int i = 0; i < 16; i++) {
            String from = schools.get((i * 37) % schools.size()).id();
            String to = schools.get((i * 101 + 7) % schools.size()).id();
            Filter f = i % 3 == 0 ? Filter.NONE : i % 3 == 1 ? filters.get(7) : filters.get(3);
            boolean groups = i % 2 == 0;
            Map<String, Object> response = post("""
                    { partnershipPath(fromSchoolId: "%s", toSchoolId: "%s", filter: %s, includeGroups: %s) { id }
                      partnershipPathNetwork(fromSchoolId: "%s", toSchoolId: "%s", filter: %s, includeGroups: %s) { nodes { id kind } edges { id source target kind } } }"""
                    .formatted(from, to, f.graphql(), groups, from, to, f.graphql(), groups));
            assertThat(response).doesNotContainKey("errors");
            Map<?, ?> data = (Map<?, ?>) response.get("data");
            Integer distance = expected.distances(from, f, groups, Integer.MAX_VALUE).get(to);
            if (distance == null) {
                assertThat(data.get("partnershipPath")).as("no chain from %s to %s", from, to).isNull();
                assertThat(data.get("partnershipPathNetwork")).isNull();
                none++;
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> path = ((List<Map<String, Object>>) data.get("partnershipPath")).stream().map(s -> (String) s.get("id")).toList();
            assertThat(path).as("a shortest chain from %s to %s", from, to).hasSize(distance + 1);
            assertThat(path.getFirst()).isEqualTo(from);
            assertThat(path.getLast()).isEqualTo(to);
            for (int k = 0; k + 1 < path.size(); k++) {
                assertThat(expected.neighbours(path.get(k), f, groups)).as("%s links to %s", path.get(k), path.get(k + 1))
                        .contains(path.get(k + 1));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> drawn = (Map<String, Object>) data.get("partnershipPathNetwork");
            assertThat(list(drawn, "nodes").stream().filter(n -> "School".equals(n.get("kind"))).map(n -> n.get("id")).toList())
                    .isEqualTo(path);
            assertValidEdges(drawn, f);
            checked++;
        }
        assertThat(checked).as("some pairs are linked").isGreaterThan(3);
        System.out.printf("NetworkAnalyticsTest: %d paths checked, %d pairs without one%n", checked, none);
    }

    @Test
    void eachAnalyticCostsAFixedNumberOfStatementsWhateverTheSizeOfTheNetwork() {
        // One county of the test network against all of it: many more rows, not more statements.
        // The paths: one pairing long, and the farthest school linked to the first mentor (the network is random:
        // a school picked blindly may have no path, which costs a statement less).
        var first = network.pairings().getFirst();
        Map<String, Long> small = statements("T-NET-B2", network.schools().get(5).id(), first.mentorId(), first.menteeId());
        Map<String, Long> large = statements("T-NET", first.mentorId(), first.mentorId(), farthestFrom(first.mentorId()));
        System.out.println("NetworkAnalyticsTest: statements per analytic, county " + small + ", whole network " + large);
        // The id check, then: the pass over the pairings, the regions, the schools per region, the mentors' schools.
        assertThat(large.get("networkStats")).isEqualTo(5).isEqualTo(small.get("networkStats"));
        // The id check and the edges (their schools' names and the pairings' ids come with them).
        assertThat(large.get("partnershipNetwork")).isEqualTo(2).isEqualTo(small.get("partnershipNetwork"));
        // The id check, the path, its schools.
        assertThat(large.get("partnershipPath")).isEqualTo(3).isEqualTo(small.get("partnershipPath"));
        // The id check, the start, one per hop (3) and one to close (the schools' names come with them); fewer
        // when it runs out of schools.
        assertThat(large.get("schoolNeighborhood")).isEqualTo(6);
        assertThat(small.get("schoolNeighborhood")).isLessThanOrEqualTo(6);
    }

    /**
     * A drawn network answers its schools' id, name, type and region's code, and its pairings'
     * dates, from its own statement (what the explorer asks): the same values as when the
     * request selects more of them and they are read, aliases kept, and no statement more.
     */
    @Test
    void whatTheNetworkReadOfItsSchoolsAndPairingsIsWhatTheirReadGives() {
        String known = """
                { partnershipNetwork(filter: {regionCode: "T-NET"}, includeGroups: true, includePrograms: true, limit: 50000) {
                    nodes { id school { id name type region { code } } s: school { n: name r: region { c: code } } }
                    edges { id pairing { id startDate endDate } p: pairing { s: startDate } } } }""";
        String read = """
                { partnershipNetwork(filter: {regionCode: "T-NET"}, includeGroups: true, includePrograms: true, limit: 50000) {
                    nodes { id school { id name type aliases region { code name } } }
                    edges { id pairing { id startDate endDate kind } } } }""";
        analytics.forgetKept();
        long before = graph.statementsRun();
        Map<String, Object> fromNetwork = data(known, "partnershipNetwork");
        long knownStatements = graph.statementsRun() - before;
        analytics.forgetKept();
        before = graph.statementsRun();
        Map<String, Object> fromReads = data(read, "partnershipNetwork");
        long readStatements = graph.statementsRun() - before;
        // The id check and the network's own statement; reading the schools and the pairings is two more.
        assertThat(knownStatements).isEqualTo(2);
        assertThat(readStatements).isEqualTo(4);

        Map<String, Map<String, Object>> readNodes = new HashMap<>();
        list(fromReads, "nodes").forEach(n -> readNodes.put((String) n.get("id"), n));
        int schools = 0;
        for (Map<String, Object> node : list(fromNetwork, "nodes")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> school = (Map<String, Object>) node.get("school");
            @SuppressWarnings("unchecked")
            Map<String, Object> want = (Map<String, Object>) readNodes.get((String) node.get("id")).get("school");
            if (want == null) {
                assertThat(school).as("node %s", node.get("id")).isNull();
                continue;
            }
            schools++;
            @SuppressWarnings("unchecked")
            Map<String, Object> region = (Map<String, Object>) want.get("region");
            Map<String, Object> wantRegion = region == null ? null : Map.of("code", region.get("code"));
            Map<String, Object> expectedSchool = new HashMap<>(Map.of("id", want.get("id"), "name", want.get("name"), "type", want.get("type")));
            expectedSchool.put("region", wantRegion);
            assertThat(school).as("school of node %s", node.get("id")).isEqualTo(expectedSchool);
            Map<String, Object> aliased = new HashMap<>(Map.of("n", want.get("name")));
            aliased.put("r", region == null ? null : Map.of("c", region.get("code")));
            assertThat(node.get("s")).as("aliased school of node %s", node.get("id")).isEqualTo(aliased);
        }
        // Every school of a pairing, and those drawn only through a group or a program.
        assertThat(schools).isEqualTo(readNodes.values().stream().filter(n -> n.get("school") != null).count())
                .isGreaterThanOrEqualTo((Integer) expected.stats(Filter.region(TestNetwork.ROOT)).get("schools"));

        Map<String, Map<String, Object>> readEdges = new HashMap<>();
        list(fromReads, "edges").forEach(e -> readEdges.put((String) e.get("id"), e));
        int pairings = 0;
        for (Map<String, Object> edge : list(fromNetwork, "edges")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> want = (Map<String, Object>) readEdges.get((String) edge.get("id")).get("pairing");
            if (want == null) {
                assertThat(edge.get("pairing")).as("edge %s", edge.get("id")).isNull();
                continue;
            }
            pairings++;
            Map<String, Object> expectedPairing = new HashMap<>();
            expectedPairing.put("id", want.get("id"));
            expectedPairing.put("startDate", want.get("startDate"));
            expectedPairing.put("endDate", want.get("endDate"));
            assertThat(edge.get("pairing")).as("pairing of edge %s", edge.get("id")).isEqualTo(expectedPairing);
            Map<String, Object> aliased = new HashMap<>();
            aliased.put("s", want.get("startDate"));
            assertThat(edge.get("p")).isEqualTo(aliased);
        }
        assertThat(pairings).isEqualTo(expected.stats(Filter.region(TestNetwork.ROOT)).get("pairings"));
    }

    /** The school farthest (in pairings, either way) from {@code start} that a chain of pairings reaches. */
    private String farthestFrom(String start) {
        Map<String, List<String>> links = new HashMap<>();
        network.pairings().forEach(p -> {
            links.computeIfAbsent(p.mentorId(), k -> new java.util.ArrayList<>()).add(p.menteeId());
            links.computeIfAbsent(p.menteeId(), k -> new java.util.ArrayList<>()).add(p.mentorId());
        });
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>(List.of(start));
        String last = start;
        while (!queue.isEmpty()) {
            last = queue.poll();
            for (String next : links.getOrDefault(last, List.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return last;
    }

    private Map<String, Long> statements(String region, String school, String pathFrom, String pathTo) {
        Map<String, String> queries = Map.of(
                "networkStats", "{ networkStats(filter: {regionCode: \"%s\"}) { pairings components topMentors { school { name } } coverage { region { name } schools } } }".formatted(region),
                "partnershipNetwork", "{ partnershipNetwork(filter: {regionCode: \"%s\"}, includeGroups: true, includePrograms: true, limit: 50000) { nodes { id school { name } } edges { id pairing { id } } } }".formatted(region),
                "schoolNeighborhood", "{ schoolNeighborhood(schoolId: \"%s\", depth: 3, filter: {regionCode: \"%s\"}) { nodes { id school { name } } edges { id } } }".formatted(school, region),
                "partnershipPath", "{ partnershipPath(fromSchoolId: \"%s\", toSchoolId: \"%s\") { name } }".formatted(pathFrom, pathTo));
        Map<String, Long> counts = new HashMap<>();
        queries.forEach((name, query) -> {
            analytics.forgetKept(); // a first question about the filter: its pairings read, not kept from one before
            long before = graph.statementsRun();
            assertThat(post(query)).doesNotContainKey("errors");
            counts.put(name, graph.statementsRun() - before);
        });
        return counts;
    }

    /** Every edge links nodes of the answer, and each pairing edge is a selected pairing. */
    private void assertValidEdges(Map<String, Object> net, Filter f) {
        Set<String> nodes = new HashSet<>();
        list(net, "nodes").forEach(n -> nodes.add((String) n.get("id")));
        Map<String, ExpectedNetwork.Pairing> pairings = new HashMap<>();
        expected.selected(f).forEach(p -> pairings.put(p.id(), p));
        for (Map<String, Object> e : list(net, "edges")) {
            assertThat(nodes).contains((String) e.get("source"), (String) e.get("target"));
            if (!"MEMBER_OF".equals(e.get("kind"))) {
                ExpectedNetwork.Pairing p = pairings.get((String) e.get("id"));
                assertThat(p).as("edge %s is a selected pairing", e.get("id")).isNotNull();
                assertThat(List.of(e.get("source"), e.get("target"), e.get("kind"))).isEqualTo(List.of(p.mentor(), p.mentee(), p.kind()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(String query, String field) {
        Map<String, Object> response = post(query);
        assertThat(response).as(query).doesNotContainKey("errors");
        return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(field);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String field) {
        return (List<Map<String, Object>>) parent.get(field);
    }
}
