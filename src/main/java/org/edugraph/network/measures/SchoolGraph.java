package org.edugraph.network.measures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schools of a selected pairing network and what links them, in arrays: schools by
 * index in id order, the distinct mentor-to-mentee arcs (for in- and out-degree), the
 * undirected simple graph of partners (two schools linked by any number of pairings, in
 * either direction, are one edge) as adjacency arrays, and each pairing's edge. Memory is
 * a few ints per school and per pairing, plus the ids; nothing else is kept.
 */
public final class SchoolGraph {

    private final String[] ids;
    private final String[] regions;
    private final int[] inDegree;
    private final int[] outDegree;
    /** Adjacency of the undirected simple graph: the partners of school v are neighbours[offsets[v]..offsets[v+1]). */
    private final int[] offsets;
    private final int[] neighbours;
    /** The edge index of each adjacency slot. */
    private final int[] slotEdge;
    /** Each undirected edge's ends (edgeA < edgeB) and how many pairings it stands for. */
    private final int[] edgeA;
    private final int[] edgeB;
    private final int[] edgePairings;
    private final String[] pairingIds;
    private final int[] pairingEdge;
    private final int[] pairingMentor;
    private final int[] pairingMentee;
    /** The pairings in id order (indexes into pairingIds), to find one by id. */
    private final int[] pairingsById;

    private SchoolGraph(String[] ids, String[] regions, int[] inDegree, int[] outDegree, int[] offsets, int[] neighbours,
            int[] slotEdge, int[] edgeA, int[] edgeB, int[] edgePairings, String[] pairingIds, int[] pairingEdge,
            int[] pairingMentor, int[] pairingMentee) {
        this.ids = ids;
        this.regions = regions;
        this.inDegree = inDegree;
        this.outDegree = outDegree;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.slotEdge = slotEdge;
        this.edgeA = edgeA;
        this.edgeB = edgeB;
        this.edgePairings = edgePairings;
        this.pairingIds = pairingIds;
        this.pairingEdge = pairingEdge;
        this.pairingMentor = pairingMentor;
        this.pairingMentee = pairingMentee;
        this.pairingsById = java.util.stream.IntStream.range(0, pairingIds.length).boxed()
                .sorted(java.util.Comparator.comparing(p -> pairingIds[p])).mapToInt(Integer::intValue).toArray();
    }

    /** A network larger than the configured bound: it is refused before it is built. */
    public static final class TooLarge extends RuntimeException {
        private final int schools;
        private final int pairings;

        TooLarge(int schools, int pairings) {
            super("more than the bound: %d schools, %d pairings read so far".formatted(schools, pairings), null, false, false);
            this.schools = schools;
            this.pairings = pairings;
        }

        /** Schools read when the bound was passed (at least). */
        public int schools() {
            return schools;
        }

        /** Pairings read when the bound was passed (at least). */
        public int pairings() {
            return pairings;
        }
    }

    /** Collects pairings one by one (as they stream from the database), refusing more than the bounds. */
    public static final class Builder {
        private final int maxSchools;
        private final int maxPairings;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> schoolIds = new ArrayList<>();
        private final List<String> schoolRegions = new ArrayList<>();
        private final List<String> pairings = new ArrayList<>();
        private int[] mentors = new int[64];
        private int[] mentees = new int[64];

        Builder(int maxSchools, int maxPairings) {
            this.maxSchools = maxSchools;
            this.maxPairings = maxPairings;
        }

        /** Adds one pairing; a pairing of a school with itself has no place in the network and is skipped. */
        public Builder add(String pairingId, String mentorId, String menteeId, String mentorRegion, String menteeRegion) {
            if (mentorId.equals(menteeId)) {
                return this;
            }
            int p = pairings.size();
            if (p >= maxPairings) {
                throw new TooLarge(index.size(), p + 1);
            }
            int a = school(mentorId, mentorRegion);
            int b = school(menteeId, menteeRegion);
            if (p == mentors.length) {
                mentors = Arrays.copyOf(mentors, p * 2);
                mentees = Arrays.copyOf(mentees, p * 2);
            }
            mentors[p] = a;
            mentees[p] = b;
            pairings.add(pairingId);
            return this;
        }

        private int school(String id, String region) {
            Integer i = index.get(id);
            if (i != null) {
                return i;
            }
            if (index.size() >= maxSchools) {
                throw new TooLarge(index.size() + 1, pairings.size() + 1);
            }
            int next = index.size();
            index.put(id, next);
            schoolIds.add(id);
            schoolRegions.add(region);
            return next;
        }

        public SchoolGraph build() {
            int n = schoolIds.size();
            int m = pairings.size();
            // Schools in id order, so that the same network always gives the same indexes (and communities).
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> schoolIds.get(x).compareTo(schoolIds.get(y)));
            int[] rank = new int[n];
            String[] ids = new String[n];
            String[] regions = new String[n];
            for (int r = 0; r < n; r++) {
                rank[order[r]] = r;
                ids[r] = schoolIds.get(order[r]);
                regions[r] = schoolRegions.get(order[r]);
            }
            int[] pairingMentor = new int[m];
            int[] pairingMentee = new int[m];
            long[] arcs = new long[m];
            long[] links = new long[m];
            for (int p = 0; p < m; p++) {
                int a = rank[mentors[p]];
                int b = rank[mentees[p]];
                pairingMentor[p] = a;
                pairingMentee[p] = b;
                arcs[p] = (long) a * n + b;
                links[p] = (long) Math.min(a, b) * n + Math.max(a, b);
            }
            // Distinct arcs: a mentor's distinct mentees and a mentee's distinct mentors.
            Arrays.sort(arcs);
            int[] inDegree = new int[n];
            int[] outDegree = new int[n];
            for (int p = 0; p < m; p++) {
                if (p == 0 || arcs[p] != arcs[p - 1]) {
                    outDegree[(int) (arcs[p] / n)]++;
                    inDegree[(int) (arcs[p] % n)]++;
                }
            }
            // Distinct undirected links, with how many pairings each stands for.
            long[] sortedLinks = links.clone();
            Arrays.sort(sortedLinks);
            int e = 0;
            for (int p = 0; p < m; p++) {
                if (p == 0 || sortedLinks[p] != sortedLinks[p - 1]) {
                    e++;
                }
            }
            int[] edgeA = new int[e];
            int[] edgeB = new int[e];
            int[] edgePairings = new int[e];
            long[] edgeKeys = new long[e];
            int k = -1;
            for (int p = 0; p < m; p++) {
                if (p == 0 || sortedLinks[p] != sortedLinks[p - 1]) {
                    k++;
                    edgeKeys[k] = sortedLinks[p];
                    edgeA[k] = (int) (sortedLinks[p] / n);
                    edgeB[k] = (int) (sortedLinks[p] % n);
                }
                edgePairings[k]++;
            }
            int[] pairingEdge = new int[m];
            for (int p = 0; p < m; p++) {
                pairingEdge[p] = Arrays.binarySearch(edgeKeys, links[p]);
            }
            int[] offsets = new int[n + 1];
            for (int i = 0; i < e; i++) {
                offsets[edgeA[i] + 1]++;
                offsets[edgeB[i] + 1]++;
            }
            for (int v = 0; v < n; v++) {
                offsets[v + 1] += offsets[v];
            }
            int[] fill = Arrays.copyOf(offsets, n);
            int[] neighbours = new int[2 * e];
            int[] slotEdge = new int[2 * e];
            for (int i = 0; i < e; i++) {
                neighbours[fill[edgeA[i]]] = edgeB[i];
                slotEdge[fill[edgeA[i]]++] = i;
                neighbours[fill[edgeB[i]]] = edgeA[i];
                slotEdge[fill[edgeB[i]]++] = i;
            }
            return new SchoolGraph(ids, regions, inDegree, outDegree, offsets, neighbours, slotEdge, edgeA, edgeB,
                    edgePairings, pairings.toArray(String[]::new), pairingEdge, pairingMentor, pairingMentee);
        }
    }

    /** A builder that refuses more than {@code maxSchools} schools or {@code maxPairings} pairings ({@link TooLarge}). */
    public static Builder builder(int maxSchools, int maxPairings) {
        return new Builder(maxSchools, maxPairings);
    }

    /** How many schools. */
    public int size() {
        return ids.length;
    }

    /** How many undirected partner links (distinct pairs of schools). */
    public int links() {
        return edgeA.length;
    }

    public int pairings() {
        return pairingIds.length;
    }

    public String id(int school) {
        return ids[school];
    }

    /** The index of a school, or -1 when it is not in the network. */
    public int indexOf(String id) {
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? i : -1;
    }

    /** The code of the region the school is located in, or null. */
    public String region(int school) {
        return regions[school];
    }

    public int inDegree(int school) {
        return inDegree[school];
    }

    public int outDegree(int school) {
        return outDegree[school];
    }

    /** Distinct partner schools. */
    public int degree(int school) {
        return offsets[school + 1] - offsets[school];
    }

    /** The first adjacency slot of a school; its partners are {@link #neighbour} of slots {@code first(v)..first(v+1)-1}. */
    int first(int school) {
        return offsets[school];
    }

    int neighbour(int slot) {
        return neighbours[slot];
    }

    int slotEdge(int slot) {
        return slotEdge[slot];
    }

    int edgeA(int edge) {
        return edgeA[edge];
    }

    int edgeB(int edge) {
        return edgeB[edge];
    }

    /** How many pairings the undirected link {@code edge} stands for. */
    int edgePairings(int edge) {
        return edgePairings[edge];
    }

    int[] offsets() {
        return offsets;
    }

    int[] neighbours() {
        return neighbours;
    }

    public String pairingId(int pairing) {
        return pairingIds[pairing];
    }

    /** The index of a pairing, or -1 when it is not in the network. */
    public int indexOfPairing(String id) {
        int low = 0;
        int high = pairingsById.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = pairingIds[pairingsById[mid]].compareTo(id);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return pairingsById[mid];
            }
        }
        return -1;
    }

    /** The undirected link a pairing is part of. */
    public int pairingEdge(int pairing) {
        return pairingEdge[pairing];
    }

    public int pairingMentor(int pairing) {
        return pairingMentor[pairing];
    }

    public int pairingMentee(int pairing) {
        return pairingMentee[pairing];
    }
}
