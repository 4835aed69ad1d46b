package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Times the four network analytics over HTTP on a generated network of 20,000 schools
 * and 40,000 pairings (100 counties in 10 prefectures), one client at a time: warm-up
 * rounds, then the median and the 99th percentile of measured rounds. Not part of
 * `mvn test`; run with `mvn test -Pbench -Dtest=NetworkBenchmark`. Prints its figures;
 * asserts only that each answer is a real one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkBenchmark extends IntegrationTest {

    private static final int SCHOOLS = Integer.getInteger("bench.schools", 20_000);
    private static final int PAIRINGS = Integer.getInteger("bench.pairings", 40_000);
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 30;

    private NetworkGenerator.Network network;

    @BeforeAll
    void generate() {
        long t0 = System.nanoTime();
        network = TestNetwork.create(graph, SCHOOLS, PAIRINGS, 2022, TestNetwork.counties(10, 10));
        System.out.printf("%nBENCHMARK generated and wrote %d schools, %d groups, %d pairings in %d ms%n", network.schools().size(),
                network.groups().size(), network.pairings().size(), (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    void remove() {
        TestNetwork.remove(graph);
    }

    @Test
    void analytics() {
        Random random = new Random(7);
        List<String> schools = network.schools().stream().map(NetworkGenerator.School::id).toList();
        List<String> mentors = network.pairings().stream().map(NetworkGenerator.Pairing::mentorId).distinct().toList();
        System.gc();
        long heapBefore = usedHeap();
        measure("networkStats, everything, with coverage by county", i -> """
                { networkStats { schools pairings components largestComponent
                    topMentors { mentees } coverage { region { code } schools pairedSchools unpairedSchools } } }""");
        measure("networkStats, the generated province, with coverage", i -> """
                { networkStats(filter: {regionCode: "T-NET"}) { schools pairings components largestComponent
                    topMentors { mentees } coverage { region { code } schools pairedSchools unpairedSchools } } }""");
        measure("partnershipNetwork, one county (pairings)", i -> """
                { partnershipNetwork(filter: {regionCode: "T-NET-%s%d"}) { truncated nodes { id label kind } edges { id source target kind } } }"""
                .formatted((char) ('A' + i % 10), 1 + i % 10));
        measure("partnershipNetwork, one county, groups and programs", i -> """
                { partnershipNetwork(filter: {regionCode: "T-NET-%s%d"}, includeGroups: true, includePrograms: true) {
                    truncated nodes { id label kind } edges { id source target kind } } }"""
                .formatted((char) ('A' + i % 10), 1 + i % 10));
        measure("schoolNeighborhood, depth 2, from a mentor", i -> """
                { schoolNeighborhood(schoolId: "%s", depth: 2) { truncated nodes { id label kind } edges { id source target kind } } }"""
                .formatted(mentors.get(random.nextInt(mentors.size()))));
        measure("partnershipPath, two random schools", i -> """
                { partnershipPath(fromSchoolId: "%s", toSchoolId: "%s") { id name } }"""
                .formatted(schools.get(random.nextInt(schools.size())), schools.get(random.nextInt(schools.size()))));
        measure("partnershipPath, two random schools, active on 2021-09-01", i -> """
                { partnershipPath(fromSchoolId: "%s", toSchoolId: "%s", filter: {activeOn: "2021-09-01"}) { id name } }"""
                .formatted(schools.get(random.nextInt(schools.size())), schools.get(random.nextInt(schools.size()))));
        System.gc();
        System.out.printf("BENCHMARK heap in use before %d MiB, after %d MiB (JVM of app and test Neo4j together)%n",
                heapBefore >> 20, usedHeap() >> 20);
    }

    private void measure(String name, IntFunction<String> query) {
        List<Long> times = new ArrayList<>();
        long statements = 0;
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            String q = query.apply(i);
            long before = graph.statementsRun();
            long t0 = System.nanoTime();
            Map<String, Object> response = post(q);
            long micros = (System.nanoTime() - t0) / 1000;
            assertThat(response).as(q).doesNotContainKey("errors");
            if (i >= WARM_UP) {
                times.add(micros);
                statements += graph.statementsRun() - before;
            }
        }
        times.sort(Long::compare);
        System.out.printf("BENCHMARK %-58s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %.1f statements%n", name,
                times.get(times.size() / 2) / 1000.0, times.get((int) Math.ceil(times.size() * 0.99) - 1) / 1000.0,
                times.getLast() / 1000.0, statements / (double) ROUNDS);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
