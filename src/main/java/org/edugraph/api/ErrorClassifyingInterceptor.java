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
 * Gives the errors graphql-java raises itself the contract's classification. Only those
 * of an invalid request (syntax, validation, coercion of arguments, the limits that abort
 * a request before it runs) are BAD_REQUEST, their messages freed of graphql-java's own
 * names ({@code StringValue{value='x'}} reads {@code "x"}); any other (a null in a non-null
 * field: a server fault) is INTERNAL_ERROR with an incident id that is logged with what
 * graphql-java said. Also answers a request that outlives {@code edugraph.graphql.timeout}
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
        errors.stream().filter(e -> e.getErrorType() == ErrorType.ExecutionAborted).findFirst()
                .ifPresent(e -> log.warn("Request refused before it ran: {}", e.getMessage())); // once per request
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

    /** What graphql-java reports of a request that is not valid: the client's to fix. */
    private static final java.util.Set<Object> CLIENT_ERRORS = java.util.Set.of(ErrorType.InvalidSyntax,
            ErrorType.ValidationError, ErrorType.OperationNotSupported, ErrorType.ExecutionAborted);

    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile(
            "(?:String|Int|Float|Boolean|Enum)Value\\{(?:value|name)=('?)(.*?)\\1\\}");
    private static final java.util.regex.Pattern NODE = java.util.regex.Pattern.compile("'?\\b[A-Z][A-Za-z]*(?:Value|Field)\\{.*?\\}+'?");
    private static final java.util.regex.Pattern VALIDATION = java.util.regex.Pattern.compile(
            "^Validation error \\((\\w+)@\\[([^\\]]*)\\]\\) : ");

    /** A graphql-java message as a client reads it: values as written, no names of graphql-java's classes. */
    static String readable(String message) {
        if (message == null) {
            return "Invalid request";
        }
        String m = VALIDATION.matcher(message).replaceFirst(r -> r.group(2).isEmpty() ? "Invalid request: "
                : "Invalid request at " + java.util.regex.Matcher.quoteReplacement(r.group(2)) + ": ");
        m = LITERAL.matcher(m).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(r.group(2)));
        // Lists and objects of values: said as "a value" rather than as graphql-java's nodes.
        return NODE.matcher(m).replaceAll("a value");
    }

    private static GraphQLError classify(GraphQLError error) {
        if (error.getErrorType() instanceof ErrorKind) {
            return error;
        }
        ErrorKind kind;
        if (error.getErrorType() instanceof org.springframework.graphql.execution.ErrorType spring) {
            kind = ErrorKind.valueOf(spring.name());
        } else if (CLIENT_ERRORS.contains(error.getErrorType())
                // graphql-java's good-faith check refused an introspection query (a field asked for twice, too big)
                || "BadFaithIntrospection".equals(String.valueOf(error.getErrorType()))) {
            kind = ErrorKind.BAD_REQUEST;
        } else {
            kind = ErrorKind.INTERNAL_ERROR;
        }
        String message;
        if (kind == ErrorKind.INTERNAL_ERROR) {
            message = ErrorBody.Incident.of(log, "%s at %s: %s".formatted(error.getErrorType(), error.getPath(), error.getMessage()),
                    null).message();
        } else {
            message = readable(error.getMessage());
        }
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(kind)
                .build();
    }
}
