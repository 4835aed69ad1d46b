package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Relay connections: default and maximum page sizes, cursors, totalCount. */
class PagingTest extends IntegrationTest {

    @Test
    void firstDefaultsTo20() {
        graphQl.document("{ schools { edges { cursor } pageInfo { hasNextPage hasPreviousPage } } }")
                .execute()
                .path("schools.edges").entityList(Object.class).hasSize(20)
                .path("schools.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("schools.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void cursorsWalkEveryRowOnceInAStableOrder() {
        int total = graphQl.document("{ schools { totalCount } }").execute()
                .path("schools.totalCount").entity(Integer.class).get();
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            var response = graphQl.document("""
                    query($after: String) { schools(first: 7, after: $after) {
                        edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""")
                    .variable("after", after).execute();
            seen.addAll(response.path("schools.edges[*].node.id").entityList(String.class).get());
            hasNext = response.path("schools.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = response.path("schools.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void cursorsAreOpaque() {
        String cursor = graphQl.document("{ schools(first: 1) { edges { cursor node { id } } } }").execute()
                .path("schools.edges[0].cursor").entity(String.class).get();
        String id = graphQl.document("{ schools(first: 1) { edges { node { id } } } }").execute()
                .path("schools.edges[0].node.id").entity(String.class).get();
        assertThat(cursor).doesNotContain(id);
    }

    @Test
    void aPageLargerThan500IsRefusedNotClipped() {
        Map<String, Object> response = post("{ pairings(first: 501) { edges { cursor } } }");
        assertThat(classifications(response)).containsExactly("BAD_REQUEST");
        assertThat(response.toString()).contains("at most 500");
        assertThat(classifications(post("{ schools(first: 500) { edges { cursor } } }"))).isEmpty();
        assertThat(classifications(post("{ schools(first: -1) { edges { cursor } } }"))).containsExactly("BAD_REQUEST");
        assertThat(classifications(post("{ region(code: \"350000\") { schools(first: 1000) { totalCount } } }")))
                .containsExactly("BAD_REQUEST");
    }

    @Test
    void aCursorNotGivenOutByTheApiIsABadRequest() {
        Map<String, Object> response = post("{ educationGroups(after: \"not-a-cursor\") { totalCount } }");
        assertThat(classifications(response)).containsExactly("BAD_REQUEST");
    }

    @Test
    void totalCountCountsTheWholeFilterNotThePage() {
        graphQl.document("{ schools(filter: {regionCode: \"350500\"}, first: 2) { totalCount edges { cursor } } }")
                .execute()
                .path("schools.totalCount").entity(Integer.class).isEqualTo(14) // with 泉州市教育督导评估监测中心 (issue 21)
                .path("schools.edges").entityList(Object.class).hasSize(2);
    }

    /**
     * Counting reads every row the filter selects, so it is only done when selected: the
     * same one statement either way, with the count's reads only in the one that asks.
     */
    @Test
    void totalCountIsOnlyComputedWhenSelected() {
        long[] statements = new long[2];
        long[] dbHits = new long[2];
        String[] documents = {"{ schools(filter: {regionCode: \"350000\"}, first: 5) { edges { cursor } } }",
                "{ schools(filter: {regionCode: \"350000\"}, first: 5) { totalCount edges { cursor } } }"};
        for (int i = 0; i < 2; i++) {
            String document = documents[i];
            long before = graph.statementsRun();
            var profiled = org.edugraph.neo4j.Profiler.profile(graph, () -> post(document));
            statements[i] = graph.statementsRun() - before;
            dbHits[i] = profiled.stream().mapToLong(org.edugraph.neo4j.Graph.Profiled::dbHits).sum();
        }
        assertThat(statements).containsExactly(1, 1);
        assertThat(dbHits[1]).as("db hits with totalCount, without: " + dbHits[0]).isGreaterThan(dbHits[0] + 40);
    }
}
