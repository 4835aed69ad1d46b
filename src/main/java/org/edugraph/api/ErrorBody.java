package org.edugraph.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal the service makes, in one shape whatever refuses (the GraphQL layer, an upload,
 * an export, the error page, sign-in throttling, the cross-site guard):
 * {@code {"errors":[{"message":..., "extensions":{"classification":...}}]}}, as GraphQL writes an
 * error, so that a client reads one format. A server fault is an {@link Incident}: its id is in
 * the message and in the log line that holds the cause; the client sees no more.
 */
public final class ErrorBody {

    private ErrorBody() {
    }

    /** One error as GraphQL writes it: message first, then its classification. */
    public static Map<String, Object> error(ErrorKind kind, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("classification", kind.name()));
        return error;
    }

    /** The body as a value, for handlers that return one. */
    public static Map<String, Object> of(ErrorKind kind, String message) {
        return Map.of("errors", List.of(error(kind, message)));
    }

    /** The body as JSON bytes (UTF-8). */
    public static byte[] json(ErrorKind kind, String message) {
        return JsonMapper.shared().writeValueAsBytes(of(kind, message));
    }

    /** The body as a response of {@code status}, for controllers and exception handlers. */
    public static ResponseEntity<Map<String, Object>> response(HttpStatusCode status, ErrorKind kind, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(of(kind, message));
    }

    /** Writes the body with {@code status} to a response nothing has been written to yet, as application/json. */
    public static void write(HttpServletResponse response, int status, ErrorKind kind, String message) throws IOException {
        write(response, status, MediaType.APPLICATION_JSON_VALUE, kind, message);
    }

    /** {@link #write(HttpServletResponse, int, ErrorKind, String)} with a content type of the caller's (GraphQL's). */
    public static void write(HttpServletResponse response, int status, String contentType, ErrorKind kind, String message)
            throws IOException {
        byte[] body = json(kind, message);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        // No Content-Length: the body stays in the response's buffer until the request is done, so that what the
        // filters do after a refusal (a failed sign-in counted and logged) is done before the client has its answer.
        response.getOutputStream().write(body);
    }

    /**
     * A server fault as a client hears of it: a new id, logged with what happened (and its cause, when
     * there is one) by the one who opens it, and named in the message.
     */
    public record Incident(String id) {

        /** A fault with a cause: logged as an error with its stack trace. */
        public static Incident of(Logger log, String what, Throwable cause) {
            Incident incident = new Incident(UUID.randomUUID().toString());
            log.error("Incident {}: {}", incident.id(), what, cause);
            return incident;
        }

        /** An expected fault (a time limit reached): logged as a warning, without a stack trace. */
        public static Incident warned(Logger log, String what) {
            Incident incident = new Incident(UUID.randomUUID().toString());
            log.warn("Incident {}: {}", incident.id(), what);
            return incident;
        }

        /** "Internal error (incident ...)". */
        public String message() {
            return message("Internal error");
        }

        /** {@code words} followed by the incident id, as the client reads it. */
        public String message(String words) {
            return words + " (incident " + id + ")";
        }
    }
}
