package org.edugraph.read;

import java.util.List;
import java.util.Map;

import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;

/**
 * One field a request selects, as the compiler reads it: its name, the key its value has in
 * the answer (its alias, or its name), its arguments with variables filled in, and the
 * fields it selects in turn. Made from what graphql-java hands a data fetcher, or, in the
 * tests that need no database, from a normalized operation.
 */
public record Field(String name, String resultKey, Map<String, Object> arguments, List<Field> selection) {

    /** The root field a data fetcher serves. */
    public static Field root(DataFetchingEnvironment env) {
        return new Field(env.getField().getName(), env.getField().getResultKey(), env.getArguments(),
                env.getSelectionSet().getImmediateFields().stream().map(Field::of).toList());
    }

    static Field of(SelectedField field) {
        return new Field(field.getName(), field.getResultKey(), field.getArguments(),
                field.getSelectionSet().getImmediateFields().stream().map(Field::of).toList());
    }

    /** For the compiler's own tests: a field of an operation normalized by graphql-java. */
    public static Field of(ExecutableNormalizedField field) {
        return new Field(field.getName(), field.getResultKey(), field.getResolvedArguments(),
                field.getChildren().stream().map(Field::of).toList());
    }

    /** The value of an argument, null when not given. */
    @SuppressWarnings("unchecked")
    <T> T argument(String argument) {
        return (T) arguments.get(argument);
    }

    /**
     * What the compiled statement's text depends on: names, result keys, which arguments are
     * given (inside input objects too), the values of true/false arguments (a switch such as
     * {@code holdingSchools} adds a condition or not), and the same of every field below; not
     * the other arguments' values, which are parameters. Two requests of one signature compile
     * to the same text.
     */
    public String signature() {
        StringBuilder out = new StringBuilder();
        sign(out);
        return out.toString();
    }

    private void sign(StringBuilder out) {
        out.append(name).append(':').append(resultKey).append('(');
        new java.util.TreeMap<>(arguments).forEach((argument, value) -> {
            out.append(argument).append('=');
            shape(value, out);
            out.append(',');
        });
        out.append("){");
        selection.forEach(f -> f.sign(out));
        out.append('}');
    }

    private static void shape(Object value, StringBuilder out) {
        if (value == null) {
            out.append('-');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            new java.util.TreeMap<>(map).forEach((key, inner) -> {
                out.append(key).append('=');
                shape(inner, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else {
            out.append('*');
        }
    }

    /** The fields it selects, introspection ({@code __typename}) left to graphql-java. */
    List<Field> fields() {
        return selection.stream().filter(f -> !f.name().startsWith("__")).toList();
    }
}
