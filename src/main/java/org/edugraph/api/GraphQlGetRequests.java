package org.edugraph.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries over GET, as GraphQL over HTTP allows: {@code GET /graphql?query=...&variables=...
 * &operationName=...} is answered as the same request POSTed, through the same handler,
 * limits and errors, so that a query can be a link or be cached. A mutation or subscription
 * over GET is HTTP 405 (it would change data on a link's click); {@code variables} or
 * {@code extensions} that are not a JSON object, or a missing or repeated {@code query},
 * are 400. Runs after sign-in, so GET follows the read authorisation of POST.
 */
@Component
@Order(0)
class GraphQlGetRequests extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !"/graphql".equals(request.getRequestURI())
                || "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] queries = request.getParameterValues("query");
        if (queries == null || queries.length != 1 || queries[0].isBlank()) {
            GraphQlBodyCheck.refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                    "A GET to /graphql needs one `query` parameter holding the document");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", queries[0]);
        String operationName = request.getParameter("operationName");
        if (operationName != null && !operationName.isEmpty()) {
            body.put("operationName", operationName);
        }
        for (String field : new String[] {"variables", "extensions"}) {
            String text = request.getParameter(field);
            if (text == null || text.isEmpty()) {
                continue;
            }
            JsonNode value;
            try {
                value = JSON.readTree(text);
            } catch (JacksonException e) {
                value = null;
            }
            if (value == null || !value.isObject()) {
                GraphQlBodyCheck.refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                        "`%s` must be a JSON object such as {\"id\":\"cs-panyu-ms\"}".formatted(field));
                return;
            }
            body.put(field, value);
        }
        if (!isQuery(queries[0], operationName)) {
            response.setHeader("Allow", "POST");
            GraphQlBodyCheck.refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "Mutations and subscriptions are sent with POST, never GET");
            return;
        }
        chain.doFilter(new AsPost(request, JSON.writeValueAsBytes(body)), response);
    }

    /** Whether the operation to run is a query; a document that does not parse is left to the handler to report. */
    static boolean isQuery(String document, String operationName) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (RuntimeException invalid) {
            return true;
        }
        return parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.isEmpty() || operationName.equals(op.getName()))
                .allMatch(op -> op.getOperation() == OperationDefinition.Operation.QUERY);
    }


    /** The GET as the POST it stands for: same URI, a JSON body made of its parameters. */
    private static final class AsPost extends HttpServletRequestWrapper {
        private final byte[] body;

        AsPost(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public String getMethod() {
            return "POST";
        }

        @Override
        public String getContentType() {
            return "application/json";
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? java.util.Collections.enumeration(java.util.List.of(getContentType()))
                    : super.getHeaders(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaderNames() {
            var names = new java.util.ArrayList<>(java.util.Collections.list(super.getHeaderNames()));
            if (names.stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                names.add("Content-Type");
            }
            return java.util.Collections.enumeration(names);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BytesInputStream(body);
        }
    }
}
