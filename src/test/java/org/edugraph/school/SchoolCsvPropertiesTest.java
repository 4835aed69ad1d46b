package org.edugraph.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.edugraph.imports.ImportError;

/**
 * The rows of a schools file, generated: any valid file, written as Excel writes CSV,
 * reads back as the same schools; spoil one field of one row and exactly that problem
 * is reported, at that row's spreadsheet number.
 */
class SchoolCsvPropertiesTest {

    /** How one field of one row is made wrong, and the field the report must name. */
    enum Spoil {
        ID_MISSING("id"), ID_BAD_CHARACTER("id"), ID_BAD_FIRST_CHARACTER("id"), ID_TOO_LONG("id"), ID_TWICE("id"),
        NAME_BLANK("name"), NAME_TOO_LONG("name"), ALIAS_BLANK("aliases"), TYPE_MISSING("type"), TYPE_UNKNOWN("type"),
        OWNERSHIP_UNKNOWN("ownership"), REGION_MISSING("regionCode"), NATIONAL_CODE_NOT_10_DIGITS("nationalCode"),
        NATIONAL_CODE_TWICE("nationalCode");

        final String field;

        Spoil(String field) {
            this.field = field;
        }
    }

    /** One row as the file spells it: type and ownership in any case, aliases joined with '|'. */
    record Cells(String id, String name, String aliases, String type, String ownership, String regionCode,
            String nationalCode) {
    }

    @Property(tries = 200)
    void anyValidFileReadsBackAsTheSameSchools(@ForAll("files") List<NewSchool> schools, @ForAll("spellings") int spelling,
            @ForAll boolean bom, @ForAll boolean upperCaseHeader) {
        List<Cells> cells = schools.stream().map(s -> cells(s, spelling)).toList();
        SchoolCsv.Checked read = SchoolCsv.read(new StringReader(csv(cells, bom, upperCaseHeader)));

        assertThat(read.errors()).isEmpty();
        assertThat(read.rows()).extracting(SchoolCsv.SchoolRow::number)
                .containsExactlyElementsOf(IntStream.range(2, schools.size() + 2).boxed().toList());
        assertThat(read.rows()).extracting(SchoolCsv.SchoolRow::school).containsExactlyElementsOf(schools);
    }

    @Property(tries = 200)
    void oneSpoiledFieldIsReportedOnceAtItsRow(@ForAll("files") List<NewSchool> schools, @ForAll Spoil spoil,
            @ForAll @IntRange(min = 0, max = 1000) int which, @ForAll("spellings") int spelling,
            @ForAll("badCharacters") char bad) {
        boolean twice = spoil == Spoil.ID_TWICE || spoil == Spoil.NATIONAL_CODE_TWICE;
        if (twice && schools.size() < 2) {
            schools = List.of(schools.getFirst(), new NewSchool("other-" + schools.getFirst().id(), "另一所学校", List.of(),
                    SchoolType.PRIMARY, Ownership.UNKNOWN, "350104", null));
        }
        // A duplicate is reported at the later of the two rows, so the spoiled row has one before it.
        int index = twice ? 1 + which % (schools.size() - 1) : which % schools.size();
        List<Cells> cells = new ArrayList<>(schools.stream().map(s -> cells(s, spelling)).toList());
        int earlierIndex = index == 0 ? 0 : which % index;
        if (spoil == Spoil.NATIONAL_CODE_TWICE && cells.get(earlierIndex).nationalCode().isEmpty()) {
            cells.set(earlierIndex, withNationalCode(cells.get(earlierIndex), unusedNationalCode(cells)));
        }
        Cells earlier = cells.get(earlierIndex);
        cells.set(index, spoiled(cells.get(index), spoil, bad, earlier));

        SchoolCsv.Checked read = SchoolCsv.read(new StringReader(csv(cells, false, false)));

        assertThat(read.rows()).as("every row is read, the bad one too").hasSize(cells.size());
        assertThat(read.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(index + 2);
            assertThat(error.message()).startsWith(spoil.field + " ");
        });
    }

    private static Cells spoiled(Cells c, Spoil spoil, char bad, Cells earlier) {
        return switch (spoil) {
            case ID_MISSING -> new Cells("", c.name(), c.aliases(), c.type(), c.ownership(), c.regionCode(), c.nationalCode());
            case ID_BAD_CHARACTER -> new Cells(c.id() + bad + "x", c.name(), c.aliases(), c.type(), c.ownership(),
                    c.regionCode(), c.nationalCode());
            case ID_BAD_FIRST_CHARACTER -> new Cells("-" + c.id(), c.name(), c.aliases(), c.type(), c.ownership(),
                    c.regionCode(), c.nationalCode());
            case ID_TOO_LONG -> new Cells((c.id() + "x".repeat(101)).substring(0, 101), c.name(), c.aliases(), c.type(),
                    c.ownership(), c.regionCode(), c.nationalCode());
            case ID_TWICE -> new Cells(earlier.id(), c.name(), c.aliases(), c.type(), c.ownership(), c.regionCode(),
                    c.nationalCode());
            case NAME_BLANK -> new Cells(c.id(), " ", c.aliases(), c.type(), c.ownership(), c.regionCode(), c.nationalCode());
            case NAME_TOO_LONG -> new Cells(c.id(), (c.name().strip() + "校".repeat(201)).substring(0, 201), c.aliases(),
                    c.type(), c.ownership(), c.regionCode(), c.nationalCode());
            case ALIAS_BLANK -> new Cells(c.id(), c.name(), c.aliases() + "| ", c.type(), c.ownership(), c.regionCode(),
                    c.nationalCode());
            case TYPE_MISSING -> new Cells(c.id(), c.name(), c.aliases(), "", c.ownership(), c.regionCode(), c.nationalCode());
            case TYPE_UNKNOWN -> new Cells(c.id(), c.name(), c.aliases(), "小学", c.ownership(), c.regionCode(),
                    c.nationalCode());
            case OWNERSHIP_UNKNOWN -> new Cells(c.id(), c.name(), c.aliases(), c.type(), "公办", c.regionCode(),
                    c.nationalCode());
            case REGION_MISSING -> new Cells(c.id(), c.name(), c.aliases(), c.type(), c.ownership(), " ", c.nationalCode());
            case NATIONAL_CODE_NOT_10_DIGITS -> withNationalCode(c, "35" + bad + "1234567");
            case NATIONAL_CODE_TWICE -> withNationalCode(c, earlier.nationalCode());
        };
    }

    private static String unusedNationalCode(List<Cells> cells) {
        Set<String> used = new HashSet<>(cells.stream().map(Cells::nationalCode).toList());
        return IntStream.iterate(1, i -> i + 1).mapToObj(i -> "35%08d".formatted(i)).filter(c -> !used.contains(c))
                .findFirst().orElseThrow();
    }

    private static Cells withNationalCode(Cells c, String code) {
        return new Cells(c.id(), c.name(), c.aliases(), c.type(), c.ownership(), c.regionCode(), code);
    }

    /** The cells of a school; {@code spelling} picks the case of its type and ownership. */
    private static Cells cells(NewSchool s, int spelling) {
        String ownership = s.ownership() == Ownership.UNKNOWN && spelling % 2 == 0 ? "" : spelled(s.ownership().name(), spelling);
        // Spaces around the '|' are not part of an alias.
        String aliases = String.join(spelling % 2 == 0 ? "|" : " | ", s.aliases());
        return new Cells(s.id(), s.name(), aliases, spelled(s.type().name(), spelling), ownership, s.regionCode(),
                Objects.requireNonNullElse(s.nationalCode(), ""));
    }

    private static String spelled(String name, int spelling) {
        return switch (spelling) {
            case 0 -> name;
            case 1 -> name.toLowerCase(Locale.ROOT);
            default -> name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
        };
    }

    /** The file as Excel's "CSV UTF-8" writes it: CRLF, fields quoted where needed, a BOM when asked. */
    private static String csv(List<Cells> rows, boolean bom, boolean upperCaseHeader) {
        StringWriter out = new StringWriter();
        if (bom) {
            out.write('\uFEFF');
        }
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
            printer.printRecord(SchoolCsv.COLUMNS.stream()
                    .map(c -> upperCaseHeader ? c.toUpperCase(Locale.ROOT) : c).toList());
            for (Cells c : rows) {
                printer.printRecord(c.id(), c.name(), c.aliases(), c.type(), c.ownership(), c.regionCode(), c.nationalCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Provide
    Arbitrary<Integer> spellings() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<Character> badCharacters() {
        return Arbitraries.of(':', '/', '中', '@', '#', '+', '|', ',', '"');
    }

    @Provide
    Arbitrary<List<NewSchool>> files() {
        return schools().list().ofMinSize(1).ofMaxSize(12).uniqueElements(NewSchool::id)
                .filter(SchoolCsvPropertiesTest::nationalCodesOnce);
    }

    private static boolean nationalCodesOnce(List<NewSchool> schools) {
        Set<String> seen = new HashSet<>();
        return schools.stream().map(NewSchool::nationalCode).filter(Objects::nonNull).allMatch(seen::add);
    }

    private static Arbitrary<NewSchool> schools() {
        Arbitrary<String> ids = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').ofLength(1),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                        .withChars('.', '_', '-').ofMaxLength(99))
                .as(String::concat);
        Arbitrary<String> names = text(200);
        Arbitrary<List<String>> aliases = text(30).filter(a -> a.indexOf('|') < 0).list().ofMaxSize(4);
        Arbitrary<Ownership> ownerships = Arbitraries.of(Ownership.class);
        Arbitrary<String> regions = Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').withChars('-')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> nationalCodes = Arbitraries.strings().numeric().ofLength(10).injectNull(0.3);
        return Combinators.combine(ids, names, aliases, Arbitraries.of(SchoolType.class), ownerships, regions, nationalCodes)
                .as(NewSchool::new);
    }

    /** Text as school names are: Chinese, Latin, digits, spaces, commas, quotes, brackets, line breaks; never blank, stripped. */
    private static Arbitrary<String> text(int maxLength) {
        return Arbitraries.strings()
                .withCharRange('\u4e00', '\u9fa5').withCharRange('a', 'z').withCharRange('0', '9')
                .withChars(' ', ',', '"', '\'', '（', '）', '，', '·', '|', '\n', '-', '\u3000')
                .ofMinLength(1).ofMaxLength(maxLength)
                .map(String::strip).filter(s -> !s.isEmpty());
    }
}
