package org.edugraph.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.edugraph.EduGraphProperties;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Dialect;
import org.neo4j.cypherdsl.core.renderer.Renderer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Compiles a document's root field as the service would, without a database or a server:
 * the project's schema (graphql/schema.graphqls), graphql-java's normalization of the
 * document (fragments, aliases, variables), the compiler, and Cypher-DSL's pretty printer.
 */
final class CompiledReads {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final GraphQLSchema SCHEMA = schema();
    private static final Renderer PRETTY = Renderer.getRenderer(Configuration.newConfig().withPrettyPrint(true)
            .withDialect(Dialect.NEO4J_5_DEFAULT_CYPHER).build());

    private CompiledReads() {
    }

    private static GraphQLSchema schema() {
        try {
            String sdl = Files.readString(Path.of("graphql/schema.graphqls"));
            RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                    .scalar(org.edugraph.api.GraphQlScalars.DATE).scalar(org.edugraph.api.GraphQlScalars.DATE_TIME).build();
            return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The document's first root field, as the compiler reads it, with these variables. */
    static Field root(String document, Map<String, Object> variables) {
        Document parsed = Parser.parse(document);
        ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                SCHEMA, parsed, null, graphql.execution.RawVariables.of(variables));
        return Field.of(operation.getTopLevelFields().getFirst());
    }

    /** The compiled read of the document's first root field, with these variables. */
    static ReadCompiler.Compiled compile(String document, Map<String, Object> variables) {
        Field root = root(document, variables);
        EduGraphProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("edugraph", EduGraphProperties.class);
        return new ReadCompiler(properties.graphql(), () -> TODAY).compile(root);
    }

    static ReadCompiler.Compiled compile(String document) {
        return compile(document, Map.of());
    }

    /** The statement as people read it. */
    static String cypher(ReadCompiler.Compiled compiled) {
        return PRETTY.render(compiled.statement());
    }
}
