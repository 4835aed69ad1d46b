package org.edugraph.network;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.edugraph.api.ApiException;
import org.edugraph.api.ErrorBody;
import org.edugraph.api.ErrorKind;
import org.edugraph.network.measures.Measures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The file exports over plain HTTP GET, for tools that do not speak GraphQL: the network
 * as GraphML or GEXF, the pairings as CSV. The query string is read and every id it names
 * is checked before the answer starts, so a refusal is a whole JSON error (the API's
 * shape, with its classification), never the tail of a file. Reads: open or not as
 * {@code edugraph.security.public-read} says, like /graphql.
 */
@RestController
class NetworkExportController {

    private static final Logger log = LoggerFactory.getLogger(NetworkExportController.class);

    static final MediaType GRAPHML = MediaType.parseMediaType("application/graphml+xml");
    static final MediaType GEXF = MediaType.parseMediaType("application/gexf+xml");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final NetworkExport exports;

    NetworkExportController(NetworkExport exports) {
        this.exports = exports;
    }

    @GetMapping("/export/network.graphml")
    ResponseEntity<StreamingResponseBody> graphMl(@RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request, HttpServletResponse response) {
        return export(ExportRequest.Kind.NETWORK, query, request, response, GRAPHML, "network", "graphml", exports::graphMl);
    }

    @GetMapping("/export/network.gexf")
    ResponseEntity<StreamingResponseBody> gexf(@RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request, HttpServletResponse response) {
        return export(ExportRequest.Kind.NETWORK, query, request, response, GEXF, "network", "gexf", exports::gexf);
    }

    @GetMapping("/export/pairings.csv")
    ResponseEntity<StreamingResponseBody> pairingsCsv(@RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request, HttpServletResponse response) {
        return export(ExportRequest.Kind.PAIRINGS, query, request, response, CSV, "pairings", "csv", exports::pairingsCsv);
    }

    /** Writes one kind of file: the request, the measures when it carries them (else null), where to. */
    @FunctionalInterface
    interface FileWriter {
        void write(ExportRequest request, Measures measures, OutputStream out);
    }

    private ResponseEntity<StreamingResponseBody> export(ExportRequest.Kind kind, MultiValueMap<String, String> query,
            HttpServletRequest request, HttpServletResponse response, MediaType type, String what, String extension,
            FileWriter write) {
        ExportRequest export = ExportRequest.parse(kind, query);
        Measures measures;
        try {
            exports.check(export);
            // A HEAD reads no network, so it does not measure one either.
            measures = HttpMethod.HEAD.matches(request.getMethod()) ? null : exports.measures(export);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ApiException(ErrorKind.INTERNAL_ERROR, ErrorBody.Incident.of(log,
                    "checking the ids of an export, or measuring its network, failed", e).message());
        }
        // The container's limit on asynchronous requests (30 s by default) must not cut a
        // long export short: the export's transaction timeout bounds it instead.
        AsyncWebRequest async = WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest();
        if (async != null) {
            async.setTimeout(exports.timeout().plusMinutes(1).toMillis());
        }
        var ok = ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.fileName(what, extension)).build().toString());
        if (HttpMethod.HEAD.matches(request.getMethod())) {
            // What a GET would answer, without reading the network only to throw it away.
            return ok.build();
        }
        return ok.body(out -> stream(write, export, measures, out, response));
    }

    /**
     * Writes the file; on a failure before anything reached the client, answers a JSON
     * error instead; after, breaks the connection, so that the client sees an incomplete
     * download rather than a short file that looks whole.
     */
    private void stream(FileWriter write, ExportRequest export, Measures measures, OutputStream out,
            HttpServletResponse response) throws IOException {
        // Taken here, where it is sure to be given back, and before anything is sent, so a
        // refusal is still a whole JSON answer.
        if (!exports.gate().enter(Duration.ZERO)) {
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            out.write(ErrorBody.json(ErrorKind.INTERNAL_ERROR, "Too many exports are running at once; try again in a minute"));
            out.flush();
            return;
        }
        try {
            write.write(export, measures, out);
        } catch (UncheckedIOException e) {
            log.debug("An export stopped: its client went away ({})", e.getCause().getMessage());
            throw e.getCause();
        } catch (RuntimeException e) {
            boolean timedOut = org.edugraph.neo4j.TimeLimit.exceeded(e);
            ErrorBody.Incident incident = timedOut
                    ? ErrorBody.Incident.warned(log, "an export exceeded edugraph.export.timeout (%s)".formatted(words(exports.timeout())))
                    : ErrorBody.Incident.of(log, "an export failed", e);
            if (response.isCommitted()) {
                throw new ExportInterrupted(incident.id());
            }
            response.reset();
            response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            out.write(ErrorBody.json(ErrorKind.INTERNAL_ERROR, timedOut
                    ? incident.message("The export took longer than the limit of %s and was stopped".formatted(words(exports.timeout())))
                    : incident.message()));
            out.flush();
        } finally {
            exports.gate().leave();
        }
    }

    /** 10 min, 90 s, 500 ms: a duration as people write it. */
    static String words(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + " ms";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** A refusal, before anything of the file is sent: the API's JSON error and the matching HTTP status. */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        // The content type is set here, so that a client that asked for the file's type still gets the error.
        return ErrorBody.response(e.kind().httpStatus(), e.kind(), e.getMessage());
    }

    /** An export broken off after part of it was sent; the incident id is in the log with the cause. */
    static final class ExportInterrupted extends RuntimeException {
        ExportInterrupted(String incident) {
            super("Export interrupted after the response was committed (incident " + incident + ")", null, false, false);
        }
    }
}
