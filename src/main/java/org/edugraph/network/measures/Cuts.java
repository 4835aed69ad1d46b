package org.edugraph.network.measures;

/**
 * The single points of failure of a partner graph, from one depth-first search per
 * component (Hopcroft and Tarjan, 1973), iterative so that a long chain of schools
 * cannot overflow the stack (JGraphT's {@code BiconnectivityInspector} recurses, and
 * overflows a default thread stack at 20,000 schools):
 * <ul>
 * <li>a cut point (articulation point): a school whose loss splits its component;</li>
 * <li>how many schools its loss cuts off: those no longer linked to the largest part of
 *     its component that is left (0 for a school that is not a cut point);</li>
 * <li>a bridge: a link whose loss splits its component.</li>
 * </ul>
 */
final class Cuts {

    final boolean[] articulation;
    final int[] cutOff;
    final boolean[] bridge;
    /** The component of each school, numbered from 0 in the order of their smallest index. */
    final int[] component;
    final int[] componentSize;

    private Cuts(boolean[] articulation, int[] cutOff, boolean[] bridge, int[] component, int[] componentSize) {
        this.articulation = articulation;
        this.cutOff = cutOff;
        this.bridge = bridge;
        this.component = component;
        this.componentSize = componentSize;
    }

    static Cuts of(SchoolGraph g, Deadline deadline) {
        int n = g.size();
        int[] offsets = g.offsets();
        int[] adjacent = g.neighbours();
        int[] discovered = new int[n];
        java.util.Arrays.fill(discovered, -1);
        int[] low = new int[n];
        int[] parent = new int[n];
        int[] parentEdge = new int[n];
        int[] subtree = new int[n];
        int[] nextSlot = new int[n];
        // Per school: children whose subtree its loss separates, their total size and the largest.
        int[] separatedCount = new int[n];
        int[] separated = new int[n];
        int[] largestSeparated = new int[n];
        boolean[] bridge = new boolean[g.links()];
        boolean[] articulation = new boolean[n];
        int[] cutOff = new int[n];
        int[] component = new int[n];
        int[] sizes = new int[n];
        int components = 0;
        int[] stack = new int[n];
        int[] visit = new int[n];
        int time = 0;
        for (int root = 0; root < n; root++) {
            if (discovered[root] >= 0) {
                continue;
            }
            deadline.check();
            int first = time;
            int top = 0;
            stack[top++] = root;
            discovered[root] = low[root] = time;
            visit[time++] = root;
            parent[root] = -1;
            parentEdge[root] = -1;
            subtree[root] = 1;
            nextSlot[root] = offsets[root];
            while (top > 0) {
                int v = stack[top - 1];
                if (nextSlot[v] < offsets[v + 1]) {
                    int slot = nextSlot[v]++;
                    int w = adjacent[slot];
                    if (discovered[w] < 0) {
                        parent[w] = v;
                        parentEdge[w] = g.slotEdge(slot);
                        discovered[w] = low[w] = time;
                        visit[time++] = w;
                        subtree[w] = 1;
                        nextSlot[w] = offsets[w];
                        stack[top++] = w;
                    } else if (w != parent[v]) {
                        low[v] = Math.min(low[v], discovered[w]);
                    }
                } else {
                    top--;
                    int p = parent[v];
                    if (p >= 0) {
                        low[p] = Math.min(low[p], low[v]);
                        subtree[p] += subtree[v];
                        if (low[v] >= discovered[p]) {
                            separatedCount[p]++;
                            separated[p] += subtree[v];
                            largestSeparated[p] = Math.max(largestSeparated[p], subtree[v]);
                        }
                        if (low[v] > discovered[p]) {
                            bridge[parentEdge[v]] = true;
                        }
                    }
                }
            }
            int size = subtree[root];
            for (int i = first; i < time; i++) {
                int v = visit[i];
                component[v] = components;
                int pieces;
                int largest;
                if (v == root) {
                    pieces = separatedCount[v];
                    largest = largestSeparated[v];
                } else {
                    int rest = size - 1 - separated[v];
                    pieces = separatedCount[v] + 1;
                    largest = Math.max(largestSeparated[v], rest);
                }
                if (pieces >= 2) {
                    articulation[v] = true;
                    cutOff[v] = size - 1 - largest;
                }
            }
            sizes[components++] = size;
        }
        return new Cuts(articulation, cutOff, bridge, component, java.util.Arrays.copyOf(sizes, components));
    }
}
