package org.edugraph.network;

import java.util.function.Supplier;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import org.edugraph.network.measures.Measures;

/**
 * The measures a drawn network's nodes and edges show: those of the whole network its
 * field's filter selects, computed (or taken from the cache) once for the field, on the
 * first node or edge that asks, and never when none does. Passed down as the field's
 * local context.
 */
final class MeasuresScope {

    static final String KEY = "networkMeasures";

    private final Supplier<Measures> compute;
    private Measures measures;

    private MeasuresScope(Supplier<Measures> compute) {
        this.compute = compute;
    }

    synchronized Measures measures() {
        if (measures == null) {
            measures = compute.get();
        }
        return measures;
    }

    /** {@code network} with the measures of {@code compute} within reach of its nodes and edges. */
    static <T> DataFetcherResult<T> around(T network, Supplier<Measures> compute) {
        return DataFetcherResult.<T>newResult().data(network)
                .localContext(GraphQLContext.newContext().of(KEY, new MeasuresScope(compute)).build()).build();
    }
}
