package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.edugraph.network.NetworkScience;
import org.edugraph.network.measures.Measures;
import org.edugraph.pairing.PairingFilter;
import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Times the network science over HTTP on the 20,000-school network of NetworkBenchmark
 * (40,000 pairings, 100 counties in 10 prefectures), one client at a time. Measures are
 * timed cold (computed: a county not asked before, or the whole network after a write,
 * which changes the data version) and warm (kept). Not part of `mvn test`; run with
 * `mvn test -Pbench -Dtest=NetworkScienceBenchmark`. Prints its figures; asserts only that
 * each answer is a real one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkScienceBenchmark extends IntegrationTest {

    private static final int SCHOOLS = Integer.getInteger("bench.schools", 20_000);
    private static final int PAIRINGS = Integer.getInteger("bench.pairings", 40_000);

    @Autowired
    NetworkScience science;

    @Autowired
    org.edugraph.network.NetworkAnalytics analytics;

    private NetworkGenerator.Network network;

    @BeforeAll
    void generate() {
        long t0 = System.nanoTime();
        network = TestNetwork.create(graph, SCHOOLS, PAIRINGS, 2022, TestNetwork.counties(10, 10));
        System.out.printf("%nBENCHMARK generated and wrote %d schools, %d pairings in %d ms%n", network.schools().size(),
                network.pairings().size(), (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    void remove() {
        graph.write("MATCH (n:BenchmarkNudge) DELETE n", Map.of());
        TestNetwork.remove(graph);
    }

    /** A write: the data version moves, so the next question computes its measures again. */
    private void nudge() {
        graph.write("MERGE (n:BenchmarkNudge {id: 'science'}) SET n.at = timestamp()", Map.of());
    }

    private static String county(int i) {
        return "T-NET-%s%d".formatted((char) ('A' + i % 10), 1 + (i / 10) % 10);
    }

    @Test
    void networkScience() {
        Random random = new Random(7);
        List<String> schools = network.schools().stream().map(NetworkGenerator.School::id).toList();
        // The steps of one computation of the whole network's measures, as the service times them.
        for (int i = 0; i < 3; i++) {
            nudge();
            long t0 = System.nanoTime();
            Measures m = science.measures(new PairingFilter(null, null, TestNetwork.ROOT, null, null, null));
            System.out.printf("BENCHMARK measures of the whole network (%d schools, %d pairings, betweenness from %d sources): "
                            + "%d ms with the read, steps %s, %d communities%n", m.graph().size(), m.graph().pairings(),
                    m.betweennessSources(), (System.nanoTime() - t0) / 1_000_000, m.millis(), m.communityCount());
        }
        // The floor of this client: the same HTTP round trip for the least the API answers.
        measure("floor: one school's id and name (no analytics)", 5, 30, i -> "{ school(id: \"%s\") { id name } }"
                .formatted(schools.get(i % schools.size())), null);
        String ranking = "{ schoolRanking(filter: {regionCode: \"%s\"}, by: BETWEENNESS, first: 20) { school { id name } value } }";
        measure("all measures of a county, computed (schoolRanking)", 5, 30, i -> ranking.formatted(county(i)), null);
        measure("all measures of a county, kept (the same again)", 5, 30, i -> ranking.formatted(county(3)), null);
        measure("all measures of the whole network, computed", 1, 8, i -> ranking.formatted(TestNetwork.ROOT), this::nudge);
        measure("all measures of the whole network, kept", 2, 30, i -> ranking.formatted(TestNetwork.ROOT), null);
        measure("communities of the whole network (kept measures)", 2, 30, i -> """
                { communities(filter: {regionCode: "T-NET"}, first: 20) { id size schools(first: 5) { id } mainRegion { code }
                    topMentors { mentees school { id } } } }""", null);
        measure("partnershipNetwork, a county, with measures and bridges", 5, 30, i -> """
                { partnershipNetwork(filter: {regionCode: "%s"}) { nodes { id measures { degree betweenness community } }
                    edges { id bridge } } }""".formatted(county(i)), null);
        // The analytics over the whole network that read its pairings: the first question about the filter
        // (pairings read), and the next ones while the data is unchanged (pairings kept: NetworkAnalytics#pairings).
        Map<String, String> wholeNetwork = new java.util.LinkedHashMap<>();
        wholeNetwork.put("regionFlows by county, whole network", """
                { regionFlows(level: COUNTY, filter: {regionCode: "T-NET"}) { from { code } to { code } pairings brokers { id } } }""");
        wholeNetwork.put("pairingCounts by kind, program, mentor county, start year, whole", """
                { pairingCounts(filter: {regionCode: "T-NET"}, groupBy: [KIND, PROGRAM, MENTOR_REGION, START_YEAR]) {
                    kind program { id } mentorRegion { code } startYear count } }""");
        wholeNetwork.put("networkDiff 2019-09-01..2022-09-01, whole network", """
                { networkDiff(from: "2019-09-01", to: "2022-09-01", filter: {regionCode: "T-NET"}) { started { id } ended { id }
                    newlyCovered { id } noLongerCovered { id } } }""");
        wholeNetwork.put("coverageTrend by county 2016..2025, whole network", """
                { coverageTrend(level: COUNTY, from: 2016, to: 2025, filter: {regionCode: "T-NET"}) { year coverage {
                    region { code } schools pairedSchools } } }""");
        wholeNetwork.forEach((name, query) -> {
            measure(name + ", pairings read", 2, 20, i -> query, analytics::forgetKept);
            measure(name + ", pairings kept", 2, 20, i -> query, null);
        });
        measure("networkDiff with movers by betweenness (both days computed)", 1, 5, i -> """
                { networkDiff(from: "2019-09-01", to: "2022-09-01", filter: {regionCode: "T-NET"}) { movers(by: BETWEENNESS) {
                    school { id } change } } }""", this::nudge);
        measure("mentorSuggestions, a random school", 5, 30, i -> """
                { mentorSuggestions(schoolId: "%s") { school { id } score reasons } }"""
                .formatted(schools.get(random.nextInt(schools.size()))), null);
        long[] counts = science.cacheCounts();
        System.out.printf("BENCHMARK measures kept: %d answers from kept measures, %d computed%n", counts[0], counts[1]);
    }

    private void measure(String name, int warmUp, int rounds, IntFunction<String> query, Runnable before) {
        // -Dbench.only=regionFlows measures only the questions whose name holds that text.
        if (!name.contains(System.getProperty("bench.only", ""))) {
            return;
        }
        List<Long> times = new ArrayList<>();
        long statements = 0;
        for (int i = 0; i < warmUp + rounds; i++) {
            String q = query.apply(i);
            if (before != null) {
                before.run();
            }
            long before0 = graph.statementsRun();
            long t0 = System.nanoTime();
            Map<String, Object> response = post(q);
            long micros = (System.nanoTime() - t0) / 1000;
            assertThat(response).as(q).doesNotContainKey("errors");
            if (i >= warmUp) {
                times.add(micros);
                statements += graph.statementsRun() - before0;
            }
        }
        times.sort(Long::compare);
        System.out.printf("BENCHMARK %-64s p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms  %.1f statements (%d rounds)%n", name,
                times.get(times.size() / 2) / 1000.0, times.get((int) Math.ceil(times.size() * 0.99) - 1) / 1000.0,
                times.getLast() / 1000.0, statements / (double) rounds, rounds);
    }
}
