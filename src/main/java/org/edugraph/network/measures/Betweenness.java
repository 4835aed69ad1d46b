package org.edugraph.network.measures;

import java.util.Arrays;

/**
 * Betweenness centrality of every school over the undirected partner graph: the share of
 * the shortest paths between pairs of other schools of the network that pass through it,
 * normalised by the (n-1)(n-2)/2 pairs, as networkx's {@code betweenness_centrality(G)}.
 * Brandes' algorithm (2001), one breadth-first search per source, on the adjacency
 * arrays. JGraphT's {@code BetweennessCentrality} gives the same values but fills maps
 * of every school for every source: 4.8 s for 2,800 schools where this takes 0.5 s.
 *
 * <p>Above a number of schools the sources are sampled (Brandes and Pich, 2007): the
 * {@code k} schools at indexes {@code floor(i·n/k)} of the id order, their dependencies
 * scaled by n/k, as networkx's {@code betweenness_centrality(G, k)} does with random
 * sources. The result is an estimate, exact in expectation; deterministic, so that the
 * same network always gives the same figures.
 */
final class Betweenness {

    private Betweenness() {
    }

    /** The sources used: every school when {@code sources >= n}, else {@code sources} spread over the id order. */
    static int[] sources(int n, int sources) {
        if (sources >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] picked = new int[sources];
        for (int i = 0; i < sources; i++) {
            picked[i] = (int) ((long) i * n / sources);
        }
        return picked;
    }

    /** The normalised betweenness of every school, from the given sources ({@link #sources}). */
    static double[] of(SchoolGraph g, int[] sources, Deadline deadline) {
        int n = g.size();
        int[] offsets = g.offsets();
        int[] adjacent = g.neighbours();
        double[] score = new double[n];
        int[] distance = new int[n];
        Arrays.fill(distance, -1);
        double[] paths = new double[n];
        double[] dependency = new double[n];
        int[] order = new int[n];
        for (int s : sources) {
            deadline.check();
            int head = 0;
            int tail = 0;
            order[tail++] = s;
            distance[s] = 0;
            paths[s] = 1;
            while (head < tail) {
                int v = order[head++];
                int next = distance[v] + 1;
                double pv = paths[v];
                for (int k = offsets[v], end = offsets[v + 1]; k < end; k++) {
                    int w = adjacent[k];
                    if (distance[w] < 0) {
                        distance[w] = next;
                        paths[w] = pv;
                        order[tail++] = w;
                    } else if (distance[w] == next) {
                        paths[w] += pv;
                    }
                }
            }
            // Back from the farthest: each predecessor v of w (one step nearer) takes its share of w's dependency.
            for (int i = tail - 1; i > 0; i--) {
                int w = order[i];
                int previous = distance[w] - 1;
                double share = (1 + dependency[w]) / paths[w];
                for (int k = offsets[w], end = offsets[w + 1]; k < end; k++) {
                    int v = adjacent[k];
                    if (distance[v] == previous) {
                        dependency[v] += paths[v] * share;
                    }
                }
                score[w] += dependency[w];
            }
            for (int i = 0; i < tail; i++) {
                int v = order[i];
                distance[v] = -1;
                paths[v] = 0;
                dependency[v] = 0;
            }
        }
        // Each pair is seen from both ends when every school is a source: sum / 2 pairs, over (n-1)(n-2)/2 pairs.
        if (n > 2) {
            double scale = (double) n / sources.length / ((double) (n - 1) * (n - 2));
            for (int v = 0; v < n; v++) {
                score[v] *= scale;
            }
        } else {
            Arrays.fill(score, 0);
        }
        return score;
    }
}
