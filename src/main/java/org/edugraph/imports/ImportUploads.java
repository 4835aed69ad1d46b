package org.edugraph.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.edugraph.api.ApiException;
import org.edugraph.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The plain HTTP door of every bulk import, for files too large to send as a GraphQL
 * string: {@code POST /import/{name}}, multipart field {@code file} (UTF-8), optional
 * {@code dryRun}. It answers the import's report with 200 when every row was accepted and
 * 422 when rows were refused; a refusal of the whole request gets the status of its kind
 * (401, 403, 404, 409, 400) and the same error body as GraphQL.
 */
@RestController
class ImportUploads {

    private final Map<String, Importer> importers = new TreeMap<>();
    private final CurrentCaller caller;

    ImportUploads(List<Importer> importers, CurrentCaller caller) {
        importers.forEach(i -> this.importers.put(i.name(), i));
        this.caller = caller;
    }

    @PostMapping(path = "/import/{name}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> upload(@PathVariable String name, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) throws IOException {
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            Importer importer = importers.get(name);
            if (importer == null) {
                throw ApiException.notFound("No import at /import/" + name + "; there are " + importers.keySet());
            }
            Importer.Report report = importer.run(caller.requireAdmin(), reader, dryRun);
            return ResponseEntity.status(report.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(report);
        } catch (ApiException e) {
            HttpStatus status = switch (e.kind()) {
                case CONFLICT -> HttpStatus.CONFLICT;
                case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
                case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            };
            return ResponseEntity.status(status).body(Map.of("errors", List.of(Map.of(
                    "message", e.getMessage(), "extensions", Map.of("classification", e.kind().name())))));
        }
    }
}
