package org.edugraph.network.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.edugraph.support.Networkx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import org.edugraph.support.Unit;

/**
 * Every measure of every school equals what networkx computes from the same pairings,
 * on random networks of many shapes (components, chains of single points of failure,
 * several pairings between two schools, pairings both ways, hubs); betweenness both exact
 * and estimated from sampled sources. The seed is printed; rerun one with
 * {@code -Dedugraph.test.measures-seed=...}.
 */
@ExtendWith(Networkx.Required.class)
@Unit
class MeasuresTest {

    @TempDir
    Path dir;

    record Pairing(String id, String mentor, String mentee) {
    }

    @Test
    void everyMeasureOfARandomNetworkEqualsNetworkx() throws Exception {
        long seed = Long.getLong("edugraph.test.measures-seed", System.nanoTime());
        System.out.println("MeasuresTest: seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 4; round++) {
            List<Pairing> pairings = randomNetwork(random, 80 + random.nextInt(300), round);
            Map<String, Object> report = check(pairings, Measures.Settings.DEFAULT);
            assertThat(report.get("mismatches")).as("round %d: %s", round, report).asList().isEmpty();
            assertThat(((Map<?, ?>) report.get("checked")).get("betweenness")).isNotEqualTo(0);
        }
    }

    @Test
    void estimatedBetweennessIsTheSampledSourcesScaled() throws Exception {
        Random random = new Random(Long.getLong("edugraph.test.measures-seed", 11));
        List<Pairing> pairings = randomNetwork(random, 500, 1);
        Map<String, Object> report = check(pairings, new Measures.Settings(100, 37, 0));
        assertThat(report.get("mismatches")).as("%s", report).asList().isEmpty();
    }

    @Test
    void labelPropagationFindsPlantedCommunities() {
        // Six groups of eight schools, every school of a group paired with every other, the groups in a ring by one pairing each.
        List<Pairing> pairings = new ArrayList<>();
        List<Set<String>> groups = new ArrayList<>();
        for (int g = 0; g < 6; g++) {
            Set<String> group = new TreeSet<>();
            for (int i = 0; i < 8; i++) {
                group.add("s%d-%d".formatted(g, i));
                for (int j = 0; j < i; j++) {
                    pairings.add(new Pairing("p%d-%d-%d".formatted(g, i, j), "s%d-%d".formatted(g, j), "s%d-%d".formatted(g, i)));
                }
            }
            groups.add(group);
            pairings.add(new Pairing("ring" + g, "s%d-0".formatted(g), "s%d-7".formatted((g + 1) % 6)));
        }
        Measures m = Measures.of(build(pairings), Measures.Settings.DEFAULT, Deadline.none());
        Set<Set<String>> found = new HashSet<>();
        for (int c = 1; c <= m.communityCount(); c++) {
            Set<String> members = new TreeSet<>();
            for (int v : m.communityMembers(c)) {
                members.add(m.graph().id(v));
            }
            found.add(members);
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(groups);
    }

    @Test
    void theSameNetworkAlwaysGivesTheSameCommunities() {
        List<Pairing> pairings = randomNetwork(new Random(5), 400, 0);
        Measures a = Measures.of(build(pairings), Measures.Settings.DEFAULT, Deadline.none());
        List<Pairing> shuffled = new ArrayList<>(pairings);
        java.util.Collections.shuffle(shuffled, new Random(9));
        Measures b = Measures.of(build(shuffled), Measures.Settings.DEFAULT, Deadline.none());
        for (int v = 0; v < a.graph().size(); v++) {
            assertThat(b.community(b.graph().indexOf(a.graph().id(v)))).isEqualTo(a.community(v));
        }
    }

    @Test
    void aNetworkAboveTheBoundIsRefusedAsItIsRead() {
        SchoolGraph.Builder builder = SchoolGraph.builder(10, 100);
        for (int i = 0; i < 9; i++) {
            builder.add("p" + i, "a", "b" + i, null, null);
        }
        assertThatThrownBy(() -> builder.add("p9", "a", "b9", null, null)).isInstanceOf(SchoolGraph.TooLarge.class);
        SchoolGraph.Builder pairingsBound = SchoolGraph.builder(100, 3);
        pairingsBound.add("p0", "a", "b", null, null).add("p1", "a", "c", null, null).add("p2", "b", "c", null, null);
        assertThatThrownBy(() -> pairingsBound.add("p3", "c", "a", null, null)).isInstanceOf(SchoolGraph.TooLarge.class);
    }

    @Test
    void anEmptyNetworkHasNoMeasures() {
        Measures m = Measures.of(SchoolGraph.builder(10, 10).build(), Measures.Settings.DEFAULT, Deadline.none());
        assertThat(m.graph().size()).isZero();
        assertThat(m.communityCount()).isZero();
    }

    /**
     * A random network: schools paired at random (most with a few partners, some hubs), a chain hanging
     * off it, a few isolated pairs, pairings repeated (another kind) and reversed.
     */
    static List<Pairing> randomNetwork(Random random, int schools, int variant) {
        List<Pairing> pairings = new ArrayList<>();
        int count = (int) (schools * (0.6 + 0.4 * variant));
        for (int i = 0; i < count; i++) {
            int a = random.nextInt(6) == 0 ? random.nextInt(Math.max(1, schools / 20)) : random.nextInt(schools);
            int b = random.nextInt(schools);
            if (a != b) {
                pairings.add(new Pairing("p" + pairings.size(), "s" + a, "s" + b));
            }
        }
        for (int i = 0; i < 12; i++) {
            pairings.add(new Pairing("p" + pairings.size(), i == 0 ? "s0" : "chain" + (i - 1), "chain" + i));
        }
        for (int i = 0; i < 5; i++) {
            pairings.add(new Pairing("p" + pairings.size(), "lone" + i, "lonely" + i));
        }
        for (int i = 0; i < schools / 10; i++) {
            Pairing p = pairings.get(random.nextInt(pairings.size()));
            pairings.add(new Pairing("p" + pairings.size(), random.nextBoolean() ? p.mentor() : p.mentee(),
                    random.nextBoolean() ? p.mentee() : p.mentor()));
        }
        pairings.removeIf(p -> p.mentor().equals(p.mentee()));
        return pairings;
    }

    private static SchoolGraph build(List<Pairing> pairings) {
        SchoolGraph.Builder builder = SchoolGraph.builder(1_000_000, 1_000_000);
        pairings.forEach(p -> builder.add(p.id(), p.mentor(), p.mentee(), null, null));
        return builder.build();
    }

    private Map<String, Object> check(List<Pairing> pairings, Measures.Settings settings) throws Exception {
        SchoolGraph g = build(pairings);
        Measures m = Measures.of(g, settings, Deadline.none());
        Map<String, Object> measures = new LinkedHashMap<>();
        for (int v = 0; v < g.size(); v++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("inDegree", g.inDegree(v));
            row.put("outDegree", g.outDegree(v));
            row.put("degree", g.degree(v));
            row.put("betweenness", m.betweenness(v));
            row.put("pageRank", m.pageRank(v));
            row.put("reach2", m.reach2(v));
            row.put("coreNumber", m.coreNumber(v));
            row.put("articulation", m.articulation(v));
            row.put("cutOff", m.cutOff(v));
            row.put("community", m.community(v));
            measures.put(g.id(v), row);
        }
        Map<String, Object> bridges = new LinkedHashMap<>();
        for (int p = 0; p < g.pairings(); p++) {
            bridges.put(g.pairingId(p), m.bridge(p));
        }
        Path file = dir.resolve("network-" + System.nanoTime() + ".json");
        Files.writeString(file, JsonMapper.builder().build().writeValueAsString(Map.of(
                "pairings", pairings.stream().map(p -> List.of(p.id(), p.mentor(), p.mentee())).toList(),
                "measures", measures, "bridges", bridges)));
        Map<String, Object> report = Networkx.run("check_measures.py", file.toString(),
                String.valueOf(settings.exactBetweennessUpTo()), String.valueOf(settings.betweennessSources()));
        System.out.println("MeasuresTest: " + report.get("schools") + " schools, " + report.get("communities")
                + " communities, modularity " + report.get("modularity") + ", checked " + report.get("checked"));
        return report;
    }
}
