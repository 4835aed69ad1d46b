package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Caps on root fields and aliases: refused with BAD_REQUEST before any statement runs. */
class RequestShapeTest extends IntegrationTest {

    private static String aliasesOf(int n, String field) {
        return IntStream.range(0, n).mapToObj(i -> "a" + i + ": " + field).collect(Collectors.joining(" "));
    }

    @SuppressWarnings("unchecked")
    private void refused(String document, String message) {
        long before = graph.statementsRun();
        Map<String, Object> response = post(document);
        assertThat(classifications(response)).containsExactly("BAD_REQUEST");
        assertThat(((List<Map<String, Object>>) response.get("errors")).getFirst().get("message").toString()).contains(message);
        assertThat(response.get("data")).isNull();
        assertThat(graph.statementsRun() - before).as("nothing ran").isZero();
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void nineHundredNinetyAliasesOfOneSchoolAreRefusedAndLoggedOnce(org.springframework.boot.test.system.CapturedOutput output) {
        int logged = output.getOut().length();
        refused("{ " + aliasesOf(990, "school(id: \"cs-panyu-ms\") { name }") + " }",
                "asks for 990 fields at its top level; at most 30 are allowed");
        String log = output.getOut().substring(logged);
        assertThat(log.lines().filter(line -> line.contains("WARN") || line.contains("ERROR")).toList())
                .singleElement().asString().contains("Request refused before it ran: The request asks for 990 fields");
        assertThat(log.length()).as("characters logged for the request").isLessThan(2_000);
    }

    @Test
    void thirtyRootFieldsAreAnsweredAndThirtyOneRefused() {
        Map<String, Object> answered = post("{ " + aliasesOf(30, "school(id: \"cs-panyu-ms\") { name }") + " }");
        assertThat(answered).doesNotContainKey("errors");
        assertThat((Map<?, ?>) answered.get("data")).hasSize(30);
        refused("{ " + aliasesOf(31, "school(id: \"cs-panyu-ms\") { name }") + " }", "asks for 31 fields");
    }

    @Test
    void aliasesCountAtEveryDepthAndInFragments() {
        assertThat(post("{ school(id: \"cs-panyu-ms\") { " + aliasesOf(50, "name") + " } }")).doesNotContainKey("errors");
        refused("{ school(id: \"cs-panyu-ms\") { " + aliasesOf(51, "name") + " } }", "names 51 aliases; at most 50");
        refused("{ school(id: \"cs-panyu-ms\") { ...Names region { ...RegionNames } } }"
                + " fragment Names on School { " + aliasesOf(26, "name") + " }"
                + " fragment RegionNames on Region { " + aliasesOf(25, "name") + " }", "names 51 aliases");
        refused("{ ...Top } fragment Top on Query { " + aliasesOf(31, "regions { code }") + " }", "asks for 31 fields");
    }
}
