package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Every page and endpoint answers with Spring Security's protective headers and ours: a
 * Content-Security-Policy that lets pages run only the service's own scripts and styles,
 * and no Referer to anyone.
 */
class SecurityHeadersTest extends IntegrationTest {

    private record Call(HttpMethod method, String path, int status) {

        /** The pages' files: kept by the browser and checked again at each visit; all else is never kept. */
        boolean isFile() {
            return method == HttpMethod.GET && status == 200
                    && (path.startsWith("/explorer") || path.startsWith("/webjars/") || path.equals("/graphiql") || path.endsWith(".css"));
        }
    }

    @Test
    void everyPageAndEndpointSendsTheProtectiveHeaders() {
        List<Call> calls = List.of(
                new Call(HttpMethod.GET, "/explorer", 200),
                new Call(HttpMethod.GET, "/explorer/main.js", 200),
                new Call(HttpMethod.GET, "/graphiql", 200),
                new Call(HttpMethod.GET, "/graphiql/page.css", 200),
                new Call(HttpMethod.GET, "/graphiql/examples", 200),
                new Call(HttpMethod.GET, "/webjars/cytoscape/dist/cytoscape.min.js", 200),
                new Call(HttpMethod.GET, "/graphql?query=%7B%20regions%20%7B%20code%20%7D%20%7D", 200),
                new Call(HttpMethod.POST, "/graphql", 200),
                new Call(HttpMethod.GET, "/export/pairings.csv?regionCode=350104", 200),
                new Call(HttpMethod.POST, "/import/schools", 401),
                new Call(HttpMethod.GET, "/actuator/health", 200),
                new Call(HttpMethod.GET, "/actuator/metrics", 401),
                new Call(HttpMethod.GET, "/no-such-page", 404));
        for (Call call : calls) {
            var request = http.method(call.method()).uri(call.path());
            var response = (call.method() == HttpMethod.POST
                    ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ regions { code } }"))
                    : request).exchange();
            response.expectStatus().isEqualTo(call.status());
            HttpHeaders headers = response.returnResult(byte[].class).getResponseHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).as(call.path())
                    .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
                            + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
                            + " frame-ancestors 'none'; form-action 'self'");
            assertThat(headers.getFirst("Referrer-Policy")).as(call.path()).isEqualTo("no-referrer");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(call.path()).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).as(call.path()).isEqualTo("DENY");
            assertThat(headers.getFirst("Cache-Control")).as(call.path())
                    .isEqualTo(call.isFile() ? "no-cache" : "no-cache, no-store, max-age=0, must-revalidate");
            // Over plain HTTP there is no Strict-Transport-Security: browsers ignore it there, and Spring sends it over HTTPS.
            assertThat(headers.containsHeader("Strict-Transport-Security")).as(call.path()).isFalse();
        }
    }

    @Test
    void aPageFileTheBrowserKeepsIsNotSentAgainUnlessItChanged() {
        for (String path : List.of("/explorer", "/explorer/main.js", "/webjars/cytoscape/dist/cytoscape.min.js")) {
            var first = http.get().uri(path).exchange().expectStatus().isOk().returnResult(byte[].class);
            String lastModified = first.getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
            assertThat(lastModified).as(path).isNotNull();
            assertThat(first.getResponseBodyContent()).as(path).isNotEmpty();
            var again = http.get().uri(path).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified).exchange()
                    .expectStatus().isNotModified().returnResult(byte[].class);
            assertThat(again.getResponseBodyContent()).as(path).isNullOrEmpty();
        }
    }
}
