package org.edugraph.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.edugraph.api.ErrorBody;
import org.edugraph.api.ApiException;
import org.edugraph.security.Caller;
import org.edugraph.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The plain HTTP door of every bulk import, for files too large to send as a GraphQL
 * string: {@code POST /import/{name}}, multipart field {@code file} (UTF-8), optional
 * {@code dryRun}. It answers the import's report with 200 when every row was accepted and
 * 422 when rows were refused; a refusal of the whole request gets the status of its kind
 * (401, 403, 404, 409, 400) and the same error body as GraphQL.
 *
 * <p>Its parameters are read strictly, since there is no undoing an import: a dryRun that
 * is empty, misspelt, given twice or neither true nor false is refused with 400, never
 * taken for false.
 */
@RestController
class ImportUploads {

    static final String TAKES = "the upload takes one file (as with curl -F file=@schools.csv) "
            + "and optionally dryRun=true or dryRun=false, once, in the form or the query string";

    private final Map<String, Importer> importers = new TreeMap<>();
    private final CurrentCaller caller;

    ImportUploads(List<Importer> importers, CurrentCaller caller) {
        importers.forEach(i -> this.importers.put(i.name(), i));
        this.caller = caller;
    }

    @PostMapping(path = "/import/{name}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> upload(@PathVariable String name, MultipartHttpServletRequest request) throws IOException {
        try {
            MultipartFile file = file(request);
            boolean dryRun = dryRun(request);
            Importer importer = importers.get(name);
            if (importer == null) {
                throw ApiException.notFound("No import at /import/" + name + "; there are " + importers.keySet());
            }
            Caller admin = caller.requireAdmin("change the graph");
            Importer.Report report;
            try (Reader reader = StrictUtf8.reader(file.getInputStream())) {
                report = importer.run(admin, reader, dryRun);
            }
            return ResponseEntity.status(report.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(report);
        } catch (ApiException e) {
            return ResponseEntity.status(e.kind().httpStatus()).body(ErrorBody.of(e.kind(), e.getMessage()));
        }
    }

    /** The one file of the request, once every parameter is known to be one the upload takes. */
    private static MultipartFile file(MultipartHttpServletRequest request) {
        // The parameter map holds the query string's parameters and the form's text fields.
        for (String name : request.getParameterMap().keySet()) {
            if (name.equals("file")) {
                throw ApiException.badRequest("file is a text field, not a file; " + TAKES);
            }
            if (!name.equals("dryRun")) {
                throw ApiException.badRequest(unknown(name));
            }
        }
        for (String name : request.getMultiFileMap().keySet()) {
            if (!name.equals("file")) {
                throw ApiException.badRequest(unknown(name));
            }
        }
        List<MultipartFile> files = request.getMultiFileMap().getOrDefault("file", List.of());
        if (files.size() != 1) {
            throw ApiException.badRequest((files.isEmpty() ? "no file" : "file is given " + files.size() + " times") + "; " + TAKES);
        }
        return files.getFirst();
    }

    private static String unknown(String name) {
        String meant = List.of("file", "dryRun").stream().filter(p -> p.equalsIgnoreCase(name)).findFirst()
                .map(p -> " (names are case-sensitive: " + p + ")").orElse("");
        return "unknown parameter '" + ImportErrors.cut(name) + "'" + meant + "; " + TAKES;
    }

    /** dryRun, from the query string or the form but not both: absent is false; else exactly true or false, in any case. */
    private static boolean dryRun(MultipartHttpServletRequest request) {
        String[] values = request.getParameterValues("dryRun");
        if (values == null || values.length == 0) {
            return false;
        }
        if (values.length > 1) {
            throw ApiException.badRequest("dryRun is given " + values.length
                    + " times (the query string and the form together); give it once, true or false");
        }
        if (values[0].equalsIgnoreCase("true")) {
            return true;
        }
        if (values[0].equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiException.badRequest("dryRun must be true or false, got '" + ImportErrors.cut(values[0]) + "'");
    }
}
