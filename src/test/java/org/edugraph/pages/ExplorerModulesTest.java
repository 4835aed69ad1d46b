package org.edugraph.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edugraph.support.Unit;
import org.junit.jupiter.api.Test;

/**
 * The explorer fetches every module of its page before it is needed, not one after another as
 * each is read: index.html preloads the modules early.js needs, and early.js preloads, once the
 * first questions are answered, every other module main.js needs (its list is written by hand).
 * A module added to the page and to neither list is fetched only when the one importing it has
 * been read (a waterfall on a slow network), and a module listed that no longer exists is fetched
 * for nothing. Plain files, no browser.
 */
@Unit
class ExplorerModulesTest {

    private static final Path EXPLORER = Path.of("src/main/resources/static/explorer");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:[^'\"]*\\s+from\\s+)?['\"]\\./([\\w-]+)\\.js['\"]");
    private static final Pattern HTML_PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"/explorer/([\\w-]+)\\.js\">");
    private static final Pattern EARLY_LIST = Pattern.compile("for \\(const name of \\[([^\\]]*)\\]\\)");

    @Test
    void everyModuleThePageImportsIsPreloadedOnceAndEveryPreloadedModuleExists() throws IOException {
        Set<String> early = reachable("early");
        Set<String> page = reachable("main");
        Set<String> byHtml = matches(HTML_PRELOAD, Files.readString(EXPLORER.resolve("index.html")));
        Matcher list = EARLY_LIST.matcher(Files.readString(EXPLORER.resolve("early.js")));
        assertThat(list.find()).as("early.js's list of main.js's modules").isTrue();
        Set<String> byEarly = new TreeSet<>();
        Arrays.stream(list.group(1).split(",")).map(s -> s.trim().replace("'", "")).filter(s -> !s.isEmpty()).forEach(byEarly::add);

        early.remove("early");
        assertThat(byHtml).as("index.html preloads what early.js imports").isEqualTo(early);
        Set<String> rest = new TreeSet<>(page);
        rest.removeAll(byHtml);
        assertThat(byEarly).as("early.js preloads the rest of what main.js imports, itself included").isEqualTo(rest);
    }

    /** The module and every module it imports, directly or through others. */
    private static Set<String> reachable(String module) throws IOException {
        Set<String> seen = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>();
        next.add(module);
        while (!next.isEmpty()) {
            String name = next.poll();
            if (!seen.add(name)) {
                continue;
            }
            Path file = EXPLORER.resolve(name + ".js");
            assertThat(file).as("a module imported").exists();
            next.addAll(matches(IMPORT, Files.readString(file)));
        }
        return seen;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
