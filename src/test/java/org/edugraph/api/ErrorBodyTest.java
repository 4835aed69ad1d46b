package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.edugraph.support.Unit;

/** Every refusal in one shape, built in one place; a fault's incident id in both the message and the log. */
@Unit
class ErrorBodyTest {

    @Test
    void aRefusalIsAGraphQlErrorWithItsClassification() {
        assertThat(new String(ErrorBody.json(ErrorKind.NOT_FOUND, "No school with id \"x\""), StandardCharsets.UTF_8))
                .isEqualTo("{\"errors\":[{\"message\":\"No school with id \\\"x\\\"\",\"extensions\":{\"classification\":\"NOT_FOUND\"}}]}");
        assertThat(ErrorKind.CONFLICT.httpStatus().value()).isEqualTo(409);
        assertThat(ErrorKind.INTERNAL_ERROR.httpStatus().value()).isEqualTo(500);
    }

    @Test
    void anIncidentNamesItsIdAndNothingElse() {
        ErrorBody.Incident incident = ErrorBody.Incident.of(LoggerFactory.getLogger(ErrorBodyTest.class), "a test fault",
                new IllegalStateException("org.neo4j.SomeClass: MATCH (n) secret"));
        assertThat(incident.message()).isEqualTo("Internal error (incident " + incident.id() + ")");
        assertThat(incident.message("The export took longer than the limit of 10 min and was stopped"))
                .endsWith("(incident " + incident.id() + ")").doesNotContain("MATCH").doesNotContain("SomeClass");
    }

    @Test
    void noOtherClassWritesAnErrorBody() throws IOException {
        // A hand-built body is how 3 of the 8 that were here came to differ (strings concatenated, no escaping).
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> builders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("ErrorBody.java"))
                    .filter(p -> {
                        try {
                            return Files.readAllLines(p).stream().map(String::strip)
                                    .filter(line -> !line.startsWith("*") && !line.startsWith("//") && !line.startsWith("/*"))
                                    .anyMatch(line -> line.contains("\"classification\"") || line.contains("\\\"errors\\\"")
                                            || line.contains("\"errors\""));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList();
            assertThat(builders).as("classes that build an error body themselves instead of through ErrorBody").isEmpty();
        }
    }
}
