package org.edugraph.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * The size of a request, measured on the parsed document before it is validated: how many
 * fields it selects, each fragment counted every time it is spread, and how deep its fields
 * nest. Validation compares the fields of a selection with each other (whether fields of one
 * name can be merged), which grows with the square of their number: one field repeated 14,500
 * times in 72 KB took seconds of CPU. Refused here, such a request costs a walk of its tree.
 *
 * <p>Introspection ({@code __schema}, {@code __type}) does not count towards the depth: the
 * standard query of GraphiQL and graphql-js nests {@code ofType} nine levels deep. Its size is
 * bounded all the same, by the selection cap and by graphql-java's good-faith introspection
 * check (each of {@code __schema}, {@code __type}, {@code fields}... once, at most 500 fields
 * and 20 levels).
 */
final class RequestSize extends SimplePerformantInstrumentation {

    private final int maxSelections;
    private final int maxDepth;

    RequestSize(int maxSelections, int maxDepth) {
        this.maxSelections = maxSelections;
        this.maxDepth = maxDepth;
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        Size size = measure(documentAndVariables.getDocument());
        if (size.selections() > maxSelections) {
            throw new AbortExecutionException(("The request selects %s fields, each fragment counted where it is spread;"
                    + " at most %d are allowed").formatted(size.selections() > Integer.MAX_VALUE / 2 ? "more than a billion"
                            : String.valueOf(size.selections()), maxSelections));
        }
        if (size.depth() > maxDepth) {
            throw new AbortExecutionException("The request's depth is %d fields; at most %d are allowed"
                    .formatted(size.depth(), maxDepth));
        }
        return documentAndVariables;
    }

    /**
     * @param selections the fields of every operation with fragments spread (at most {@link Integer#MAX_VALUE}),
     *                   or the fields written in the document if they are more
     * @param depth      the deepest nesting of fields in an operation, introspection left out
     */
    record Size(long selections, int depth) {
    }

    static Size measure(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }
        Walk walk = new Walk(fragments);
        long spread = 0;
        int depth = 0;
        long written = 0;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                Measure m = walk.measure(operation.getSelectionSet(), true);
                spread = saturated(spread + m.fields());
                depth = Math.max(depth, m.depth());
                written += written(operation.getSelectionSet());
            } else if (definition instanceof FragmentDefinition fragment) {
                written += written(fragment.getSelectionSet());
            }
        }
        return new Size(Math.max(spread, written), depth);
    }

    /** Fields and depth of a selection set, fragments spread. */
    private record Measure(long fields, int depth) {
    }

    /** Measures selection sets, each fragment once per place it can be spread (top level or not). */
    private static final class Walk {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Measure> measured = new HashMap<>();
        private final Set<String> open = new HashSet<>();

        Walk(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        Measure measure(SelectionSet set, boolean top) {
            if (set == null) {
                return new Measure(0, 0);
            }
            long fields = 0;
            int depth = 0;
            for (Selection<?> selection : set.getSelections()) {
                Measure m;
                if (selection instanceof Field field) {
                    Measure below = measure(field.getSelectionSet(), false);
                    boolean introspection = top && (field.getName().equals("__schema") || field.getName().equals("__type"));
                    m = new Measure(saturated(1 + below.fields()), introspection ? 0 : 1 + below.depth());
                } else if (selection instanceof InlineFragment inline) {
                    m = measure(inline.getSelectionSet(), top);
                } else if (selection instanceof FragmentSpread spread) {
                    m = spread(spread.getName(), top);
                } else {
                    continue;
                }
                fields = saturated(fields + m.fields());
                depth = Math.max(depth, m.depth());
            }
            return new Measure(fields, depth);
        }

        /** A fragment's measure; one spread inside itself (refused later by validation) counts nothing here. */
        private Measure spread(String name, boolean top) {
            FragmentDefinition fragment = fragments.get(name);
            String key = name + (top ? "@top" : "");
            if (fragment == null || !open.add(key)) {
                return new Measure(0, 0);
            }
            try {
                Measure m = measured.get(key);
                if (m == null) {
                    m = measure(fragment.getSelectionSet(), top);
                    measured.put(key, m);
                }
                return m;
            } finally {
                open.remove(key);
            }
        }
    }

    /** The fields written in a selection set, at every depth, fragments not spread. */
    private static long written(SelectionSet set) {
        if (set == null) {
            return 0;
        }
        long n = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                n += 1 + written(field.getSelectionSet());
            } else if (selection instanceof InlineFragment inline) {
                n += written(inline.getSelectionSet());
            }
        }
        return n;
    }

    private static long saturated(long n) {
        return Math.min(n, Integer.MAX_VALUE);
    }
}
