package org.edugraph.neo4j;

import java.net.URI;

import org.edugraph.EduGraphProperties;
import org.neo4j.driver.AuthToken;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts Neo4j in-process when no {@code spring.neo4j.uri} is configured, and hands its
 * Bolt address to Boot's driver auto-configuration: the rest of the application cannot
 * tell an embedded database from a server or a cluster.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jConfiguration.NoNeo4jUri.class)
class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(EduGraphProperties properties) {
        var neo4j = properties.neo4j();
        return EmbeddedNeo4j.start(properties.dataDir(), neo4j.boltPort(), neo4j.queryTimeout(), neo4j.pageCache(),
                neo4j.password(), properties.startup().timeout());
    }

    /** For the compiled reads, which run in this process without Bolt unless edugraph.neo4j.in-process-reads is off. */
    @Bean
    InProcessDatabase inProcessDatabase(EmbeddedNeo4j neo4j) {
        return new InProcessDatabase(neo4j.database());
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return URI.create(neo4j.boltUri());
            }

            @Override
            public AuthToken getAuthToken() {
                return neo4j.authToken();
            }
        };
    }

    static final class NoNeo4jUri implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("spring.neo4j.uri");
            return uri == null || uri.isBlank();
        }
    }
}
