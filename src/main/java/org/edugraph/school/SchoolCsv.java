package org.edugraph.school;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.edugraph.imports.CsvRows;
import org.edugraph.imports.ImportError;

/**
 * The rows of a schools CSV file (id,name,aliases,type,ownership,regionCode,nationalCode;
 * aliases separated by '|'), each checked on its own and against the other rows of the
 * file: everything the school import can tell without the graph.
 */
final class SchoolCsv {

    static final List<String> COLUMNS = List.of("id", "name", "aliases", "type", "ownership", "regionCode", "nationalCode");
    private static final CsvRows CSV = new CsvRows(COLUMNS, List.of("id", "name", "type", "regionCode"), CsvRows.MAX_ROWS);

    /** A row of the file and the school it asks for; fields it gave wrong are null. */
    record SchoolRow(int number, NewSchool school) {
    }

    /** The rows of a file, and every problem of the file and its rows found so far, each with its row. */
    record Checked(List<SchoolRow> rows, List<ImportError> errors) {
    }

    private SchoolCsv() {
    }

    static Checked read(Reader reader) {
        CsvRows.Result file = CSV.read(reader);
        Checked rows = check(file.rows());
        List<ImportError> errors = new ArrayList<>(file.errors());
        errors.addAll(rows.errors());
        return new Checked(rows.rows(), errors);
    }

    /** Each row on its own, then ids and national codes that a file gives twice (named at the later row). */
    static Checked check(List<CsvRows.Row> rows) {
        List<ImportError> errors = new ArrayList<>();
        List<SchoolRow> schools = new ArrayList<>();
        for (CsvRows.Row row : rows) {
            schools.add(new SchoolRow(row.number(), parse(row, errors)));
        }
        once(schools, "id", NewSchool::id, errors);
        once(schools, "nationalCode", NewSchool::nationalCode, errors);
        return new Checked(schools, errors);
    }

    /** The school a row asks for; each problem is added to {@code errors} with the row's number. */
    static NewSchool parse(CsvRows.Row row, List<ImportError> errors) {
        List<String> problems = new ArrayList<>();
        String id = valid(row.get("id"), problems, SchoolRules::checkId);
        String name = valid(row.get("name"), problems, (n, p) -> SchoolRules.checkName(n, p, true));
        List<String> aliases = valid(aliases(row.get("aliases")), problems, (a, p) -> {
            SchoolRules.checkAliases(a, p);
            if (!p.isEmpty()) {
                p.set(0, "aliases must not be blank: '%s' has an empty one between its '|'".formatted(row.get("aliases")));
            }
        });
        SchoolType type = null;
        if (row.get("type") == null) {
            problems.add("type is required");
        } else {
            type = named(SchoolType.class, row.get("type"), "type", problems);
        }
        Ownership ownership = row.get("ownership") == null ? Ownership.UNKNOWN
                : named(Ownership.class, row.get("ownership"), "ownership", problems);
        String region = row.get("regionCode");
        if (region == null) {
            problems.add("regionCode is required");
        }
        String nationalCode = valid(row.get("nationalCode"), problems, SchoolRules::checkNationalCode);
        problems.forEach(p -> errors.add(new ImportError(row.number(), p)));
        return new NewSchool(id, name, aliases, type, ownership, region, nationalCode);
    }

    /** The value when {@code rule} finds no problem with it, else null, its problems added to {@code problems}. */
    private static <T> T valid(T value, List<String> problems, BiConsumer<T, List<String>> rule) {
        List<String> found = new ArrayList<>();
        rule.accept(value, found);
        problems.addAll(found);
        return found.isEmpty() ? value : null;
    }

    /** The aliases of a cell, split at '|' and stripped; an empty piece stays, to be refused. */
    private static List<String> aliases(String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split("\\|", -1)).map(String::strip).toList();
    }

    private static <E extends Enum<E>> E named(Class<E> type, String text, String field, List<String> problems) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("%s '%s' is not one of %s".formatted(field, text, Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static void once(List<SchoolRow> rows, String field, Function<NewSchool, String> value, List<ImportError> errors) {
        Map<String, Integer> first = new HashMap<>();
        for (SchoolRow row : rows) {
            String v = value.apply(row.school());
            if (v == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(v, row.number());
            if (earlier != null) {
                errors.add(new ImportError(row.number(), "%s %s is also the %s of row %d".formatted(field, v, field, earlier)));
            }
        }
    }
}
