package org.edugraph.api;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the container's error dispatch answers (a failure outside GraphQL: a malformed URL, a
 * request no handler took, an exception a handler let out), in the body every other refusal
 * has: {@code {"errors":[{"message", "extensions":{"classification"}}]}}, never Spring's
 * default page with its exception. A server fault gets an incident id that is logged with
 * its cause. {@code /error} asked for directly is no error at all: 404.
 */
@RestController
class ErrorPage implements ErrorController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErrorPage.class);

    @RequestMapping(path = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status)) {
            return ErrorBody.response(HttpStatus.NOT_FOUND, ErrorKind.NOT_FOUND, "No page at /error");
        }
        HttpStatus http = HttpStatus.resolve(status);
        if (http == null || http.is5xxServerError()) {
            ErrorBody.Incident incident = ErrorBody.Incident.of(log, "%s failed with %s".formatted(
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            return ErrorBody.response(HttpStatus.INTERNAL_SERVER_ERROR, ErrorKind.INTERNAL_ERROR, incident.message());
        }
        ErrorKind kind = switch (http) {
            case UNAUTHORIZED -> ErrorKind.UNAUTHORIZED;
            case FORBIDDEN -> ErrorKind.FORBIDDEN;
            case NOT_FOUND -> ErrorKind.NOT_FOUND;
            case CONFLICT -> ErrorKind.CONFLICT;
            default -> ErrorKind.BAD_REQUEST;
        };
        return ErrorBody.response(http, kind, http.value() + " " + http.getReasonPhrase());
    }
}
