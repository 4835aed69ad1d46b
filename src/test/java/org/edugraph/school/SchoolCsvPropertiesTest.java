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
import org.edugraph.imports.ImportErrors;
import org.edugraph.support.Unit;

/**
 * The rows of a schools file, generated: any valid file, written as Excel writes CSV,
 * reads back as the same schools; spoil one field of one row and exactly that problem
 * is reported, at that row's spreadsheet number.
 */
@Unit
class SchoolCsvPropertiesTest {

    /** How one field of one row is made wrong, and the field the report must name. */
    enum Spoil {
        ID_MISSING("id"), ID_BAD_CHARACTER("id"), ID_BAD_FIRST_CHARACTER("id"), ID_TOO_LONG("id"), ID_TWICE("id"),
        ID_TWICE_IN_OTHER_CASE("id"), NAME_BLANK("name"), NAME_TOO_LONG("name"), NAME_CONTROL_CHARACTER("name"),
        ALIAS_BLANK("aliases"), ALIAS_TOO_LONG("aliases"), ALIASES_TOO_MANY("aliases"), ALIAS_CONTROL_CHARACTER("aliases"),
        TYPE_MISSING("type"), TYPE_UNKNOWN("type"),
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
        ImportErrors errors = new ImportErrors();
        List<SchoolCsv.SchoolRow> rows = SchoolCsv.read(new StringReader(csv(cells, bom, upperCaseHeader)), errors);

        assertThat(errors.inRowOrder()).isEmpty();
        assertThat(rows).extracting(SchoolCsv.SchoolRow::number)
                .containsExactlyElementsOf(IntStream.range(2, schools.size() + 2).boxed().toList());
        assertThat(rows).extracting(SchoolCsv.SchoolRow::school).containsExactlyElementsOf(schools);
    }

    @Property(tries = 200)
    void oneSpoiledFieldIsReportedOnceAtItsRow(@ForAll("files") List<NewSchool> schools, @ForAll Spoil spoil,
            @ForAll @IntRange(min = 0, max = 1000) int which, @ForAll("spellings") int spelling,
            @ForAll("badCharacters") char bad, @ForAll("controlCharacters") char control) {
        boolean twice = spoil == Spoil.ID_TWICE || spoil == Spoil.ID_TWICE_IN_OTHER_CASE || spoil == Spoil.NATIONAL_CODE_TWICE;
        if (twice && schools.size() < 2) {
            // Another id of the same length, so that it stays valid ("other-" + an id of 95 to 100 characters was
            // too long: a second error in the file, and the property failed for its own making), and another in any
            // case, its first letter being another.
            String id = schools.getFirst().id();
            String other = (Character.toLowerCase(id.charAt(0)) == 'o' ? "p" : "o") + id.substring(1);
            schools = List.of(schools.getFirst(), new NewSchool(other, "另一所学校", List.of(),
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
        cells.set(index, spoiled(cells.get(index), spoil, bad, control, earlier));

        ImportErrors errors = new ImportErrors();
        List<SchoolCsv.SchoolRow> rows = SchoolCsv.read(new StringReader(csv(cells, false, false)), errors);

        assertThat(rows).as("every row is read, the bad one too").hasSize(cells.size());
        assertThat(errors.inRowOrder()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(index + 2);
            assertThat(error.message()).startsWith(spoil.field + " ");
            if (spoil == Spoil.ID_TWICE_IN_OTHER_CASE) {
                assertThat(error.message()).contains("differs only in case");
            }
        });
    }

    private static Cells spoiled(Cells c, Spoil spoil, char bad, char control, Cells earlier) {
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
            case ID_TWICE_IN_OTHER_CASE -> new Cells(otherCase(earlier.id()), c.name(), c.aliases(), c.type(), c.ownership(),
                    c.regionCode(), c.nationalCode());
            case NAME_BLANK -> new Cells(c.id(), " ", c.aliases(), c.type(), c.ownership(), c.regionCode(), c.nationalCode());
            case NAME_TOO_LONG -> new Cells(c.id(), (c.name().strip() + "校".repeat(201)).substring(0, 201), c.aliases(),
                    c.type(), c.ownership(), c.regionCode(), c.nationalCode());
            case NAME_CONTROL_CHARACTER -> new Cells(c.id(), c.name().substring(0, Math.min(c.name().length(), 100))
                    + control + "校", c.aliases(), c.type(), c.ownership(), c.regionCode(), c.nationalCode());
            case ALIAS_BLANK -> new Cells(c.id(), c.name(), c.aliases() + "| ", c.type(), c.ownership(), c.regionCode(),
                    c.nationalCode());
            case ALIAS_TOO_LONG -> new Cells(c.id(), c.name(), withAlias(c.aliases(), "别".repeat(201)), c.type(),
                    c.ownership(), c.regionCode(), c.nationalCode());
            case ALIASES_TOO_MANY -> new Cells(c.id(), c.name(), String.join("|", IntStream.rangeClosed(1, 51)
                    .mapToObj(i -> "别名" + i).toList()), c.type(), c.ownership(), c.regionCode(), c.nationalCode());
            case ALIAS_CONTROL_CHARACTER -> new Cells(c.id(), c.name(), withAlias(c.aliases(), "别" + control + "名"),
                    c.type(), c.ownership(), c.regionCode(), c.nationalCode());
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

    /** Control characters, the C0 and C1 ranges and DEL, as a name copied from a document may carry. */
    @Provide
    Arbitrary<Character> controlCharacters() {
        return Arbitraries.chars().range('\u0000', '\u001f').range('\u007f', '\u009f');
    }

    /** The id with the case of each of its letters swapped. */
    private static String otherCase(String id) {
        return id.chars().map(ch -> Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String withAlias(String aliases, String alias) {
        return aliases.isEmpty() ? alias : aliases + "|" + alias;
    }

    @Provide
    Arbitrary<List<NewSchool>> files() {
        // Ids unique in any case, and each with a letter, so that one in other case is another spelling of it.
        return schools().filter(s -> s.id().chars().anyMatch(Character::isLetter))
                .list().ofMinSize(1).ofMaxSize(12).uniqueElements(s -> s.id().toLowerCase(Locale.ROOT))
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

    /** Text as school names are: Chinese, Latin, digits, spaces, commas, quotes, brackets; never blank, stripped. */
    private static Arbitrary<String> text(int maxLength) {
        return Arbitraries.strings()
                .withCharRange('\u4e00', '\u9fa5').withCharRange('a', 'z').withCharRange('0', '9')
                .withChars(' ', ',', '"', '\'', '（', '）', '，', '·', '|', '-', '\u3000')
                .ofMinLength(1).ofMaxLength(maxLength)
                .map(String::strip).filter(s -> !s.isEmpty());
    }
}
