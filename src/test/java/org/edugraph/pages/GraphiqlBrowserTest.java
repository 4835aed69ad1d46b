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

    /**
     * GraphiQL loads the schema with its introspection query (deeper than the depth limit, and
     * answered in full): the documentation explorer lists the fields of Query, and typing in the
     * editor offers them for completion.
     */
    @Test
    void theDocsExplorerListsTheQueryFieldsAndTypingOffersThem() {
        try (var graphiql = open()) {
            graphiql.page.click("button[aria-label='Show Documentation Explorer']");
            graphiql.page.locator(".graphiql-doc-explorer a.graphiql-doc-explorer-type-name", new com.microsoft.playwright.Page.LocatorOptions()
                    .setHasText("Query")).first().click();
            graphiql.page.locator(".graphiql-doc-explorer-field-name").first().waitFor();
            List<String> fields = graphiql.page.locator(".graphiql-doc-explorer-field-name").allInnerTexts();
            assertThat(fields).contains("school", "schools", "searchSchools", "pairings", "program", "regions", "networkStats");
            graphiql.screenshot("graphiql-docs");

            graphiql.page.locator(".graphiql-query-editor .CodeMirror").click();
            graphiql.page.keyboard().press("Control+A");
            graphiql.page.keyboard().press("Delete");
            graphiql.page.keyboard().type("{ sch");
            graphiql.page.locator(".CodeMirror-hints .CodeMirror-hint").first().waitFor();
            List<String> offered = graphiql.page.locator(".CodeMirror-hints .CodeMirror-hint").allInnerTexts().stream()
                    .map(String::trim).toList();
            assertThat(offered).contains("school", "schools");
            graphiql.screenshot("graphiql-completion");
            graphiql.assertNothingWentWrong();
        }
    }

    /** The page runs under a Content-Security-Policy that refuses inline scripts, and GraphiQL works under it. */
    @Test
    void anInlineScriptIsRefusedByThePagesPolicy() {
        try (var graphiql = open()) {
            graphiql.page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
                    + " document.body.appendChild(s); }");
            graphiql.waitUntil("window.__cspViolations.length > 0");
            assertThat(graphiql.cspViolations()).singleElement().asString().startsWith("script-src-elem inline");
            assertThat(graphiql.page.evaluate("() => window.injected === undefined")).isEqualTo(true);
        }
    }

    private Browser.Session open() {
        Browser.Session session = browser.open("http://127.0.0.1:" + port + "/graphiql");
        session.page.locator(".graphiql-container").waitFor();
        session.page.locator(".graphiql-tab-button").first().waitFor();
        return session;
    }
}
