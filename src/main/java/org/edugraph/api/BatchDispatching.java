package org.edugraph.api;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Batches are sent when the request has nothing else left to do. graphql-java's default
 * sends a level's batches as soon as it counts that level done; our batch loaders answer
 * on Spring's task executor, so a level's rows could arrive while it dispatched and one
 * batch was at times split in two (1 school: 18 statements, 100 schools: 18 or 19).
 * Exhausted dispatching waits until no fetch is in flight, then sends every batch that
 * waits, so a request's statements depend on its shape only, never on its rows or on
 * timing.
 */
@Component
class BatchDispatching implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(context -> context.put(DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_EXHAUSTED_DISPATCHING, true))
                .build());
        return chain.next(request);
    }
}
