package org.edugraph.neo4j;

import java.util.List;

/**
 * Test support: the statements a piece of work sends to the database, each PROFILEd with its
 * database hits, for the tests that hold the hot paths to a budget. It profiles everyone's
 * statements while it runs, so the application never uses it.
 */
public final class Profiler {

    private Profiler() {
    }

    /** Runs {@code work} and returns every statement it sent through {@code graph}, with its db hits. */
    public static List<Graph.Profiled> profile(Graph graph, Runnable work) {
        return graph.profiled(work);
    }
}
