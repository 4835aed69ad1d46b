package org.edugraph.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.edugraph.neo4j.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Pages and counts of filtered lists, for any number of requests in one statement.
 * Requests that share a shape (the same filter fields set, the same page size) run
 * together: one top-level list costs one statement, and so do the lists of every
 * parent at one level of a request (the schools of each region, the pairings of each
 * program). Filters are Cypher conditions over the row {@code n} and the request's
 * values {@code k.<name>}: fixed text, never client text, with every value a parameter.
 * A request may name an anchor: the clause that finds its candidate rows from an index
 * (a region's code, then down its PART_OF tree; text indexes for a substring), so that a
 * filtered list starts from what it filters on instead of reading every row of its label
 * and testing each. The conditions are then checked on the candidates only.
 */
@Component
public class BatchedLists {

    /**
     * One list to page or count.
     *
     * @param label      the node label listed
     * @param anchor     a clause binding {@code n} to every candidate row, from {@code k}; null for every
     *                   node of the label
     * @param conditions Cypher conditions over {@code n} and {@code k}, by parameter name
     * @param values     the value of each condition, by the same name
     * @param page       the page, or null when counting
     */
    public record ListRequest(String label, String anchor, Map<String, String> conditions, Map<String, Object> values,
            Page page) {

        public ListRequest {
            conditions = new TreeMap<>(conditions);
            values = Map.copyOf(values);
        }

        /** A list of every node of {@code label} that meets the conditions. */
        public ListRequest(String label, Map<String, String> conditions, Map<String, Object> values, Page page) {
            this(label, null, conditions, values, page);
        }

        /** The same list without its page: what `totalCount` counts. */
        public ListRequest unpaged() {
            return new ListRequest(label, anchor, conditions, values, null);
        }

        String shape(String projection) {
            return label + anchor + conditions.keySet() + (page == null ? "count" : page.first() + ":" + (page.after() != null))
                    + projection;
        }

        /** The clause that binds {@code n} to every row of this list. */
        String match(boolean paged) {
            String where = where(paged);
            if (anchor == null) {
                return "MATCH (n:%s)\n      WHERE %s".formatted(label, where);
            }
            return where.equals("true") ? anchor : anchor + "\n      WITH n WHERE " + where;
        }

        private String where(boolean paged) {
            List<String> parts = new ArrayList<>(conditions.values());
            if (paged && page.after() != null) {
                parts.add("n.id > k.after");
            }
            return parts.isEmpty() ? "true" : String.join("\n        AND ", parts);
        }
    }

    private final Graph graph;

    public BatchedLists(Graph graph) {
        this.graph = graph;
    }

    /**
     * The rows of each request's page, in id order, with one extra row where a next page
     * exists; {@code projection} is a Cypher expression over {@code n}.
     */
    public <T> Map<ListRequest, List<T>> pages(List<ListRequest> requests, String projection, Function<Value, T> mapper) {
        Map<ListRequest, List<T>> result = new HashMap<>();
        for (List<ListRequest> group : byShape(requests, projection)) {
            ListRequest first = group.getFirst();
            String cypher = """
                    UNWIND $keys AS k
                    CALL (k) {
                      %s
                      WITH n ORDER BY n.id LIMIT $limit
                      RETURN collect(%s) AS rows
                    }
                    RETURN k.index AS index, rows""".formatted(first.match(true), projection);
            List<Map<String, Object>> keys = keys(group);
            for (Record r : graph.read(cypher, Map.of("keys", keys, "limit", first.page().first() + 1))) {
                result.put(group.get(r.get("index").asInt()), r.get("rows").asList(mapper::apply));
            }
        }
        return result;
    }

    /** How many rows each request's filter selects. */
    public Map<ListRequest, Integer> counts(List<ListRequest> requests) {
        Map<ListRequest, Integer> result = new HashMap<>();
        for (List<ListRequest> group : byShape(requests, "")) {
            ListRequest first = group.getFirst();
            String cypher = """
                    UNWIND $keys AS k
                    CALL (k) {
                      %s
                      RETURN count(n) AS total
                    }
                    RETURN k.index AS index, total""".formatted(first.match(false));
            for (Record r : graph.read(cypher, Map.of("keys", keys(group)))) {
                result.put(group.get(r.get("index").asInt()), r.get("total").asInt());
            }
        }
        return result;
    }

    private static Iterable<List<ListRequest>> byShape(List<ListRequest> requests, String projection) {
        Map<String, List<ListRequest>> groups = new LinkedHashMap<>();
        for (ListRequest request : requests) {
            groups.computeIfAbsent(request.shape(projection), s -> new ArrayList<>()).add(request);
        }
        return groups.values();
    }

    private static List<Map<String, Object>> keys(List<ListRequest> group) {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            ListRequest request = group.get(i);
            Map<String, Object> key = new HashMap<>(request.values());
            key.put("index", i);
            if (request.page() != null && request.page().after() != null) {
                key.put("after", request.page().after());
            }
            keys.add(key);
        }
        return keys;
    }
}
