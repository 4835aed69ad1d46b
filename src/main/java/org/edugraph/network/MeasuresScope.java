package org.edugraph.network;

import java.util.function.Supplier;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.edugraph.network.measures.Measures;

/**
 * The measures a drawn network's nodes and edges show: those of the whole network its
 * field's filter selects. Computed (or taken from the cache) once for the field, before
 * it is drawn, and only when the request selects a node's {@code measures} or an edge's
 * {@code bridge}: a network too large to measure is then one error for the field, not
 * one per node. Passed down to the nodes and edges as the field's local context.
 */
final class MeasuresScope {

    static final String KEY = "networkMeasures";

    private final Measures measures;

    private MeasuresScope(Measures measures) {
        this.measures = measures;
    }

    Measures measures() {
        return measures;
    }

    /** The measures of {@code compute} when the field's selection asks for any, else null. */
    static Measures ifSelected(DataFetchingEnvironment env, Supplier<Measures> compute) {
        var selection = env.getSelectionSet();
        return selection.contains("nodes/measures") || selection.contains("edges/bridge") ? compute.get() : null;
    }

    /** {@code network} with {@code measures} (null: none asked for) within reach of its nodes and edges. */
    static <T> DataFetcherResult<T> around(T network, Measures measures) {
        var result = DataFetcherResult.<T>newResult().data(network);
        if (measures != null) {
            result.localContext(GraphQLContext.newContext().of(KEY, new MeasuresScope(measures)).build());
        }
        return result.build();
    }
}
