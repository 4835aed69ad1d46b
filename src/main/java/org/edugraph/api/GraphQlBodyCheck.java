package org.edugraph.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A POST to /graphql whose JSON body is not a GraphQL request (an object with a string
 * {@code query}, and when present a string {@code operationName} and object
 * {@code variables} and {@code extensions}) is answered 400 with a classified error before anything else reads it:
 * Spring's handler met a body of {@code null} with a NullPointerException, a 500. The body
 * is read once here and handed on as it came.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GraphQlBodyCheck extends OncePerRequestFilter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GraphQlBodyCheck.class);

    private final long maxBody;

    GraphQlBodyCheck(org.edugraph.EduGraphProperties properties) {
        this.maxBody = properties.graphql().maxBodySize().toBytes();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || !"/graphql".equals(request.getRequestURI())
                || type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Larger than allowed: refused before it is read (by its length) or as soon as it passes the limit.
        byte[] body = request.getContentLengthLong() > maxBody ? null : request.getInputStream().readNBytes((int) maxBody + 1);
        if (body == null || body.length > maxBody) {
            log.warn("A GraphQL request body over {} bytes was refused", maxBody);
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ("The request body is larger than %d MiB"
                    + " (edugraph.graphql.max-body-size); send large CSV files to /import/schools or /import/pairings")
                    .formatted(maxBody >> 20));
            return;
        }
        String problem = problem(body);
        if (problem != null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, problem);
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    /** Answers {@code status} with the error body of GraphQL, classified BAD_REQUEST. */
    static void refuse(HttpServletResponse response, int status, String problem) throws IOException {
        ErrorBody.write(response, status, ErrorKind.BAD_REQUEST, problem);
    }

    /** What is wrong with the body as a GraphQL request, or null. */
    static String problem(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return "The body is not JSON; a GraphQL request is {\"query\": \"...\", \"variables\": {...}}";
        }
        if (request == null || !request.isObject()) {
            return "The body is not a GraphQL request: it must be a JSON object such as {\"query\": \"{ regions { name } }\"}";
        }
        JsonNode query = request.get("query");
        if (query == null || !query.isString() || query.asString().isBlank()) {
            return "The body has no query: give \"query\" as a string holding the GraphQL document";
        }
        JsonNode operationName = request.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            return "\"operationName\" must be a string naming an operation of the document, or left out";
        }
        for (String field : new String[] {"variables", "extensions"}) {
            JsonNode value = request.get(field);
            if (value != null && !value.isNull() && !value.isObject()) {
                return "\"%s\" must be a JSON object such as {\"id\": \"cs-panyu-ms\"}, or left out".formatted(field);
            }
        }
        return null;
    }

    /** The request with its body, already read, to be read again. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BytesInputStream(body);
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
