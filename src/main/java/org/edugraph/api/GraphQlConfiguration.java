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
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(GraphQlScalars.DATE).scalar(GraphQlScalars.DATE_TIME);
    }
}
