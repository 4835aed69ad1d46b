package org.edugraph.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * The errors of a subscription, over WebSocket and server-sent events alike, by the same rule
 * as every other error ({@link ApiExceptionResolver#refusal}): a refused subscription (one more
 * than a client may hold) is BAD_REQUEST with its reason, a fault INTERNAL_ERROR with an
 * incident id. Without it, Spring answers every one as INTERNAL_ERROR "Subscription error".
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    SubscriptionErrors() {
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception) {
        var refusal = ApiExceptionResolver.refusal(exception, "a subscription");
        return GraphqlErrorBuilder.newError().errorType(refusal.kind()).message(refusal.message()).build();
    }
}
