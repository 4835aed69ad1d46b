package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.pairing.PairingFilter;
import org.edugraph.pairing.PairingKind;
import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;

/**
 * The shortest-path statement must let Neo4j check every condition while it searches:
 * a condition it can only test on a finished path ("non-inlined" in the plan) turns a
 * breadth-first search into an enumeration of paths, which on a network with groups and
 * no path between the two schools runs into the timeout. Checked for a filter of
 * each field, of none and of all, with and without groups.
 */
class PathPlanTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.neo4j.driver.Driver driver;

    @Test
    void everyConditionOfThePathSearchIsCheckedDuringTheSearch() {
        List<PairingFilter> shapes = new ArrayList<>();
        // No field, each field alone, and all of them.
        for (int mask : new int[] {0, 1, 2, 4, 8, 16, 32, 63}) {
            shapes.add(new PairingFilter(
                    (mask & 1) != 0 ? "p" : null,
                    (mask & 2) != 0 ? List.of(PairingKind.ONE_TO_ONE) : null,
                    (mask & 4) != 0 ? "350104" : null,
                    (mask & 8) != 0 ? "a" : null,
                    (mask & 16) != 0 ? "b" : null,
                    (mask & 32) != 0 ? LocalDate.of(2022, 9, 1) : null));
        }
        for (PairingFilter shape : shapes) {
            for (boolean groups : new boolean[] {true, false}) {
                PairingFilter.Cypher cypher = shape.cypher();
                Map<String, Object> parameters = new HashMap<>(cypher.parameters());
                parameters.put("from", "x");
                parameters.put("to", "y");
                String details;
                try (var session = driver.session()) {
                    details = plan(session.run("EXPLAIN " + NetworkCypher.path(cypher, groups), parameters).consume().plan());
                }
                assertThat(details).as("plan of %s, groups=%s", shape, groups).contains("StatefulShortestPath")
                        .doesNotContain("non-inlined predicates");
            }
        }
    }

    /** Every operator of a plan with its details, depth first. */
    static String plan(Plan plan) {
        StringBuilder out = new StringBuilder(plan.operatorType()).append(' ').append(plan.arguments().get("Details")).append('\n');
        plan.children().forEach(child -> out.append(plan(child)));
        return out.toString();
    }
}
