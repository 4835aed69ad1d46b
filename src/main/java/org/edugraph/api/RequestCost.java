package org.edugraph.api;

import java.util.Map;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * What a field costs against {@code edugraph.graphql.max-complexity}: one for a plain
 * field, more for the network analytics, which each read a whole network. A drawn
 * network or a neighbourhood costs {@link #NETWORK} plus what is selected inside it times
 * its {@code limit} in thousands (its nodes and edges are lists of up to {@code limit}),
 * the statistics {@link #STATISTICS}, a path {@link #PATH}. So a request holds a few
 * analytics at most, however many aliases it names, and a nested selection under a
 * 50,000-edge network counts fifty times.
 */
public final class RequestCost implements FieldComplexityCalculator {

    public static final int NETWORK = 100;
    public static final int STATISTICS = 100;
    public static final int PATH = 25;
    /** The default {@code limit} of the network fields, as the schema gives it. */
    static final int DEFAULT_LIMIT = 5000;

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        if (!"Query".equals(environment.getParentType().getName())) {
            return 1 + childComplexity;
        }
        return of(environment.getField().getName(), environment.getArguments(), childComplexity);
    }

    /** The cost of a top-level field with these arguments, above a selection costing {@code childComplexity}. */
    static int of(String field, Map<String, Object> arguments, int childComplexity) {
        return switch (field) {
            case "partnershipNetwork", "schoolNeighborhood" -> NETWORK + childComplexity * thousands(arguments.get("limit"));
            case "networkStats" -> STATISTICS + childComplexity;
            case "partnershipPath", "partnershipPathNetwork" -> PATH + childComplexity;
            default -> 1 + childComplexity;
        };
    }

    private static int thousands(Object limit) {
        int value = limit instanceof Number n ? Math.max(n.intValue(), 0) : DEFAULT_LIMIT;
        return Math.max(1, (value + 999) / 1000);
    }
}
