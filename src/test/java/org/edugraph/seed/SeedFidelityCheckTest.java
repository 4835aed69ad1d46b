package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.edugraph.support.Unit;

/**
 * The fidelity check itself (SeedFidelity), on the fixtures of src/test/resources/fidelity:
 * a faithful file passes, and each kind of unfaithful entry is reported, all in one run.
 */
@Unit
class SeedFidelityCheckTest {

    @TempDir
    Path dir;

    @Test
    void aFileWhoseEveryFactIsQuotedFaithfullyPasses() throws URISyntaxException {
        assertThat(SeedFidelity.check(fixture("good"))).isEmpty();
    }

    @Test
    void everyUnfaithfulEntryIsReportedInOneRun() throws URISyntaxException {
        List<SeedFidelity.Problem> problems = SeedFidelity.check(fixture("bad"));
        assertThat(problems).extracting(SeedFidelity.Problem::file).containsOnly("tiny.yaml");
        List<List<String>> expected = List.of(
                List.of("schools[1] (fx-two)", "the quote is not in the report"),
                List.of("groups[0] (fx-group).members[1] (fx-two)", "does not name the member school"),
                List.of("programs[0] (fx-one-to-one).figures[0] (activities)", "the value 40 is not a number of the quote (it has [30])"),
                List.of("programs[0] (fx-one-to-one).figures[1] (teachers)", "qualifier APPROXIMATE, but the quote has none of its words"),
                List.of("pairings[0] (fx-pair)", "no quote"),
                List.of("mergers[0] (fx-three into fx-one)", "spans a line break"),
                List.of("figures[0] (new_school_places)", "the value 1351 is not a number of the quote"),
                List.of("recognitions[0] (fx-one: 全国文明校园)", "does not name the title"),
                List.of("recognitions[0] (fx-one: 全国文明校园)", "does not name the school fx-one"));
        assertThat(problems).as(problems.toString()).hasSize(expected.size());
        for (List<String> e : expected) {
            assertThat(problems).as("%s: %s in %s", e.get(0), e.get(1), problems)
                    .anySatisfy(p -> {
                        assertThat(p.entry()).isEqualTo(e.get(0));
                        assertThat(p.problem()).contains(e.get(1));
                    });
        }
        // What a person fixing the seeds reads: the file, the entry, the problem and the quote.
        assertThat(problems.getFirst().toString())
                .isEqualTo("tiny.yaml, schools[1] (fx-two): the quote is not in the report (copy it from the file;"
                        + " punctuation counts)\n      quote: \"测试第二小学加入了集团\"");
    }

    @Test
    void aFileWithFactsMustNameItsReportAndTheReportMustBeThere() throws IOException {
        String facts = """
                document: { id: t, title: 测试 %s }
                schools: [ { id: t-a, name: 测试甲小学, type: PRIMARY, section: 一, quote: 测试甲小学 } ]
                """;
        Files.writeString(dir.resolve("a.yaml"), facts.formatted(""));
        Files.writeString(dir.resolve("b.yaml"), facts.formatted(", text: reports/missing.txt").replace("t-a", "t-b"));
        // A file of regions only states no report fact: it needs no report.
        Files.writeString(dir.resolve("c.yaml"), """
                document: { id: r, title: regions }
                regions: [ { code: "350104", name: 仓山区, level: COUNTY } ]
                """);
        assertThat(SeedFidelity.check(dir)).extracting(SeedFidelity.Problem::file, SeedFidelity.Problem::problem)
                .containsExactly(
                        tuple("a.yaml", "states facts but names no report (`text`) to check them against"),
                        tuple("b.yaml", "the report reports/missing.txt is not there"));
    }

    @Test
    void aNameOfAnotherFilesSchoolCounts() throws IOException {
        Files.createDirectories(dir.resolve("reports"));
        Files.writeString(dir.resolve("reports/r.txt"), "甲校帮扶乙校。\n");
        Files.writeString(dir.resolve("a.yaml"), """
                document: { id: a, title: A, text: reports/r.txt }
                schools: [ { id: t-a, name: 甲校, type: PRIMARY, section: 一, quote: 甲校帮扶 } ]
                """);
        Files.writeString(dir.resolve("b.yaml"), """
                document: { id: b, title: B, text: reports/r.txt }
                schools: [ { id: t-b, name: 乙校, type: PRIMARY, section: 一, quote: 帮扶乙校 } ]
                pairings: [ { id: t-ab, kind: OTHER, mentor: t-a, mentee: t-b, section: 一, quote: 甲校帮扶乙校 } ]
                """);
        assertThat(SeedFidelity.check(dir)).isEmpty();
    }

    private Path fixture(String name) throws URISyntaxException {
        return Path.of(getClass().getResource("/fidelity/" + name).toURI());
    }
}
