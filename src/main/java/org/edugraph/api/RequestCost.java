package org.edugraph.api;

import java.util.Map;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * What a field costs against {@code edugraph.graphql.max-complexity}, about one for each
 * value a request may return: a field costs one plus what it selects, times the rows it may
 * return when it takes {@code first} (a page of {@code first} rows, the default page size
 * when none is given), so that 500 nested pages of 500 rows count 250,000 times, not once.
 * The network analytics cost what they read: a drawn network or a neighbourhood
 * {@link #NETWORK} plus what is selected inside it times {@link #PER_THOUSAND} for each
 * thousand of its {@code limit}, the statistics {@link #STATISTICS}, a path {@link #PATH}.
 * Lists without {@code first} (a school's pairings, a program's participants) count as
 * one row: they are as long as the graph makes them.
 */
public final class RequestCost implements FieldComplexityCalculator {

    public static final int NETWORK = 1_000;
    public static final int STATISTICS = 1_000;
    public static final int PATH = 250;
    /** What a selection inside a network costs for each thousand of its limit. */
    public static final int PER_THOUSAND = 10;
    /** The default {@code limit} of the network fields, as the schema gives it. */
    static final int DEFAULT_LIMIT = 5000;
    /**
     * The most one field counts: far above any limit, and low enough that graphql-java's
     * int sum over all the fields a document can hold (fewer than max-tokens) cannot wrap.
     */
    static final int CEILING = Integer.MAX_VALUE / 32_768;

    private final int defaultPageSize;

    public RequestCost(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        Map<String, Object> arguments = environment.getArguments();
        int rows = environment.getFieldDefinition().getArgument("first") == null ? 1 : rows(arguments.get("first"));
        String field = "Query".equals(environment.getParentType().getName()) ? environment.getField().getName() : "";
        return of(field, arguments, childComplexity, rows);
    }

    /** The cost of a field with these arguments, above a selection costing {@code childComplexity}, for {@code rows} rows. */
    static int of(String field, Map<String, Object> arguments, int childComplexity, int rows) {
        long cost = switch (field) {
            case "partnershipNetwork", "schoolNeighborhood" ->
                NETWORK + (long) childComplexity * thousands(arguments.get("limit")) * PER_THOUSAND;
            case "networkStats" -> STATISTICS + (long) childComplexity;
            case "partnershipPath", "partnershipPathNetwork" -> PATH + (long) childComplexity;
            default -> 1 + (long) childComplexity * rows;
        };
        return (int) Math.min(cost, CEILING);
    }

    private int rows(Object first) {
        return first instanceof Number n ? Math.max(1, n.intValue()) : defaultPageSize;
    }

    private static int thousands(Object limit) {
        int value = limit instanceof Number n ? Math.max(n.intValue(), 0) : DEFAULT_LIMIT;
        return Math.max(1, (value + 999) / 1000);
    }
}
