package org.edugraph.read;

import java.time.Clock;
import java.time.LocalDate;

import org.edugraph.EduGraphProperties;
import org.edugraph.api.ApiException;
import org.edugraph.neo4j.Graph;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Dialect;
import org.neo4j.cypherdsl.core.renderer.Renderer;
import org.springframework.stereotype.Component;

/**
 * Answers a root read with one statement: compiles its selection ({@link ReadCompiler}),
 * runs the statement through the gateway (in the request's read transaction), raises
 * NOT_FOUND for a reference the statement found missing, and shapes the answer into
 * {@link Row}s that the fields below read without a statement of their own.
 */
@Component
public class Reads {

    /** How statements are written: Neo4j 5 and later syntax, names escaped only where they must be. */
    static final Renderer RENDERER = Renderer.getRenderer(Configuration.newConfig()
            .withDialect(Dialect.NEO4J_5_DEFAULT_CYPHER).alwaysEscapeNames(false).build());

    private final Graph graph;
    private final ReadCompiler compiler;

    Reads(Graph graph, EduGraphProperties properties, Clock clock) {
        this.graph = graph;
        this.compiler = new ReadCompiler(properties.graphql(), () -> LocalDate.now(clock));
    }

    /** The answer to {@code root}: a {@link Row}, a list of them, or null. */
    public Object answer(Field root) {
        ReadCompiler.Compiled compiled = compiler.compile(root);
        java.util.Map<String, Object> row = graph.readRow(RENDERER.render(compiled.statement()), compiled.parameters());
        compiled.references().forEach((column, message) -> {
            if (!Boolean.TRUE.equals(row.get(column))) {
                throw ApiException.notFound(message);
            }
        });
        Object raw = row.get(ReadCompiler.RESULT);
        if (raw == null && compiled.missing() != null) {
            throw ApiException.notFound(compiled.missing());
        }
        return compiled.shape().apply(raw);
    }
}
