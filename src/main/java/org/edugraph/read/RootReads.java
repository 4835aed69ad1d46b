package org.edugraph.read;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import graphql.schema.DataFetcher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The contract's root reads, each answered by one compiled statement ({@link Reads}): what
 * they select, at any depth, comes with them. Plain data fetchers rather than annotated
 * handlers: a handler resolves its arguments, goes through a Mono and a context snapshot,
 * which cost more CPU than running the statement in process (issue 18's profile of a
 * school's page). Each read still runs on the executor Spring gives data fetchers (virtual
 * threads), not on the request's thread, so that a request that outlives
 * {@code edugraph.graphql.timeout} is answered at the limit and the aliases of one request
 * run side by side.
 */
@Component
class RootReads implements RuntimeWiringConfigurer {

    /** The Query fields the read compiler answers (its roots, {@link ReadCompiler}). */
    static final List<String> FIELDS = List.of("school", "schools", "searchSchools", "region", "regions",
            "educationGroup", "educationGroups", "program", "programs", "pairing", "pairings");

    private final Reads reads;
    private final Executor executor;

    RootReads(Reads reads, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.reads = reads;
        this.executor = executor;
    }

    @Override
    public void configure(graphql.schema.idl.RuntimeWiring.Builder wiring) {
        DataFetcher<Object> answer = env -> {
            Field field = Field.root(env);
            return CompletableFuture.supplyAsync(() -> reads.answer(field), executor);
        };
        wiring.type("Query", type -> {
            FIELDS.forEach(field -> type.dataFetcher(field, answer));
            return type;
        });
    }
}
