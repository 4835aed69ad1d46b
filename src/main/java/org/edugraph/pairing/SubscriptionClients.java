package org.edugraph.pairing;

import java.net.InetSocketAddress;
import java.util.Map;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells a subscription which client opened it (its address, over SSE or WebSocket), so
 * that {@link PairingEvents} can hold each client to a number of open subscriptions.
 */
@Component
class SubscriptionClients implements WebGraphQlInterceptor {

    /** The GraphQL context key holding the client's address. */
    static final String CLIENT = "edugraph.client";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress address = request.getRemoteAddress();
        if (address == null && request instanceof WebSocketGraphQlRequest socket) {
            address = socket.getSessionInfo().getRemoteAddress();
        }
        String client = address == null ? "unknown" : address.getAddress().getHostAddress();
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CLIENT, client)).build());
        return chain.next(request);
    }
}
