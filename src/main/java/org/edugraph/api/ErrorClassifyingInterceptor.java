package org.edugraph.api;

import java.time.Duration;
import java.util.List;

import graphql.ExecutionResult;
import org.edugraph.EduGraphProperties;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives the errors graphql-java raises itself (syntax, validation, limits, coercion of
 * arguments) the contract's classification: they are all the client's to fix, so
 * BAD_REQUEST. Also answers a request that outlives {@code edugraph.graphql.timeout}
 * with a classified error. Errors already classified by {@link ApiExceptionResolver} pass as they are.
 */
@Component
@Order(0)
class ErrorClassifyingInterceptor implements WebGraphQlInterceptor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErrorClassifyingInterceptor.class);

    private final Duration timeout;

    ErrorClassifyingInterceptor(EduGraphProperties properties) {
        this.timeout = properties.graphql().timeout();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request)
                .timeout(timeout, Mono.fromSupplier(() -> timedOut(request)))
                .map(ErrorClassifyingInterceptor::classifyAll);
    }

    private static WebGraphQlResponse classifyAll(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.isEmpty() || errors.stream().allMatch(e -> e.getErrorType() instanceof ErrorKind)) {
            return response;
        }
        List<GraphQLError> classified = errors.stream().map(ErrorClassifyingInterceptor::classify).toList();
        return response.transform(builder -> builder.errors(classified));
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        log.warn("A request outlived the limit of {} s and was stopped (operation {}, {} characters)", timeout.toSeconds(),
                request.getOperationName() == null ? "unnamed" : request.getOperationName(), request.getDocument().length());
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message("The request took longer than the limit of %d s and was stopped".formatted(timeout.toSeconds()))
                .errorType(ErrorKind.INTERNAL_ERROR)
                .build();
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    private static GraphQLError classify(GraphQLError error) {
        if (error.getErrorType() instanceof ErrorKind) {
            return error;
        }
        ErrorKind kind;
        if (error.getErrorType() instanceof org.springframework.graphql.execution.ErrorType spring) {
            kind = ErrorKind.valueOf(spring.name());
        } else if (error.getErrorType() == ErrorType.DataFetchingException) {
            kind = ErrorKind.INTERNAL_ERROR;
        } else {
            kind = ErrorKind.BAD_REQUEST;
        }
        return GraphqlErrorBuilder.newError()
                .message(kind == ErrorKind.INTERNAL_ERROR ? "Internal error" : error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(kind)
                .build();
    }
}
