package org.edugraph.neo4j;

import org.edugraph.EduGraphProperties;
import org.neo4j.driver.Driver;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.neo4j.health.Neo4jHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code neo4j} component of {@code /actuator/health}: Boot's own check of the database
 * (its edition and version for admins), answered within {@code edugraph.neo4j.health-timeout}.
 * Named as Boot names its own, which it then leaves out.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jHealthConfiguration {

    @Bean
    HealthIndicator neo4jHealthIndicator(Driver driver, EduGraphProperties properties) {
        return new BoundedHealthIndicator("Neo4j", new Neo4jHealthIndicator(driver), properties.neo4j().healthTimeout());
    }
}
