package org.edugraph.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestInProcessReads;
import org.edugraph.support.TestNeo4j;
import org.junit.jupiter.api.Test;

/**
 * With the database in the same process, compiled reads run without Bolt: one statement,
 * the same answer, its absence of a row still NOT_FOUND, its plan still profiled.
 */
class InProcessReadsTest extends IntegrationTest {

    @Test
    void compiledReadsRunInThisProcessWhenTheDatabaseDoes() {
        assumeTrue(TestNeo4j.inProcess().isPresent(), "the tests' Neo4j runs in another process");
        assumeFalse(TestInProcessReads.forcedBolt(), "-Dedugraph.test.reads=bolt");
        assertThat(graph.readsInProcess()).isTrue();
        long before = graph.statementsRun();
        var profiled = org.edugraph.neo4j.Profiler.profile(graph, () -> graphQl.document("{ school(id: \"cs-panyu-ms\") { name region { name } sources { title } } }")
                .execute().path("school.name").entity(String.class).isEqualTo("福州市仓山区盘屿中学")
                .path("school.region.name").entity(String.class).isEqualTo("仓山区"));
        assertThat(graph.statementsRun() - before).isEqualTo(1);
        assertThat(profiled).singleElement().satisfies(p -> assertThat(p.dbHits()).isPositive());
        Map<String, Object> missing = post("{ school(id: \"no-such-school\") { name } }");
        assertThat(classifications(missing)).containsExactly("NOT_FOUND");
    }
}
