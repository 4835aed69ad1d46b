package org.edugraph.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of every refusal outside a GraphQL response, in the shape of a GraphQL error so
 * that a client reads one format: {@code {"errors":[{"message":..., "extensions":{"classification":...}}]}}.
 */
public final class ErrorBody {

    private ErrorBody() {
    }

    /** The body as a value, for handlers that return one. */
    public static Map<String, Object> of(ErrorKind kind, String message) {
        Map<String, Object> error = new LinkedHashMap<>(); // message first, as GraphQL writes an error
        error.put("message", message);
        error.put("extensions", Map.of("classification", kind.name()));
        return Map.of("errors", List.of(error));
    }

    /** The body as JSON bytes (UTF-8). */
    public static byte[] json(ErrorKind kind, String message) {
        return JsonMapper.shared().writeValueAsBytes(of(kind, message));
    }

    /** Writes the body with {@code status} to a response nothing has been written to yet. */
    public static void write(HttpServletResponse response, int status, ErrorKind kind, String message) throws IOException {
        byte[] body = json(kind, message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
