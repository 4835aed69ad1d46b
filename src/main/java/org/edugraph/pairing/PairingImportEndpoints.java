package org.edugraph.pairing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.edugraph.api.ApiException;
import org.edugraph.security.CurrentCaller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The two doors to the pairing import: the importPairings mutation, and a plain HTTP
 * multipart upload (POST /import/pairings, field `file`, optional `dryRun`) for files too
 * large to send as a GraphQL string. Both answer with the same ImportReport.
 */
@Controller
class PairingImportEndpoints {

    private final PairingImport imports;
    private final CurrentCaller caller;

    PairingImportEndpoints(PairingImport imports, CurrentCaller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @MutationMapping
    ImportReport importPairings(@Argument String csv, @Argument Boolean dryRun) {
        return imports.run(caller.requireAdmin(), csv, Boolean.TRUE.equals(dryRun));
    }

    @PostMapping(path = "/import/pairings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> upload(@RequestParam("file") MultipartFile file,
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) throws IOException {
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            ImportReport report = imports.run(caller.requireAdmin(), reader, dryRun);
            return ResponseEntity.status(report.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
        } catch (ApiException e) {
            HttpStatus status = switch (e.kind()) {
                case CONFLICT -> HttpStatus.CONFLICT;
                case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
                case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            };
            return ResponseEntity.status(status).body(java.util.Map.of("errors", java.util.List.of(java.util.Map.of(
                    "message", e.getMessage(), "extensions", java.util.Map.of("classification", e.kind().name())))));
        }
    }
}
