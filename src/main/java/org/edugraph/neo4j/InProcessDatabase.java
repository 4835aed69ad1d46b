package org.edugraph.neo4j;

import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The database itself, in this process, for the statements worth running without Bolt: the
 * compiled reads of the embedded default. Measured on the school page's statement: 237 µs in
 * process against 2,141 µs through the driver over loopback, 4,043 against 1,096 statements
 * a second at 16 clients (BENCHMARKS.md, issue 18). Present only when the database is
 * embedded and {@code edugraph.neo4j.in-process-reads} is on.
 */
public record InProcessDatabase(GraphDatabaseService database) {
}
