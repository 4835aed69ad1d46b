package org.edugraph.neo4j;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database round trips of the running service as metrics
 * ({@code /actuator/metrics/edugraph.neo4j.statements} and {@code .transactions}, for
 * admins): what a benchmark that drives the service from outside reads to report
 * statements and transactions per request.
 */
@Configuration(proxyBeanMethods = false)
class GraphMetrics {

    @Bean
    FunctionCounter statementsCounter(MeterRegistry registry, Graph graph) {
        return FunctionCounter.builder("edugraph.neo4j.statements", graph, Graph::statementsRun)
                .description("Cypher statements run").register(registry);
    }

    @Bean
    FunctionCounter transactionsCounter(MeterRegistry registry, Graph graph) {
        return FunctionCounter.builder("edugraph.neo4j.transactions", graph, Graph::transactionsRun)
                .description("Neo4j sessions (transactions) opened").register(registry);
    }
}
