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
 * thousand of its {@code limit}, the statistics {@link #STATISTICS}, a path {@link #PATH}, the
 * network science {@link #SCIENCE} plus what they select (times {@code first} for the rankings,
 * communities and mentor suggestions).
 * Lists without {@code first} (a school's pairings, a program's participants) are as long
 * as the graph makes them; each counts {@link #UNPAGED_ROWS} rows, so that lists nested in
 * lists multiply like pages do (a school's mentees' mentees' mentees cost 5 × 5 × 5 rows)
 * while one level of them under a page of 100 schools stays well within the limit.
 */
public final class RequestCost implements FieldComplexityCalculator {

    public static final int NETWORK = 1_000;
    public static final int STATISTICS = 1_000;
    public static final int PATH = 250;
    /**
     * The network science (rankings, communities, flows, change, trends, counts, mentor
     * suggestions): each reads a whole selected network, and most measure it.
     */
    public static final int SCIENCE = 1_000;
    /** What a selection inside a network costs for each thousand of its limit. */
    public static final int PER_THOUSAND = 10;
    /** The default {@code limit} of the network fields, as the schema gives it. */
    static final int DEFAULT_LIMIT = 5000;
    /**
     * The most one field counts: far above any limit, and low enough that graphql-java's
     * int sum over all the fields a document can hold (fewer than max-tokens) cannot wrap.
     */
    static final int CEILING = Integer.MAX_VALUE / 32_768;

    /** What a list without {@code first} counts: a busy school's list is longer, most are shorter. */
    public static final int UNPAGED_ROWS = 5;

    private final int defaultPageSize;

    public RequestCost(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        Map<String, Object> arguments = environment.getArguments();
        var definition = environment.getFieldDefinition();
        int rows = definition.getArgument("first") != null ? rows(arguments.get("first"))
                : isRelationList(environment.getParentType().getName(), definition.getType()) ? UNPAGED_ROWS : 1;
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
            // Lists with `first`: what they select, per row.
            case "schoolRanking", "communities", "mentorSuggestions" -> SCIENCE + (long) childComplexity * rows;
            // Lists as long as the network makes them, priced as networkStats' coverage is: what they select, once.
            case "regionFlows", "networkDiff", "coverageTrend", "pairingCounts" -> SCIENCE + (long) childComplexity;
            default -> 1 + (long) childComplexity * rows;
        };
        return (int) Math.min(cost, CEILING);
    }

    /** The types whose list fields are relations in the graph, as long as it makes them. */
    static final java.util.Set<String> ENTITIES = java.util.Set.of("Region", "School", "EducationGroup", "Program", "Pairing",
            "GroupMembership", "ProgramParticipation");

    /**
     * A list of an entity's relations (a school's pairings, a program's participants): not the
     * edges of a connection, which its {@code first} counts, nor a network's nodes, which its
     * {@code limit} counts.
     */
    static boolean isRelationList(String parentType, graphql.schema.GraphQLOutputType type) {
        return ENTITIES.contains(parentType)
                && graphql.schema.GraphQLTypeUtil.isList(graphql.schema.GraphQLTypeUtil.unwrapNonNull(type));
    }

    private int rows(Object first) {
        return first instanceof Number n ? Math.max(1, n.intValue()) : defaultPageSize;
    }

    private static int thousands(Object limit) {
        int value = limit instanceof Number n ? Math.max(n.intValue(), 0) : DEFAULT_LIMIT;
        return Math.max(1, (value + 999) / 1000);
    }
}
