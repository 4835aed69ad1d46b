package org.edugraph.read;

import java.util.ArrayList;

import org.edugraph.api.Ref;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the objects that mutations, analytics and subscriptions name by {@link Ref}: the refs
 * of one level of a request wait for each other and go as one compiled statement per type
 * and selection ({@link Reads#refs}). The one batch loader of the contract's reads.
 */
@Component
class RefLoader {

    static final String NAME = "edugraph.refs";

    /** One object to read: its reference, and the field whose value it is (what it selects). */
    record Request(Ref ref, Field field) {
    }

    RefLoader(BatchLoaderRegistry registry, Reads reads) {
        registry.<Request, Row>forName(NAME).registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> reads.refs(new ArrayList<>(keys))));
    }
}
