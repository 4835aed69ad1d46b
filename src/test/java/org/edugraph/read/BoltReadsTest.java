package org.edugraph.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.edugraph.api.ExamplesTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The Bolt path of reads, kept tested: every example operation answered through the driver
 * ({@code edugraph.neo4j.in-process-reads=false}), as with a Neo4j server, AuraDB or a cluster.
 */
@TestPropertySource(properties = "edugraph.neo4j.in-process-reads=false")
class BoltReadsTest extends ExamplesTest {

    @Test
    void readsGoThroughTheDriver() {
        assertThat(graph.readsInProcess()).isFalse();
    }
}
