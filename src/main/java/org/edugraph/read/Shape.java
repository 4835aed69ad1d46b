package org.edugraph.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.api.Page;

/**
 * How a raw value of a compiled statement (maps and lists from the driver) becomes what
 * GraphQL reads: objects become {@link Row}s, and a connection's rows become its edges,
 * cursors and page info, which Cypher cannot make (a cursor is base64). Built beside the
 * statement, field by field, so the two always agree.
 */
sealed interface Shape {

    Object apply(Object raw);

    /** A scalar or enum value, as it came. */
    Shape VALUE = new Value();

    record Value() implements Shape {
        @Override
        public Object apply(Object raw) {
            return raw;
        }
    }

    /** An object: each key of the map shaped by its own shape; {@code aliased} when a key is an alias. */
    record Fields(Map<String, Shape> fields, boolean aliased) implements Shape {
        @Override
        @SuppressWarnings("unchecked")
        public Object apply(Object raw) {
            if (raw == null) {
                return null;
            }
            Map<String, Object> map = (Map<String, Object>) raw;
            Map<String, Object> values = new LinkedHashMap<>();
            fields.forEach((key, shape) -> values.put(key, shape.apply(map.get(key))));
            return new Row(values, aliased);
        }
    }

    /** A list of values of one shape. */
    record ListOf(Shape element) implements Shape {
        @Override
        public Object apply(Object raw) {
            if (raw == null) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (Object item : (List<?>) raw) {
                values.add(element.apply(item));
            }
            return values;
        }
    }

    /**
     * A connection: the statement returns, under {@link #ROWS}, up to {@code first + 1} rows
     * (each with its sort key under {@link #SORT_KEY}) per selected {@code edges} (or one list
     * of sort keys when only {@code pageInfo} is), and under {@link #TOTAL} the count.
     *
     * @param edges    per result key of an {@code edges} field: per result key of its {@code node}, the node's shape,
     *                 and the result keys of its {@code cursor}
     * @param pageInfo per result key of a {@code pageInfo} field, the result keys of its fields by their names
     * @param totalCount the result keys of {@code totalCount}
     * @param aliased  whether a field of the connection, an edge or a page info is selected under an alias
     */
    record Connection(int first, boolean after, Map<String, Edges> edges, Map<String, Map<String, String>> pageInfo,
            List<String> totalCount, boolean aliased) implements Shape {

        static final String ROWS = "rows";
        static final String TOTAL = "total";
        static final String SORT_KEY = "__sortKey";
        /** The rows of page info alone, when no edges are selected. */
        static final String KEYS = "__keys";

        record Edges(Map<String, Shape> nodes, List<String> cursors) {
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object apply(Object raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            Map<String, Object> rows = (Map<String, Object>) map.get(ROWS);
            Map<String, Object> values = new LinkedHashMap<>();
            List<Map<String, Object>> anyRows = null;
            for (var entry : edges.entrySet()) {
                List<Map<String, Object>> list = (List<Map<String, Object>>) rows.get(entry.getKey());
                anyRows = list;
                List<Object> edgeRows = new ArrayList<>();
                for (Map<String, Object> row : list.subList(0, Math.min(first, list.size()))) {
                    Map<String, Object> edge = new LinkedHashMap<>();
                    entry.getValue().nodes().forEach((key, shape) -> edge.put(key, shape.apply(row.get(key))));
                    String cursor = Page.cursor(String.valueOf(row.get(SORT_KEY)));
                    entry.getValue().cursors().forEach(key -> edge.put(key, cursor));
                    edgeRows.add(new Row(edge, aliased));
                }
                values.put(entry.getKey(), edgeRows);
            }
            if (!pageInfo.isEmpty()) {
                List<Map<String, Object>> list = anyRows != null ? anyRows
                        : (List<Map<String, Object>>) rows.get(KEYS);
                int shown = Math.min(first, list.size());
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("hasNextPage", list.size() > first);
                info.put("hasPreviousPage", after);
                info.put("startCursor", shown == 0 ? null : Page.cursor(String.valueOf(list.getFirst().get(SORT_KEY))));
                info.put("endCursor", shown == 0 ? null : Page.cursor(String.valueOf(list.get(shown - 1).get(SORT_KEY))));
                pageInfo.forEach((key, fields) -> {
                    Map<String, Object> selected = new LinkedHashMap<>();
                    fields.forEach((resultKey, name) -> selected.put(resultKey, info.get(name)));
                    values.put(key, new Row(selected, aliased));
                });
            }
            Object total = map.get(TOTAL);
            totalCount.forEach(key -> values.put(key, total));
            return new Row(values, aliased);
        }
    }
}
