package org.edugraph.network.measures;

import java.util.Arrays;
import java.util.Random;

/**
 * Communities by label propagation (Raghavan, Albert and Kumara, 2007), the algorithm of
 * JGraphT's {@code LabelPropagationClustering}, step for step, on the adjacency arrays of
 * {@link SchoolGraph}: every school starts with a label of its own; in each round the
 * schools, in an order shuffled by the seeded random source, take a label that most of
 * their partners hold (one of the most frequent at random when several are); the rounds
 * end when no label changed or every school holds one of its partners' most frequent
 * labels. Labels that ended up on parts not linked to each other are then split (a
 * breadth-first search within each label). JGraphT's own class counts labels in hash maps
 * of strings: 1.7 to 2.7 s on the 20,000-school network where this takes tens of
 * milliseconds; the answers are held to the same rules by the networkx check.
 */
final class LabelPropagation {

    private LabelPropagation() {
    }

    /**
     * The community of each school, as the lowest index among its members (not yet numbered).
     *
     * @param rounds the most rounds (0: until it settles)
     */
    static int[] of(SchoolGraph g, int rounds, Random random, Deadline deadline) {
        int n = g.size();
        int[] offsets = g.offsets();
        int[] adjacent = g.neighbours();
        int[] label = new int[n];
        Arrays.setAll(label, v -> v);
        int[] order = new int[n];
        Arrays.setAll(order, v -> v);
        // Scratch for counting the labels of one school's partners: count by label, and the labels touched.
        int[] count = new int[n];
        int[] touched = new int[n];
        int[] best = new int[n];
        for (int round = 0; rounds == 0 || round < rounds; round++) {
            deadline.check();
            shuffle(order, random);
            boolean changed = false;
            for (int v : order) {
                int distinct = countPartnersLabels(v, offsets, adjacent, label, count, touched);
                if (distinct == 0) {
                    continue;
                }
                int max = most(count, touched, distinct);
                int ties = 0;
                for (int i = 0; i < distinct; i++) {
                    int l = touched[i];
                    if (count[l] == max) {
                        best[ties++] = l;
                    }
                    count[l] = 0;
                }
                int chosen = best[random.nextInt(ties)];
                if (chosen != label[v]) {
                    label[v] = chosen;
                    changed = true;
                }
            }
            if (!changed || settled(offsets, adjacent, label, count, touched)) {
                break;
            }
        }
        return split(offsets, adjacent, label);
    }

    /** As {@code Collections.shuffle(list, random)} does it. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length; i > 1; i--) {
            int j = random.nextInt(i);
            int t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
    }

    /** Whether every school holds one of the labels most of its partners hold. */
    private static boolean settled(int[] offsets, int[] adjacent, int[] label, int[] count, int[] touched) {
        boolean settled = true;
        for (int v = 0; v < label.length && settled; v++) {
            int distinct = countPartnersLabels(v, offsets, adjacent, label, count, touched);
            if (distinct > 0 && count[label[v]] < most(count, touched, distinct)) {
                settled = false;
            }
            for (int i = 0; i < distinct; i++) {
                count[touched[i]] = 0;
            }
        }
        return settled;
    }

    /**
     * Counts the labels of {@code v}'s partners into {@code count} (by label), listing each label met in
     * {@code touched}; returns how many distinct labels there are. The caller sets their counts back to 0.
     */
    private static int countPartnersLabels(int v, int[] offsets, int[] adjacent, int[] label, int[] count, int[] touched) {
        int distinct = 0;
        for (int k = offsets[v], end = offsets[v + 1]; k < end; k++) {
            int l = label[adjacent[k]];
            if (count[l]++ == 0) {
                touched[distinct++] = l;
            }
        }
        return distinct;
    }

    /** The highest count among the first {@code distinct} labels of {@code touched}. */
    private static int most(int[] count, int[] touched, int distinct) {
        int max = 0;
        for (int i = 0; i < distinct; i++) {
            max = Math.max(max, count[touched[i]]);
        }
        return max;
    }

    /** Each linked part of one label becomes a community, named by its lowest school index. */
    private static int[] split(int[] offsets, int[] adjacent, int[] label) {
        int n = label.length;
        int[] community = new int[n];
        Arrays.fill(community, -1);
        int[] queue = new int[n];
        for (int s = 0; s < n; s++) {
            if (community[s] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            community[s] = s;
            while (head < tail) {
                int u = queue[head++];
                for (int k = offsets[u], end = offsets[u + 1]; k < end; k++) {
                    int w = adjacent[k];
                    if (community[w] < 0 && label[w] == label[u]) {
                        community[w] = s;
                        queue[tail++] = w;
                    }
                }
            }
        }
        return community;
    }
}
