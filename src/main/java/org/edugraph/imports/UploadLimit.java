package org.edugraph.imports;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Answers an upload larger than the multipart limit with 413 and a classified error body,
 * like every other refusal, instead of an empty one. The limit is found while the request
 * is read, before any controller is chosen, hence advice rather than a controller's handler.
 */
@RestControllerAdvice
class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e) {
        String limit = e.getMaxUploadSize() > 0 ? " of " + (e.getMaxUploadSize() >> 20) + " MiB" : "";
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Map.of("errors", List.of(Map.of(
                "message", "The file is larger than the upload limit" + limit
                        + " (spring.servlet.multipart.max-file-size); split it",
                "extensions", Map.of("classification", "BAD_REQUEST")))));
    }
}
