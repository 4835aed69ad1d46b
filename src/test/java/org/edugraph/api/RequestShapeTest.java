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

    /**
     * One field repeated 14,500 times fits in 72 KB and under the token limit; validation compares
     * the repeated fields with each other and took seconds of CPU for it. It is refused before
     * validation now: the best of three answers (after two to warm up) comes within 100 ms.
     */
    @Test
    void oneFieldRepeatedFourteenThousandFiveHundredTimesIsRefusedBeforeValidation() {
        String attack = "{ regions { " + "code ".repeat(14_500) + "} }";
        assertThat(attack.length()).isBetween(72_000, 73_000);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            refused(attack, "The request selects 14501 fields, each fragment counted where it is spread; at most 2000 are allowed");
            if (i >= 2) {
                best = Math.min(best, System.nanoTime() - started);
            }
        }
        System.out.printf("72 KB of one repeated field refused in %.1f ms%n", best / 1e6);
        assertThat(best).as("nanoseconds to refuse it").isLessThan(100_000_000L);
    }

    @Test
    void twoThousandFieldsAreAnsweredAndAFragmentBombRefused() {
        Map<String, Object> answered = post("{ regions { " + "code ".repeat(1_999) + "} }");
        assertThat(answered).doesNotContainKey("errors");
        refused("{ regions { " + "code ".repeat(2_000) + "} }", "selects 2001 fields");
        StringBuilder bomb = new StringBuilder("{ regions { ...F0 } }");
        for (int i = 0; i < 9; i++) {
            bomb.append(" fragment F").append(i).append(" on Region { ").append(("...F" + (i + 1) + " ").repeat(10)).append("}");
        }
        bomb.append(" fragment F9 on Region { code }");
        refused(bomb.toString(), "The request selects 1000000001 fields");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext context;

    /** Documents are parsed on platform threads, which the OS time-slices (RequestThreads; RequestAbuseBenchmark). */
    @Test
    void requestsAreServedOnTomcatsOwnPoolOfPlatformThreads() {
        var tomcat = ((org.springframework.boot.tomcat.TomcatWebServer) context.getWebServer()).getTomcat();
        Object executor = tomcat.getConnector().getProtocolHandler().getExecutor();
        assertThat(executor).isInstanceOf(org.apache.tomcat.util.threads.ThreadPoolExecutor.class)
                .isNotInstanceOf(org.apache.tomcat.util.threads.VirtualThreadExecutor.class);
    }
}
