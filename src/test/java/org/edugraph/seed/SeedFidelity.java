package org.edugraph.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.edugraph.seed.SeedFile.FigureEntry;
import org.edugraph.source.FigureQualifier;

/**
 * Checks the seed files of a folder against their reports (the files their document's
 * {@code text} names): every fact of a file has a quote, the quote is an exact span of one
 * line of the report, and it names what the fact is about. What it requires of each entry:
 * <ul>
 * <li>school, group, program: its name or one of its aliases; a school's {@code town}, too;</li>
 * <li>group member, program participant: the school's name or alias;</li>
 * <li>pairing: the mentor's and the mentee's; merger: both schools';</li>
 * <li>figure: one of the numbers of the quote ({@link QuotedNumbers}) equals the value, and a
 * qualifier other than EXACT has its words in the quote (约, 多, 近...);</li>
 * <li>recognition: its title, and for a school, the school's name or alias.</li>
 * </ul>
 * Every problem of every file is collected, so one run shows all that needs fixing.
 */
final class SeedFidelity {

    /** One entry that fails the check. */
    record Problem(String file, String entry, String quote, String problem) {
        @Override
        public String toString() {
            return "%s, %s: %s%s".formatted(file, entry, problem, quote == null ? "" : "\n      quote: \"" + quote + "\"");
        }
    }

    /** The words a report qualifies a number with, by qualifier (seeds/README.md). */
    static final Map<FigureQualifier, List<String>> QUALIFIER_WORDS = Map.of(
            FigureQualifier.APPROXIMATE, List.of("约", "左右", "上下"),
            FigureQualifier.AT_LEAST, List.of("多", "余", "以上", "超过", "超", "逾", "突破"),
            FigureQualifier.NEARLY, List.of("近", "接近", "将近"));

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, List<String>> schoolNames = new HashMap<>();

    private SeedFidelity() {
    }

    /** The problems of the seed files ({@code *.yaml}) of {@code folder}; none when every fact is quoted faithfully. */
    static List<Problem> check(Path folder) {
        List<Path> paths;
        try (Stream<Path> files = Files.list(folder)) {
            paths = files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, SeedFile> seeds = new java.util.LinkedHashMap<>();
        for (Path path : paths) {
            try (InputStream in = Files.newInputStream(path)) {
                seeds.put(path.getFileName().toString(), SeedReader.parse(path.getFileName().toString(), in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        SeedFidelity fidelity = new SeedFidelity();
        // Names first: a fact of one file may be about a school of another.
        seeds.values().forEach(f -> f.schools().forEach(s -> fidelity.schoolNames.put(s.id(), names(s.name(), s.aliases()))));
        seeds.forEach((name, file) -> fidelity.file(folder, name, file));
        return List.copyOf(fidelity.problems);
    }

    private void file(Path folder, String name, SeedFile f) {
        boolean facts = !(f.schools().isEmpty() && f.groups().isEmpty() && f.programs().isEmpty()
                && f.pairings().isEmpty() && f.mergers().isEmpty() && f.figures().isEmpty() && f.recognitions().isEmpty());
        if (f.document().text() == null) {
            if (facts) {
                problems.add(new Problem(name, "document", null, "states facts but names no report (`text`) to check them against"));
            }
            return;
        }
        Path textPath = folder.resolve(f.document().text());
        if (!Files.isRegularFile(textPath)) {
            problems.add(new Problem(name, "document", null, "the report " + f.document().text() + " is not there"));
            return;
        }
        String report;
        try {
            report = Files.readString(textPath, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Entries e = new Entries(name, report);
        for (int i = 0; i < f.schools().size(); i++) {
            var s = f.schools().get(i);
            e.names("schools[%d] (%s)".formatted(i, s.id()), s.quote(), "the school", names(s.name(), s.aliases()));
            if (s.town() != null && s.quote() != null && report.contains(s.quote())) {
                // The town is the report's word; its county is the gazetteer's, which the loader looks up.
                e.mustName("schools[%d] (%s)".formatted(i, s.id()), s.quote(), "the town", List.of(s.town()));
            }
        }
        for (int i = 0; i < f.groups().size(); i++) {
            var g = f.groups().get(i);
            String at = "groups[%d] (%s)".formatted(i, g.id());
            e.names(at, g.quote(), "the group", names(g.name(), g.aliases()));
            for (int j = 0; j < g.members().size(); j++) {
                var m = g.members().get(j);
                e.names(at + ".members[%d] (%s)".formatted(j, m.school()), m.quote(), "the member school", school(m.school()));
            }
            figures(e, at + ".figures", g.figures());
        }
        for (int i = 0; i < f.programs().size(); i++) {
            var p = f.programs().get(i);
            String at = "programs[%d] (%s)".formatted(i, p.id());
            e.names(at, p.quote(), "the program", names(p.name(), p.aliases()));
            for (int j = 0; j < p.participants().size(); j++) {
                var m = p.participants().get(j);
                e.names(at + ".participants[%d] (%s)".formatted(j, m.school()), m.quote(), "the participating school",
                        school(m.school()));
            }
            figures(e, at + ".figures", p.figures());
        }
        for (int i = 0; i < f.pairings().size(); i++) {
            var p = f.pairings().get(i);
            String at = "pairings[%d] (%s)".formatted(i, p.id());
            if (e.quoted(at, p.quote())) {
                e.mustName(at, p.quote(), "the mentor " + p.mentor(), school(p.mentor()));
                e.mustName(at, p.quote(), "the mentee " + p.mentee(), school(p.mentee()));
            }
        }
        for (int i = 0; i < f.mergers().size(); i++) {
            var m = f.mergers().get(i);
            String at = "mergers[%d] (%s into %s)".formatted(i, m.school(), m.into());
            if (e.quoted(at, m.quote())) {
                e.mustName(at, m.quote(), "the merged school " + m.school(), school(m.school()));
                e.mustName(at, m.quote(), "the school it merged into " + m.into(), school(m.into()));
            }
        }
        figures(e, "figures", f.figures());
        for (int i = 0; i < f.recognitions().size(); i++) {
            var r = f.recognitions().get(i);
            String at = "recognitions[%d] (%s: %s)".formatted(i, r.of(), r.title());
            if (e.quoted(at, r.quote())) {
                e.mustName(at, r.quote(), "the title", r.title() == null ? List.of() : List.of(r.title()));
                if (schoolNames.containsKey(r.of())) {
                    e.mustName(at, r.quote(), "the school " + r.of(), school(r.of()));
                }
            }
        }
    }

    private void figures(Entries e, String at, List<FigureEntry> figures) {
        for (int i = 0; i < figures.size(); i++) {
            FigureEntry fig = figures.get(i);
            String fat = "%s[%d] (%s)".formatted(at, i, fig.metric());
            if (!e.quoted(fat, fig.quote()) || fig.value() == null) {
                continue;
            }
            BigDecimal value = QuotedNumbers.normalise(fig.value());
            if (!QuotedNumbers.in(fig.quote()).contains(value)) {
                e.fail(fat, fig.quote(), "the value %s is not a number of the quote (it has %s)"
                        .formatted(value.toPlainString(), QuotedNumbers.in(fig.quote()).stream()
                                .map(BigDecimal::toPlainString).toList()));
            }
            List<String> words = QUALIFIER_WORDS.get(fig.qualifier());
            if (words != null && words.stream().noneMatch(fig.quote()::contains)) {
                e.fail(fat, fig.quote(), "qualifier %s, but the quote has none of its words %s".formatted(fig.qualifier(), words));
            }
        }
    }

    private List<String> school(String id) {
        return schoolNames.getOrDefault(id, List.of());
    }

    private static List<String> names(String name, List<String> aliases) {
        List<String> names = new ArrayList<>();
        if (name != null) {
            names.add(name);
        }
        names.addAll(aliases);
        return names;
    }

    /** The checks of the entries of one file against its report. */
    private final class Entries {
        private final String file;
        private final String report;

        Entries(String file, String report) {
            this.file = file;
            this.report = report;
        }

        /** Checks that the entry has a quote of the report; true when it does, so that what it says can be checked. */
        boolean quoted(String at, String quote) {
            if (quote == null || quote.isBlank()) {
                fail(at, null, "no quote");
                return false;
            }
            if (quote.contains("\n") || quote.contains("\r")) {
                fail(at, quote, "the quote spans a line break; quote one line of the report");
                return false;
            }
            if (!report.contains(quote)) {
                fail(at, quote, "the quote is not in the report (copy it from the file; punctuation counts)");
                return false;
            }
            return true;
        }

        void names(String at, String quote, String what, List<String> names) {
            if (quoted(at, quote)) {
                mustName(at, quote, what, names);
            }
        }

        void mustName(String at, String quote, String what, List<String> names) {
            if (names.stream().noneMatch(quote::contains)) {
                fail(at, quote, "the quote does not name %s (by any of %s)".formatted(what, names));
            }
        }

        void fail(String at, String quote, String problem) {
            problems.add(new Problem(file, at, quote, problem));
        }
    }
}
