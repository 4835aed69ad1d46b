package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Callable;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18's "transactions the Spring way", measured: the compiled statement of a school's page
 * through Spring Data Neo4j's {@code Neo4jClient} in a read-only transaction of its
 * {@code Neo4jTransactionManager} (with its bookmark manager), beside the driver's own managed
 * transaction over the same Bolt connection pool and the in-process read the embedded default
 * uses. Same statement, same parameters, same answer.
 *
 * <p>Compiled and run only with the {@code sdn} profile, which puts spring-data-neo4j on the
 * test classpath: {@code mvn test -Pbench,sdn -Dtest=SpringDataClientBenchmark}. It is not a
 * test dependency otherwise because Spring Data on the classpath turns on Spring Boot's
 * connection adapters for Spring Data's Window and Slice, which would then claim the
 * compiled reads' connections.
 */
class SpringDataClientBenchmark extends IntegrationTest {

    @Autowired
    Driver driver;

    @Test
    void theSchoolPageStatementThroughTheDriverNeo4jClientAndInProcess() throws Exception {
        var neo4j = TestNeo4j.inProcess().orElseThrow(() -> new IllegalStateException("needs the in-process test Neo4j"));
        var compiled = org.edugraph.read.CompiledReadsForBench.schoolPage("cs-panyu-ms");
        String cypher = compiled.getKey();
        Map<String, Object> parameters = compiled.getValue();
        Callable<Object> bolt = InProcessReadBenchmark.overBolt(driver, cypher, parameters);
        var bookmarks = Neo4jBookmarkManager.create();
        var transactions = new Neo4jTransactionManager(driver, DatabaseSelectionProvider.getDefaultSelectionProvider(), bookmarks);
        var client = Neo4jClient.with(driver).withNeo4jBookmarkManager(bookmarks).build();
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        Callable<Object> springData = () -> readOnly.execute(status -> client.query(cypher).bindAll(parameters)
                .fetchAs(Object.class).mappedBy((types, r) -> r.get("result").asObject()).one().orElseThrow());
        var db = neo4j.database();
        Callable<Object> inProcess = () -> db.executeTransactionally(cypher, parameters, result -> result.next().get("result"));
        assertThat(springData.call()).isEqualTo(bolt.call()).isEqualTo(inProcess.call());
        // Each way twice, alternating, so that neither gains from running last on a warmer JVM.
        for (int round = 0; round < 2; round++) {
            InProcessReadBenchmark.measure("Bolt (driver, managed transaction)", bolt);
            InProcessReadBenchmark.measure("Bolt (Neo4jClient in a Neo4jTransactionManager read-only transaction)", springData);
            InProcessReadBenchmark.measure("in process", inProcess);
        }
    }
}
