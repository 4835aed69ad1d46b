package org.edugraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/**
 * Every relative link of README.md, BENCHMARKS.md, docs/*.md and the seeds' READMEs reaches a file or
 * folder of the repository, and a link to a heading of a Markdown page (page.md#heading) reaches a heading there,
 * by GitHub's rule for anchors. Plain files, no Spring.
 */
@Unit
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern FENCE = Pattern.compile("^\\s*```");

    @Test
    void everyRelativeLinkOfTheDocsResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String target : links(page)) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto: ... are not files of the repository
                }
                checked++;
                String problem = problem(page, target);
                if (problem != null) {
                    broken.add(page + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(checked).as("relative links found").isGreaterThan(30);
        assertThat(broken).as("broken relative links").isEmpty();
    }

    @Test
    void theReadmeLinksEveryReferencePage() throws IOException {
        Set<String> linked = new LinkedHashSet<>(links(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md"))
                    .forEach(p -> assertThat(linked).as("README.md links " + p).contains("docs/" + p.getFileName()));
        }
    }

    @Test
    void theCheckFindsABrokenLinkAndABrokenAnchor() throws IOException {
        Path page = Path.of("docs/architecture.md");
        assertThat(problem(page, "no-such-page.md")).isNotNull();
        assertThat(problem(page, "../README.md#no-such-heading")).isNotNull();
        assertThat(problem(page, "operations.md#when-the-database-fails")).isNull();
        assertThat(problem(page, "../pom.xml")).isNull();
    }

    /** Why a relative link of a page does not resolve, or null when it does. */
    private static String problem(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        Path root = Path.of("").toAbsolutePath();
        if (!resolved.toAbsolutePath().startsWith(root)) {
            return "leaves the repository";
        }
        String relative = root.relativize(resolved.toAbsolutePath()).toString().replace('\\', '/');
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && relative.endsWith(".md") && !anchors(resolved).contains(anchor)) {
            return "no heading #" + anchor + " in " + relative;
        }
        return null;
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("BENCHMARKS.md"), Path.of("seeds/README.md"),
                Path.of("seeds/gazetteer/README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The targets of a page's links, code blocks and code spans left out. */
    private static List<String> links(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`(?!\\])", "``"));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** The anchors GitHub makes of a page's headings: lower case, punctuation dropped, spaces to dashes. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence || !line.matches("^#{1,6}\\s.*")) {
                continue;
            }
            String text = line.replaceFirst("^#{1,6}\\s+", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
            String slug = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }
}
