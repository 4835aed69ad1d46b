package org.edugraph.api;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.ExecutionResult;

/**
 * Caps on the shape of a request, checked before anything runs: how many fields its
 * operation asks for at the top (each its own lookup, however cheap the cost rule finds
 * it) and how many aliases it names anywhere (the way one field is asked for hundreds of
 * times: 990 aliases of {@code school(id)} held a request for seconds). Fragments count
 * where they are spread. Over a cap, the request is refused with BAD_REQUEST.
 */
final class RequestShape extends SimplePerformantInstrumentation {

    private final int maxRootFields;
    private final int maxAliases;

    RequestShape(int maxRootFields, int maxAliases) {
        this.maxRootFields = maxRootFields;
        this.maxAliases = maxAliases;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        var context = parameters.getExecutionContext();
        Map<String, FragmentDefinition> fragments = context.getFragmentsByName();
        SelectionSet root = context.getOperationDefinition().getSelectionSet();
        int rootFields = count(root, fragments, false, new HashSet<>());
        if (rootFields > maxRootFields) {
            throw new AbortExecutionException("The request asks for %d fields at its top level; at most %d are allowed"
                    .formatted(rootFields, maxRootFields));
        }
        int aliases = count(root, fragments, true, new HashSet<>());
        if (aliases > maxAliases) {
            throw new AbortExecutionException("The request names %d aliases; at most %d are allowed".formatted(aliases, maxAliases));
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /**
     * The fields of {@code set} at its own level (fragments spread in it included), or, with
     * {@code aliases}, the aliased fields at every depth. A fragment spread inside itself is
     * refused by validation before this runs; {@code open} guards against it anyway.
     */
    static int count(SelectionSet set, Map<String, FragmentDefinition> fragments, boolean aliases, Set<String> open) {
        if (set == null) {
            return 0;
        }
        int n = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                n += aliases ? (field.getAlias() != null ? 1 : 0) + count(field.getSelectionSet(), fragments, true, open) : 1;
            } else if (selection instanceof InlineFragment inline) {
                n += count(inline.getSelectionSet(), fragments, aliases, open);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && open.add(spread.getName())) {
                n += count(fragments.get(spread.getName()).getSelectionSet(), fragments, aliases, open);
                open.remove(spread.getName());
            }
        }
        return n;
    }
}
