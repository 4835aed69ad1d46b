package org.edugraph.support;

import org.edugraph.neo4j.InProcessDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The integration tests read as the embedded default does: their application is pointed at
 * the tests' Neo4j by URI (for its driver), and, when that Neo4j runs in the test JVM, runs
 * its compiled reads in process, without Bolt, against the same database.
 * {@code -Dedugraph.test.reads=bolt} forces the driver for every read instead (CI runs a
 * share of the read tests that way too: {@code BoltReadsTest}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInProcessReads {

    /** Whether the tests' reads go through the driver, by -Dedugraph.test.reads=bolt. */
    public static boolean forcedBolt() {
        return "bolt".equals(System.getProperty("edugraph.test.reads"));
    }

    @Bean
    InProcessDatabase testInProcessDatabase() {
        if (forcedBolt()) {
            return null; // no bean: the driver
        }
        return TestNeo4j.inProcess().map(neo4j -> new InProcessDatabase(neo4j.database())).orElse(null);
    }
}
