package org.edugraph.seed;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.edugraph.seed.SeedFile.FigureEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads seed files strictly: an unknown field, a wrong enum value, a missing required
 * field, a reference to nothing or a duplicate id is an error naming the file and entry.
 */
final class SeedReader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SeedReader() {
    }

    static SeedFile parse(String fileName, InputStream in) {
        try {
            SeedFile file = YAML.readValue(in, SeedFile.class);
            if (file == null || file.document() == null) {
                throw new SeedException("Seed file %s: no `document` entry".formatted(fileName));
            }
            return file;
        } catch (DatabindException e) {
            throw new SeedException("Seed file %s, entry %s: %s".formatted(fileName, path(e), e.getOriginalMessage()), e);
        } catch (JacksonException e) {
            throw new SeedException("Seed file %s: not valid YAML: %s".formatted(fileName, e.getOriginalMessage()), e);
        }
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    /** Every region code the files refer to (parents, schools, groups, programs, figures, documents). */
    static Set<String> regionReferences(List<Named> files) {
        Set<String> codes = new HashSet<>();
        for (Named named : files) {
            SeedFile f = named.file();
            codes.add(f.document().region());
            f.regions().forEach(r -> codes.add(r.parent()));
            f.schools().forEach(s -> codes.add(s.region()));
            f.groups().forEach(g -> {
                codes.add(g.region());
                g.figures().forEach(fig -> codes.add(fig.region()));
            });
            f.programs().forEach(p -> {
                codes.add(p.region());
                p.figures().forEach(fig -> codes.add(fig.region()));
            });
            f.figures().forEach(fig -> codes.add(fig.region()));
        }
        codes.remove(null);
        return codes;
    }

    /**
     * Checks the files together, since one may refer to what another defines (a school to a
     * region of regions.yaml); {@code knownRegions} are regions already in the graph.
     */
    static void validate(List<Named> files, Set<String> knownRegions) {
        Set<String> regions = new HashSet<>();
        Set<String> schools = new HashSet<>();
        Set<String> programs = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Named named : files) {
            SeedFile f = named.file();
            Check c = new Check(named.name());
            c.require(f.document().id(), "document", "id");
            c.require(f.document().title(), "document", "title");
            for (int i = 0; i < f.regions().size(); i++) {
                var r = f.regions().get(i);
                String at = "regions[%d] (%s)".formatted(i, r.code());
                c.require(r.code(), at, "code");
                c.require(r.name(), at, "name");
                c.require(r.level(), at, "level");
                c.unique(regions, r.code(), at);
            }
            for (int i = 0; i < f.schools().size(); i++) {
                var s = f.schools().get(i);
                String at = "schools[%d] (%s)".formatted(i, s.id());
                c.require(s.id(), at, "id");
                c.require(s.name(), at, "name");
                c.require(s.type(), at, "type");
                c.require(s.section(), at, "section");
                if (s.nationalCode() != null && !s.nationalCode().matches("\\d{10}")) {
                    c.fail(at, "nationalCode must be 10 digits, got " + s.nationalCode());
                }
                c.unique(ids, s.id(), at);
                schools.add(s.id());
            }
            for (int i = 0; i < f.groups().size(); i++) {
                var g = f.groups().get(i);
                String at = "groups[%d] (%s)".formatted(i, g.id());
                c.require(g.id(), at, "id");
                c.require(g.name(), at, "name");
                c.require(g.kind(), at, "kind");
                c.require(g.section(), at, "section");
                c.unique(ids, g.id(), at);
            }
            for (int i = 0; i < f.programs().size(); i++) {
                var p = f.programs().get(i);
                String at = "programs[%d] (%s)".formatted(i, p.id());
                c.require(p.id(), at, "id");
                c.require(p.name(), at, "name");
                c.require(p.kind(), at, "kind");
                c.require(p.section(), at, "section");
                c.unique(ids, p.id(), at);
                programs.add(p.id());
            }
        }
        // References, now that every file's definitions are known.
        regions.addAll(knownRegions);
        for (Named named : files) {
            SeedFile f = named.file();
            Check c = new Check(named.name());
            c.known(regions, f.document().region(), "document", "region");
            for (int i = 0; i < f.regions().size(); i++) {
                var r = f.regions().get(i);
                c.known(regions, r.parent(), "regions[%d] (%s)".formatted(i, r.code()), "parent");
            }
            for (int i = 0; i < f.schools().size(); i++) {
                var s = f.schools().get(i);
                c.known(regions, s.region(), "schools[%d] (%s)".formatted(i, s.id()), "region");
            }
            for (int i = 0; i < f.groups().size(); i++) {
                var g = f.groups().get(i);
                String at = "groups[%d] (%s)".formatted(i, g.id());
                c.known(regions, g.region(), at, "region");
                for (int j = 0; j < g.members().size(); j++) {
                    var m = g.members().get(j);
                    String mat = at + ".members[%d]".formatted(j);
                    c.require(m.school(), mat, "school");
                    c.require(m.role(), mat, "role");
                    c.known(schools, m.school(), mat, "school");
                }
                figures(c, regions, g.figures(), at + ".figures");
            }
            for (int i = 0; i < f.programs().size(); i++) {
                var p = f.programs().get(i);
                String at = "programs[%d] (%s)".formatted(i, p.id());
                c.known(regions, p.region(), at, "region");
                for (int j = 0; j < p.participants().size(); j++) {
                    var m = p.participants().get(j);
                    String mat = at + ".participants[%d]".formatted(j);
                    c.require(m.school(), mat, "school");
                    c.require(m.role(), mat, "role");
                    c.known(schools, m.school(), mat, "school");
                }
                figures(c, regions, p.figures(), at + ".figures");
            }
            for (int i = 0; i < f.pairings().size(); i++) {
                var p = f.pairings().get(i);
                String at = "pairings[%d] (%s)".formatted(i, p.id());
                c.require(p.id(), at, "id");
                c.require(p.kind(), at, "kind");
                c.require(p.mentor(), at, "mentor");
                c.require(p.mentee(), at, "mentee");
                c.require(p.section(), at, "section");
                c.known(schools, p.mentor(), at, "mentor");
                c.known(schools, p.mentee(), at, "mentee");
                c.known(programs, p.program(), at, "program");
                if (p.mentor().equals(p.mentee())) {
                    c.fail(at, "a school cannot mentor itself");
                }
                if (p.startDate() != null && p.endDate() != null && p.endDate().isBefore(p.startDate())) {
                    c.fail(at, "endDate is before startDate");
                }
                c.unique(ids, p.id(), at);
            }
            for (int i = 0; i < f.mergers().size(); i++) {
                var m = f.mergers().get(i);
                String at = "mergers[%d]".formatted(i);
                c.require(m.school(), at, "school");
                c.require(m.into(), at, "into");
                c.require(m.section(), at, "section");
                c.known(schools, m.school(), at, "school");
                c.known(schools, m.into(), at, "into");
            }
            Set<String> recognitions = new HashSet<>();
            for (int i = 0; i < f.recognitions().size(); i++) {
                var r = f.recognitions().get(i);
                String at = "recognitions[%d] (%s)".formatted(i, r.title());
                c.require(r.of(), at, "of");
                c.require(r.title(), at, "title");
                c.require(r.section(), at, "section");
                if (r.of() != null && !schools.contains(r.of()) && !programs.contains(r.of())) {
                    c.fail(at, "`of` refers to %s, which no seed file defines as a school or program".formatted(r.of()));
                }
                if (!recognitions.add(SeedLoader.recognitionId(f.document().id(), r))) {
                    c.fail(at, "the same recognition (of, title, year) appears twice");
                }
                if (r.rank() != null && r.rank() < 1) {
                    c.fail(at, "rank must be 1 or more, got " + r.rank());
                }
            }
            figures(c, regions, f.figures(), "figures");
            if (!f.figures().isEmpty() && f.document().region() == null) {
                for (int i = 0; i < f.figures().size(); i++) {
                    if (f.figures().get(i).region() == null) {
                        c.fail("figures[%d]".formatted(i), "no region, and the document names none");
                    }
                }
            }
        }
    }

    private static void figures(Check c, Set<String> regions, List<FigureEntry> figures, String at) {
        Set<String> metrics = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            FigureEntry fig = figures.get(i);
            String fat = "%s[%d] (%s)".formatted(at, i, fig.metric());
            c.require(fig.metric(), fat, "metric");
            c.require(fig.value(), fat, "value");
            c.require(fig.qualifier(), fat, "qualifier");
            c.require(fig.section(), fat, "section");
            c.known(regions, fig.region(), fat, "region");
            if (!metrics.add(fig.metric() + "@" + fig.region())) {
                c.fail(fat, "metric appears twice in this list");
            }
        }
    }

    /** A parsed file and the name it is reported by. */
    record Named(String name, String checksum, SeedFile file) {
    }

    private record Check(String file) {
        void require(Object value, String at, String field) {
            if (value == null || value instanceof String s && s.isBlank()) {
                fail(at, "`" + field + "` is required");
            }
        }

        void unique(Set<String> seen, String id, String at) {
            if (id != null && !seen.add(id)) {
                fail(at, "id " + id + " is defined twice");
            }
        }

        void known(Set<String> defined, String ref, String at, String field) {
            if (ref != null && !defined.contains(ref)) {
                fail(at, "`%s` refers to %s, which no seed file defines".formatted(field, ref));
            }
        }

        void fail(String at, String problem) {
            throw new SeedException("Seed file %s, entry %s: %s".formatted(file, at, problem));
        }
    }
}
