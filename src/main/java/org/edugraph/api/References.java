package org.edugraph.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.edugraph.neo4j.Graph;
import org.springframework.stereotype.Component;

/**
 * Checks, in one statement, that the ids a filter refers to exist, so that a mistyped
 * region code is a NOT_FOUND error rather than a silently empty answer.
 */
@Component
public class References {

    /** What a filter can refer to: how to find it and how to name it in an error. */
    public enum Kind {
        REGION("(:Region {code: $%s})", "region with code"),
        SCHOOL("(:School {id: $%s})", "school with id"),
        GROUP("(:EducationGroup {id: $%s})", "education group with id"),
        PROGRAM("(:Program {id: $%s})", "program with id");

        private final String pattern;
        private final String noun;

        Kind(String pattern, String noun) {
            this.pattern = pattern;
            this.noun = noun;
        }
    }

    private final Graph graph;

    public References(Graph graph) {
        this.graph = graph;
    }

    /** A builder of references to check; null values are skipped. */
    public Check check() {
        return new Check();
    }

    /** A value a client sent, as an error message quotes it: whole when short, cut when long. */
    static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? text : text.substring(0, 60) + "… (" + text.length() + " characters)";
    }

    public final class Check {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, Kind> kinds = new LinkedHashMap<>();

        public Check ref(Kind kind, Object value) {
            if (value != null) {
                String name = "r" + values.size();
                values.put(name, value);
                kinds.put(name, kind);
            }
            return this;
        }

        /** Throws NOT_FOUND naming the first reference that does not exist. */
        public void require() {
            if (values.isEmpty()) {
                return;
            }
            StringJoiner returns = new StringJoiner(", ", "RETURN ", "");
            kinds.forEach((name, kind) -> returns.add("EXISTS { " + kind.pattern.formatted(name) + " } AS " + name));
            // In this process without Bolt when the database is embedded: every analytic asks it first.
            Map<String, Object> r = graph.read(Graph.Read.row(), returns.toString(), values);
            for (var entry : kinds.entrySet()) {
                if (!Boolean.TRUE.equals(r.get(entry.getKey()))) {
                    throw ApiException.notFound("No %s %s".formatted(entry.getValue().noun, shown(values.get(entry.getKey()))));
                }
            }
        }
    }
}
