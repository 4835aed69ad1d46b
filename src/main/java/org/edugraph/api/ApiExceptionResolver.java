package org.edugraph.api;


import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns every exception of a data fetcher into a classified error. A client sees the
 * message of an {@link ApiException}; of anything else it sees only an id to quote,
 * which is logged with the cause: never a stack trace, a Cypher text or a class name.
 */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    ApiExceptionResolver() {
        // Whether a refusal is UNAUTHORIZED or FORBIDDEN depends on who is signed in: restore the
        // request's security context on the thread that resolves (as Spring's own security resolver does).
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        Refusal refusal = refusal(ex, env.getExecutionStepInfo().getPath());
        return GraphqlErrorBuilder.newError(env).errorType(refusal.kind()).message(refusal.message()).build();
    }

    /** What a client is told of an exception: a classification and words it can act on. */
    record Refusal(ErrorKind kind, String message) {
    }

    /**
     * The one rule for what a client learns of an exception raised while answering {@code where}
     * (a field's path, a subscription): an {@link ApiException} as it is; a refusal by a declared
     * rule as UNAUTHORIZED or FORBIDDEN; anything else an incident id, logged with the cause.
     */
    static Refusal refusal(Throwable ex, Object where) {
        if (ex instanceof ApiException api) {
            return new Refusal(api.kind(), api.getMessage());
        }
        if (ex instanceof org.springframework.security.access.AccessDeniedException) {
            // A declared rule (@PreAuthorize) refused: nobody signed in, or not an admin.
            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated()
                    || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
                return new Refusal(ErrorKind.UNAUTHORIZED, "Sign in as an admin to change the graph");
            }
            return new Refusal(ErrorKind.FORBIDDEN, "Only admins may change the graph; " + auth.getName() + " is not one");
        }
        if (ex instanceof org.springframework.security.core.AuthenticationException) {
            return new Refusal(ErrorKind.UNAUTHORIZED, "Sign in as an admin to change the graph");
        }
        if (cancelled(ex)) {
            // The request was cancelled (it outlived edugraph.graphql.timeout, and the client
            // has had its answer): every field still in flight ends here. The timeout is
            // logged once, by ErrorClassifyingInterceptor; a line per field would be
            // hundreds of thousands of lines for one large request.
            return new Refusal(ErrorKind.INTERNAL_ERROR, "The request was stopped");
        }
        if (org.edugraph.neo4j.TimeLimit.exceeded(ex)) {
            return new Refusal(ErrorKind.INTERNAL_ERROR, ErrorBody.Incident.warned(log, "a query exceeded its time limit at " + where)
                    .message("The request took longer than allowed and was stopped"));
        }
        if (ex instanceof ServiceUnavailableException) {
            return new Refusal(ErrorKind.INTERNAL_ERROR, ErrorBody.Incident.of(log, "the database is unavailable", ex)
                    .message("The database is unavailable; try again"));
        }
        return new Refusal(ErrorKind.INTERNAL_ERROR, ErrorBody.Incident.of(log, "failure at " + where, ex).message());
    }

    private static boolean cancelled(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof AbortExecutionException) {
                return true;
            }
        }
        return false;
    }


}
