package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/**
 * Every fact of the seeds is the words of its report (issue 10): each entry of a seed file
 * carries a quote that is a span of the report its document names, and the quote names what
 * the fact is about and states the figure's value. What is checked is {@link SeedFidelity}'s;
 * a failure lists every offending entry at once. The checker itself is tested on fixtures
 * by SeedFidelityCheckTest.
 */
@Unit
class SeedFidelityTest {

    /** The project's seed folder; the tests run from the project's root. */
    private static final Path SEEDS = Path.of("seeds");

    @Test
    void everySeedFactIsQuotedFromItsReport() {
        assertThat(Files.isDirectory(SEEDS)).as("seed folder %s", SEEDS.toAbsolutePath()).isTrue();
        List<SeedFidelity.Problem> problems = SeedFidelity.check(SEEDS);
        assertThat(problems).as(() -> "%d seed entries are not faithful to their report:\n%s".formatted(problems.size(),
                problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")))).isEmpty();
    }

    /**
     * seeds/UNCAPTURED.md: under a heading ending in a document id in parentheses, a table
     * | section | quote | why left out |; every quote is in that document's report, every row
     * says why.
     */
    @Test
    void everyDeliberateOmissionQuotesItsReportAndSaysWhy() throws Exception {
        List<String> lines = Files.readAllLines(SEEDS.resolve("UNCAPTURED.md"));
        java.util.Map<String, String> reports = java.util.Map.of(
                "quanzhou-2022", Files.readString(SEEDS.resolve("reports/quanzhou-2022.txt")),
                "cangshan-2022", Files.readString(SEEDS.resolve("reports/cangshan-2022.txt")));
        java.util.Map<String, Integer> rows = new java.util.TreeMap<>();
        List<String> problems = new java.util.ArrayList<>();
        String report = null;
        var heading = java.util.regex.Pattern.compile("^## .*\\(([a-z0-9-]+)\\)\\s*$");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            var h = heading.matcher(line);
            if (h.matches()) {
                report = h.group(1);
                assertThat(reports).as("heading at line %d names a report", i + 1).containsKey(report);
                continue;
            }
            if (!line.startsWith("| ") || line.startsWith("| section") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
            if (report == null || cells.length != 3) {
                problems.add("line %d: not a row of three cells under a report's heading".formatted(i + 1));
                continue;
            }
            String quote = cells[1].strip();
            if (quote.isEmpty() || !reports.get(report).contains(quote)) {
                problems.add("line %d: quote not in %s: %s".formatted(i + 1, report, quote));
            }
            if (cells[2].isBlank()) {
                problems.add("line %d: no reason given".formatted(i + 1));
            }
            rows.merge(report, 1, Integer::sum);
        }
        assertThat(problems).as(() -> String.join("\n", problems)).isEmpty();
        assertThat(rows).as("both reports have their omissions listed").containsOnlyKeys(reports.keySet());
    }

    @Test
    void theReportCopiesAreTheReportsByteForByte() throws Exception {
        // seeds/reports/ holds copies of ../shared/seeds/000_b8ec1cd3dc6f3d6e.txt and 003_852ec9bb08192963.txt
        // so that a clean clone has them; quotes are checked against them, so they must never be edited.
        assertThat(sha256(SEEDS.resolve("reports/quanzhou-2022.txt")))
                .isEqualTo("3a04c1031efb3b2fe2147d8cd78eae595d1555648f7420bd1d3bd928d87c92f8");
        assertThat(sha256(SEEDS.resolve("reports/cangshan-2022.txt")))
                .isEqualTo("b6fae4d7880fcdbd54fa0c699de0d43fadca8d39e23422b8972867368cdf352b");
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
