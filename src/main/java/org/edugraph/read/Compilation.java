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

    /** A parameter holding {@code value}: the one already holding an equal value, if any. */
    Parameter<Object> parameter(Object value) {
        for (var entry : parameters.entrySet()) {
            if (java.util.Objects.equals(entry.getValue(), value)) {
                return Cypher.parameter(entry.getKey());
            }
        }
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return Cypher.parameter(name);
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
