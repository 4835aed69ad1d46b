package org.edugraph.read;

import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Parameter;
import org.neo4j.cypherdsl.core.SymbolicName;

/**
 * What one compilation hands out: variables that no other part of the statement uses (a
 * subquery that named a variable of an enclosing scope would join on it), and parameters,
 * each value a parameter of its own, never text in the statement.
 */
final class Compilation {

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private int variables;

    /** A fresh variable, {@code prefix} and a number. */
    SymbolicName name(String prefix) {
        return Cypher.name(prefix + variables++);
    }

    /** A node of {@code label} bound to a fresh variable. */
    Node node(String label, String prefix) {
        return Cypher.node(label).named(name(prefix));
    }

    /**
     * A new parameter holding {@code value}. Named by its place alone, never by its value, so that
     * the statement's text depends on the shape of the request only ({@link Field#signature}).
     */
    Parameter<Object> parameter(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return Cypher.parameter(name);
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
