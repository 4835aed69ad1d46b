package org.edugraph.api;

import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
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

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException api) {
            return error(env, api.kind(), api.getMessage());
        }
        if (cancelled(ex)) {
            // The request was cancelled (it outlived edugraph.graphql.timeout, and the client
            // has had its answer): every field still in flight ends here. The timeout is
            // logged once, by ErrorClassifyingInterceptor; a line per field would be
            // hundreds of thousands of lines for one large request.
            return error(env, ErrorKind.INTERNAL_ERROR, "The request was stopped");
        }
        String incident = UUID.randomUUID().toString();
        if (ex instanceof Neo4jException neo4j && isTimeout(neo4j)) {
            log.warn("Incident {}: a query exceeded its time limit at {}", incident, env.getExecutionStepInfo().getPath());
            return error(env, ErrorKind.INTERNAL_ERROR,
                    "The request took longer than allowed and was stopped (incident " + incident + ")");
        }
        if (ex instanceof ServiceUnavailableException) {
            log.error("Incident {}: the database is unavailable", incident, ex);
            return error(env, ErrorKind.INTERNAL_ERROR, "The database is unavailable; try again (incident " + incident + ")");
        }
        log.error("Incident {}: failure at {}", incident, env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorKind.INTERNAL_ERROR, "Internal error (incident " + incident + ")");
    }

    private static boolean cancelled(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof AbortExecutionException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Neo4jException ex) {
        String code = ex.code() == null ? "" : ex.code();
        return ex instanceof ClientException && code.contains("Timeout") || code.contains("TransactionTimedOut");
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorKind kind, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(kind).message(message).build();
    }
}
