package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.edugraph.support.Unit;

/** Components by union-find agree with a breadth-first search, for any graph. */
@Unit
class UnionFindTest {

    @Property
    void countsTheSameComponentsAndLargestAsABreadthFirstSearch(@ForAll @IntRange(min = 0, max = 60) int nodes,
            @ForAll @Size(max = 120) List<@IntRange(min = 0, max = 59) Integer> ends) {
        UnionFind sets = new UnionFind();
        for (int i = 0; i < nodes; i++) {
            assertThat(sets.add()).isEqualTo(i);
        }
        List<List<Integer>> adjacent = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            adjacent.add(new ArrayList<>());
        }
        for (int i = 0; i + 1 < ends.size(); i += 2) {
            int a = ends.get(i);
            int b = ends.get(i + 1);
            if (a < nodes && b < nodes) {
                sets.union(a, b);
                adjacent.get(a).add(b);
                adjacent.get(b).add(a);
            }
        }
        Set<Integer> seen = new HashSet<>();
        int components = 0;
        int largest = 0;
        for (int start = 0; start < nodes; start++) {
            if (!seen.add(start)) {
                continue;
            }
            components++;
            int size = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                int n = queue.poll();
                size++;
                for (int m : adjacent.get(n)) {
                    if (seen.add(m)) {
                        queue.add(m);
                    }
                }
            }
            largest = Math.max(largest, size);
        }
        assertThat(sets.sets()).isEqualTo(components);
        assertThat(sets.largest()).isEqualTo(largest);
    }
}
