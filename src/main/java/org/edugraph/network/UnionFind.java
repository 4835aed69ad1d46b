package org.edugraph.network;

import java.util.Arrays;

/**
 * Disjoint sets over 0..n-1 that grow as elements are added, with union by size and path
 * halving: the connected components of a graph in one pass over its edges, in memory
 * linear in its nodes. Hand-written rather than taken from a library (JGraphT would need
 * the whole graph built as objects first): components are all the analytics need, and
 * this is a screenful.
 */
final class UnionFind {

    private int[] parent = new int[16];
    private int[] size = new int[16];
    private int count;
    private int sets;

    /** Adds a new element in a set of its own and returns its index. */
    int add() {
        if (count == parent.length) {
            parent = Arrays.copyOf(parent, count * 2);
            size = Arrays.copyOf(size, count * 2);
        }
        parent[count] = count;
        size[count] = 1;
        sets++;
        return count++;
    }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        sets--;
    }

    /** How many disjoint sets there are. */
    int sets() {
        return sets;
    }

    /** The size of the largest set, 0 when empty. */
    int largest() {
        int largest = 0;
        for (int i = 0; i < count; i++) {
            if (parent[i] == i) {
                largest = Math.max(largest, size[i]);
            }
        }
        return largest;
    }
}
