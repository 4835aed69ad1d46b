package org.edugraph.network.measures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jgrapht.alg.scoring.Coreness;
import org.jgrapht.alg.scoring.PageRank;

/**
 * The measures of every school of a selected pairing network, computed once for the
 * whole network and kept as arrays (by the school's index in {@link SchoolGraph}).
 * Edges are undirected unless named in or out; two schools linked by several pairings
 * (kinds, programs, both directions) are one link.
 *
 * <ul>
 * <li>inDegree, outDegree: distinct mentors, distinct mentees; degree: distinct partners.</li>
 * <li>betweenness: {@link Betweenness} (exact, or from sampled sources on large networks).</li>
 * <li>pageRank: JGraphT's {@code PageRank} over the undirected links, damping 0.85, to a
 *     tolerance of 1e-10 (as networkx's {@code pagerank}); the values of a network sum to 1.</li>
 * <li>reach2: schools within two links, the school itself not counted.</li>
 * <li>coreNumber: JGraphT's {@code Coreness} (the largest k of a k-core holding the school).</li>
 * <li>articulation, cutOff, bridges: {@link Cuts}.</li>
 * <li>community: label propagation ({@link LabelPropagation}, the algorithm of JGraphT's
 *     {@code LabelPropagationClustering} on arrays: Raghavan, Albert and Kumara, 2007; each
 *     school takes the label most of its partners hold, in random order, until every school
 *     holds one of its partners' most frequent labels; labels that ended up in parts not
 *     linked to each other are split), with a fixed random seed and schools in id order, so
 *     that the same network always gives the same communities. Communities are numbered from
 *     1, largest first (ties: the one holding the smallest school id).</li>
 * </ul>
 */
public final class Measures {

    /** The random seed of label propagation: fixed, so that answers do not change from one request to the next. */
    static final long SEED = 2007;

    /**
     * How the measures are computed.
     *
     * @param exactBetweennessUpTo networks of at most this many schools get exact betweenness
     * @param betweennessSources   how many sources estimate betweenness above that
     * @param communityIterations  the most rounds of label propagation (0: until it settles)
     */
    public record Settings(int exactBetweennessUpTo, int betweennessSources, int communityIterations) {

        public static final Settings DEFAULT = new Settings(5_000, 1_000, 0);
    }

    private final SchoolGraph graph;
    private final double[] betweenness;
    private final int betweennessSourceCount;
    private final double[] pageRank;
    private final int[] reach2;
    private final int[] coreNumber;
    private final Cuts cuts;
    private final int[] community;
    private final int[][] communities;
    private final Map<String, Long> millis;

    private Measures(SchoolGraph graph, double[] betweenness, int betweennessSourceCount, double[] pageRank, int[] reach2,
            int[] coreNumber, Cuts cuts, int[] community, int[][] communities, Map<String, Long> millis) {
        this.graph = graph;
        this.betweenness = betweenness;
        this.betweennessSourceCount = betweennessSourceCount;
        this.pageRank = pageRank;
        this.reach2 = reach2;
        this.coreNumber = coreNumber;
        this.cuts = cuts;
        this.community = community;
        this.communities = communities;
        this.millis = millis;
    }

    /** Every measure of every school of {@code graph}. */
    public static Measures of(SchoolGraph graph, Settings settings, Deadline deadline) {
        int n = graph.size();
        Map<String, Long> millis = new LinkedHashMap<>();
        long t = System.nanoTime();
        PartnerGraph partners = new PartnerGraph(graph);
        int[] sources = Betweenness.sources(n, n <= settings.exactBetweennessUpTo() ? n : settings.betweennessSources());
        double[] betweenness = Betweenness.of(graph, sources, deadline);
        t = lap(millis, "betweenness", t, deadline);
        double[] pageRank = new double[n];
        if (n > 0) {
            Map<Integer, Double> ranks = new PageRank<>(partners, 0.85, 10_000, 1e-10).getScores();
            ranks.forEach((v, r) -> pageRank[v] = r);
        }
        t = lap(millis, "pageRank", t, deadline);
        int[] core = new int[n];
        new Coreness<>(partners).getScores().forEach((v, k) -> core[v] = k);
        t = lap(millis, "coreNumber", t, deadline);
        int[] reach2 = reach2(graph);
        t = lap(millis, "reach2", t, deadline);
        Cuts cuts = Cuts.of(graph, deadline);
        t = lap(millis, "cuts", t, deadline);
        int[][] communities = numbered(LabelPropagation.of(graph, settings.communityIterations(), new Random(SEED), deadline));
        lap(millis, "communities", t, deadline);
        int[] community = new int[n];
        for (int c = 0; c < communities.length; c++) {
            for (int v : communities[c]) {
                community[v] = c + 1;
            }
        }
        return new Measures(graph, betweenness, sources.length, pageRank, reach2, core, cuts, community, communities,
                java.util.Collections.unmodifiableMap(millis));
    }

    private static long lap(Map<String, Long> millis, String step, long since, Deadline deadline) {
        long now = System.nanoTime();
        millis.put(step, (now - since) / 1_000_000);
        deadline.check();
        return now;
    }

    /** Communities largest first (ties: smallest first school), each with its schools in index (id) order. */
    private static int[][] numbered(int[] lowestMember) {
        int n = lowestMember.length;
        int[] size = new int[n];
        for (int v = 0; v < n; v++) {
            size[lowestMember[v]]++;
        }
        int[][] members = new int[n][];
        List<int[]> sorted = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (size[v] > 0) {
                members[v] = new int[size[v]];
                sorted.add(members[v]);
                size[v] = 0;
            }
        }
        for (int v = 0; v < n; v++) {
            int c = lowestMember[v];
            members[c][size[c]++] = v;
        }
        sorted.sort(Comparator.<int[]>comparingInt(m -> -m.length).thenComparingInt(m -> m[0]));
        return sorted.toArray(int[][]::new);
    }

    /** For each school, how many schools are at most two links away. */
    private static int[] reach2(SchoolGraph g) {
        int n = g.size();
        int[] offsets = g.offsets();
        int[] adjacent = g.neighbours();
        int[] seen = new int[n];
        Arrays.fill(seen, -1);
        int[] reach = new int[n];
        for (int v = 0; v < n; v++) {
            seen[v] = v;
            int count = 0;
            for (int k = offsets[v]; k < offsets[v + 1]; k++) {
                int w = adjacent[k];
                if (seen[w] != v) {
                    seen[w] = v;
                    count++;
                }
                for (int j = offsets[w]; j < offsets[w + 1]; j++) {
                    int x = adjacent[j];
                    if (seen[x] != v) {
                        seen[x] = v;
                        count++;
                    }
                }
            }
            reach[v] = count;
        }
        return reach;
    }

    /** How long each step took, in milliseconds, in the order they ran. */
    public Map<String, Long> millis() {
        return millis;
    }

    public SchoolGraph graph() {
        return graph;
    }

    /** True when betweenness came from every school as a source, false when it is estimated from a sample. */
    public boolean exactBetweenness() {
        return betweennessSourceCount == graph.size();
    }

    /** How many sources the betweenness was computed from. */
    public int betweennessSources() {
        return betweennessSourceCount;
    }

    public double betweenness(int school) {
        return betweenness[school];
    }

    public double pageRank(int school) {
        return pageRank[school];
    }

    public int reach2(int school) {
        return reach2[school];
    }

    public int coreNumber(int school) {
        return coreNumber[school];
    }

    public boolean articulation(int school) {
        return cuts.articulation[school];
    }

    /** Schools no longer linked to the largest part left of its component if this school left it. */
    public int cutOff(int school) {
        return cuts.cutOff[school];
    }

    /** The school's community, from 1 (the largest). */
    public int community(int school) {
        return community[school];
    }

    public int communityCount() {
        return communities.length;
    }

    /** The schools of community {@code id} (from 1), in id order. */
    public int[] communityMembers(int id) {
        return communities[id - 1];
    }

    /** A pairing whose loss splits its component: its link is a bridge and no other pairing links the two schools. */
    public boolean bridge(int pairing) {
        int edge = graph.pairingEdge(pairing);
        return cuts.bridge[edge] && graph.edgePairings(edge) == 1;
    }

    /** The connected component of a school (from 0) and its size. */
    public int component(int school) {
        return cuts.component[school];
    }

    public int componentSize(int component) {
        return cuts.componentSize[component];
    }
}
