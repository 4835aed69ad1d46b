package org.edugraph.read;

import java.time.Clock;
import java.time.LocalDate;

import org.edugraph.EduGraphProperties;
import org.edugraph.api.ApiException;
import org.edugraph.neo4j.Graph;
import org.edugraph.neo4j.CypherText;
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

    /** How statements are written ({@link CypherText#RENDERER}). */
    static final Renderer RENDERER = CypherText.RENDERER;

    private final Graph graph;
    private final ReadCompiler compiler;
    /**
     * The statements' texts by the signature of their requests: writing a statement out costs
     * more than building it (issue 18's profile of a school's page), and a frontend sends the same
     * few shapes of request; bounded.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, String> texts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2_000).build();

    Reads(Graph graph, EduGraphProperties properties, Clock clock) {
        this.graph = graph;
        this.compiler = new ReadCompiler(properties.graphql(), () -> LocalDate.now(clock));
    }

    /**
     * The objects named by {@code requests}, each with what its field selects: one statement per
     * type and selection, whatever the number of objects. A key that names nothing has no row.
     */
    @SuppressWarnings("unchecked")
    java.util.Map<RefLoader.Request, Row> refs(java.util.Collection<RefLoader.Request> requests) {
        java.util.Map<RefLoader.Request, Row> result = new java.util.HashMap<>();
        java.util.Map<String, java.util.List<RefLoader.Request>> groups = new java.util.LinkedHashMap<>();
        for (RefLoader.Request request : requests) {
            groups.computeIfAbsent(request.ref().type() + "|" + request.field().signature(), g -> new java.util.ArrayList<>())
                    .add(request);
        }
        for (var group : groups.entrySet()) {
            RefLoader.Request first = group.getValue().getFirst();
            var keys = group.getValue().stream().map(r -> r.ref().keys()).distinct().toList();
            ReadCompiler.Compiled compiled = compiler.compileRefs(first.ref().type(), keys, first.field());
            String cypher = texts.get("refs " + group.getKey(), signature -> RENDERER.render(compiled.statement()));
            Object raw = graph.read(Graph.Read.row(), cypher, compiled.parameters()).get(ReadCompiler.RESULT);
            java.util.Map<Object, Row> byKey = new java.util.HashMap<>();
            for (Row keyed : (java.util.List<Row>) compiled.shape().apply(raw)) {
                byKey.put(keyed.get("key"), (Row) keyed.get("row"));
            }
            group.getValue().forEach(r -> result.put(r, byKey.get(r.ref().keys())));
        }
        return result;
    }

    /** The answer to {@code root}: a {@link Row}, a list of them, or null. */
    public Object answer(Field root) {
        ReadCompiler.Compiled compiled = compiler.compile(root);
        String cypher = texts.get(root.signature(), signature -> RENDERER.render(compiled.statement()));
        java.util.Map<String, Object> row = graph.read(Graph.Read.row(), cypher, compiled.parameters());
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
