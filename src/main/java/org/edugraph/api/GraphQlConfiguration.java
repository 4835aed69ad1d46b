package org.edugraph.api;


import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.parser.ParserOptions;
import org.edugraph.EduGraphProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The scalars of the contract ({@link GraphQlScalars}) and the limits every request is held to. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    GraphQlConfiguration(EduGraphProperties properties) {
        var limits = properties.graphql();
        // Parser limits are process-wide in graphql-java: set once, before any request.
        ParserOptions.setDefaultParserOptions(ParserOptions.getDefaultParserOptions().transform(o -> o
                .maxTokens(limits.maxTokens())
                .maxCharacters(limits.maxCharacters())
                .maxWhitespaceTokens(limits.maxTokens() * 10)
                .maxRuleDepth(limits.maxDepth() * 5)));
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions().transform(o -> o
                .maxTokens(limits.maxTokens())
                .maxCharacters(limits.maxCharacters())
                .maxWhitespaceTokens(limits.maxTokens() * 10)
                .maxRuleDepth(limits.maxDepth() * 5)));
    }

    @Bean
    RequestSize requestSize(EduGraphProperties properties) {
        return new RequestSize(properties.graphql().maxSelections(), properties.graphql().maxDepth());
    }

    @Bean
    RequestShape requestShape(EduGraphProperties properties) {
        return new RequestShape(properties.graphql().maxRootFields(), properties.graphql().maxAliases());
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(EduGraphProperties properties) {
        return new MaxQueryComplexityInstrumentation(properties.graphql().maxComplexity(),
                new RequestCost(properties.graphql().defaultPageSize()));
    }

    @Bean
    DocumentCache documentCache(EduGraphProperties properties) {
        return new DocumentCache(properties.graphql().documentCache().toBytes());
    }

    @Bean
    org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer documentCacheCustomizer(DocumentCache cache) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    /**
     * No observation per data fetcher: a compiled read's fields are read from its row, and a
     * timer and a span for each of them cost more than the reading (issue 18's profile). The
     * observation of each request stays.
     */
    @Bean
    io.micrometer.observation.ObservationPredicate noObservationPerDataFetcher() {
        return (name, context) -> !name.equals("graphql.datafetcher");
    }

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(GraphQlScalars.DATE).scalar(GraphQlScalars.DATE_TIME);
    }
}
