package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.Test;

/** The service's Cypher statements and transactions, counted for admins at /actuator/metrics. */
class GraphMetricsTest extends IntegrationTest {

    @Test
    void adminsReadHowManyStatementsAndTransactionsTheServiceHasRun() {
        double statements = metric("statements");
        double transactions = metric("transactions");
        assertThat(post("{ school(id: \"cs-panyu-ms\") { name region { name } mentoring { id } } }")).doesNotContainKey("errors");
        assertThat(metric("statements")).isGreaterThan(statements);
        assertThat(metric("transactions")).isGreaterThan(transactions);
        assertThat(metric("statements") - statements).as("statements, against the service's own count")
                .isLessThanOrEqualTo(graph.statementsRun());
    }

    @Test
    void othersDoNot() {
        http.get().uri("/actuator/metrics/edugraph.neo4j.statements").exchange().expectStatus().isUnauthorized();
    }

    @SuppressWarnings("unchecked")
    private double metric(String name) {
        Map<String, Object> body = http.get().uri("/actuator/metrics/edugraph.neo4j." + name)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ((List<Map<String, Object>>) body.get("measurements")).getFirst().get("value")).doubleValue();
    }
}
