package org.edugraph.imports;

import java.util.Map;

import org.edugraph.api.ErrorBody;
import org.edugraph.api.ErrorKind;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Answers an upload larger than the multipart limit with 413, and one that is not multipart
 * at all with 400, each with a classified error body,
 * like every other refusal, instead of an empty one. The limit is found while the request
 * is read, before any controller is chosen, hence advice rather than a controller's handler.
 */
@RestControllerAdvice
class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        String limit = e.getMaxUploadSize() > 0 ? " of " + (e.getMaxUploadSize() >> 20) + " MiB" : "";
        return ErrorBody.response(HttpStatus.CONTENT_TOO_LARGE, ErrorKind.BAD_REQUEST, "The file is larger than the upload limit"
                + limit + " (spring.servlet.multipart.max-file-size); split it");
    }

    /** A body that does not parse as multipart/form-data (a wrong or unclosed boundary) is the client's error. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Map<String, Object>> notMultipart(org.springframework.web.multipart.MultipartException e) {
        return ErrorBody.response(HttpStatus.BAD_REQUEST, ErrorKind.BAD_REQUEST, "The upload is not a readable multipart/form-data "
                + "body: send the file as the form part `file` (curl -F file=@pairings.csv)");
    }
}
