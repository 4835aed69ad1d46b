package org.edugraph.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edugraph.support.Browser;
import org.edugraph.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** GraphiQL at /graphiql, in a real Chromium that cannot reach the internet. */
class GraphiqlBrowserTest extends BrowserTest {

    private static final Pattern OPERATION = Pattern.compile("(?m)^(query|mutation|subscription)\\s+(\\w+)");


    @Test
    void rendersOfflineWithEveryExampleOperationAsATab() throws IOException {
        List<String> operations = new ArrayList<>();
        for (Resource example : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/examples/*.gql")) {
            Matcher m = OPERATION.matcher(example.getContentAsString(StandardCharsets.UTF_8));
            assertThat(m.find()).as(example.getFilename() + " names its operation (GraphiQL titles its tab with it)").isTrue();
            operations.add(m.group(2));
        }
        try (var graphiql = open()) {
            List<String> tabs = graphiql.page.locator(".graphiql-tab-button").allInnerTexts().stream().map(String::trim).toList();
            assertThat(tabs).containsExactlyInAnyOrderElementsOf(operations)
                    .contains("NetworkStats", "Neighbourhood", "CangshanNetwork");
            // A newcomer's first tab reads; the mutations come last.
            assertThat(tabs.getFirst()).isNotEqualTo("AddPairing");
            assertThat(tabs.getLast()).isEqualTo("AddPairing");
            graphiql.screenshot("graphiql");
            graphiql.assertNothingWentWrong();
        }
    }

    @Test
    void runsAQueryAndShowsItsResult() {
        int pairings = graphQl.document("{ networkStats { pairings } }").execute()
                .path("networkStats.pairings").entity(Integer.class).get();
        try (var graphiql = open()) {
            graphiql.page.evaluate("() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror"
                    + ".setValue('query Pairings { networkStats { pairings } }')");
            // GraphiQL takes in an edit after a pause (100 ms), and then titles the tab with
            // the operation's name: run it only then, as a person would.
            graphiql.waitUntil("document.querySelector('.graphiql-tab-active .graphiql-tab-button').textContent.trim() === 'Pairings'");
            graphiql.page.click(".graphiql-execute-button");
            // Whatever comes back is shown; it must be the answer.
            graphiql.waitUntil("document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue().trim() !== ''");
            String result = (String) graphiql.page.evaluate("() => document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()");
            assertThat(result.replaceAll("\\s", "")).isEqualTo("{\"data\":{\"networkStats\":{\"pairings\":" + pairings + "}}}");
            graphiql.screenshot("graphiql-result");
            graphiql.assertNothingWentWrong();
        }
    }

    private Browser.Session open() {
        Browser.Session session = browser.open("http://127.0.0.1:" + port + "/graphiql");
        session.page.locator(".graphiql-container").waitFor();
        session.page.locator(".graphiql-tab-button").first().waitFor();
        return session;
    }
}
