package org.edugraph.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a Relay connection. {@code countKey} says what to count when a client
 * selects {@code totalCount}; nothing is counted otherwise.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, BatchedLists.ListRequest countKey) {

    public record Edge<T>(T node, String cursor) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * Builds a page from up to {@code page.first() + 1} rows in cursor order: the extra
     * row only tells that there is a next page.
     */
    public static <T> Connection<T> of(List<T> rows, Page page, Function<T, String> sortKey, BatchedLists.ListRequest countKey) {
        boolean hasNext = rows.size() > page.first();
        List<Edge<T>> edges = rows.stream().limit(page.first())
                .map(row -> new Edge<>(row, Page.cursor(sortKey.apply(row))))
                .toList();
        PageInfo info = new PageInfo(hasNext, page.after() != null,
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, info, countKey);
    }
}
