package org.edugraph.school;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.edugraph.imports.CsvRows;
import org.edugraph.imports.ImportErrors;

/**
 * The rows of a schools CSV file (id,name,aliases,type,ownership,regionCode,nationalCode and
 * the optional town; aliases separated by '|'), each checked on its own and against the other
 * rows of the file: everything the school import can tell without the graph. A row gives a
 * regionCode, a town (乡镇/街道, by name or 9-digit code), or both.
 */
final class SchoolCsv {

    static final List<String> COLUMNS = List.of("id", "name", "aliases", "type", "ownership", "regionCode", "nationalCode",
            "town");
    private static final CsvRows CSV = new CsvRows(COLUMNS, List.of("id", "name", "type", "regionCode"), CsvRows.MAX_ROWS);
    private static final ImportErrors.Values TYPES = values("types", SchoolType.class);
    private static final ImportErrors.Values OWNERSHIPS = values("ownerships", Ownership.class);

    /** A row of the file and the school it asks for; fields it gave wrong are null. */
    record SchoolRow(int number, NewSchool school) {
    }

    private SchoolCsv() {
    }

    /** The rows of a file; every problem of the file and its rows is added to {@code errors}. */
    static List<SchoolRow> read(Reader reader, ImportErrors errors) {
        return read(reader, errors, CsvRows.MAX_ROWS);
    }

    /** The rows of a file of at most {@code maxRows} rows. */
    static List<SchoolRow> read(Reader reader, ImportErrors errors, int maxRows) {
        CsvRows.Result file = CSV.read(reader, maxRows);
        errors.addAll(file.errors());
        return check(file.rows(), errors);
    }

    /**
     * Each row on its own, then ids and national codes that a file gives twice (named at the
     * later row). Ids are compared in any case: a pairings file names a school by its exact
     * id, so two that differ only in case would be one typo apart.
     */
    static List<SchoolRow> check(List<CsvRows.Row> rows, ImportErrors errors) {
        List<SchoolRow> schools = new ArrayList<>();
        for (CsvRows.Row row : rows) {
            schools.add(new SchoolRow(row.number(), parse(row, errors)));
        }
        Map<String, SchoolRow> ids = new HashMap<>();
        Map<String, Integer> codes = new HashMap<>();
        for (SchoolRow row : schools) {
            String id = row.school().id();
            SchoolRow earlier = id == null ? null : ids.putIfAbsent(id.toLowerCase(Locale.ROOT), row);
            if (earlier != null) {
                String other = earlier.school().id();
                errors.add(row.number(), other.equals(id) ? "id %s is also the id of row %d".formatted(id, earlier.number())
                        : "id %s differs only in case from %s, the id of row %d".formatted(id, other, earlier.number()));
            }
            String code = row.school().nationalCode();
            Integer first = code == null ? null : codes.putIfAbsent(code, row.number());
            if (first != null) {
                errors.add(row.number(), "nationalCode %s is also the nationalCode of row %d".formatted(code, first));
            }
        }
        return schools;
    }

    /** The school a row asks for; each problem is added to {@code errors} with the row's number. */
    static NewSchool parse(CsvRows.Row row, ImportErrors errors) {
        int number = row.number();
        List<String> problems = new ArrayList<>();
        String id = valid(row.get("id"), problems, SchoolRules::checkId);
        String name = valid(row.get("name"), problems, (n, p) -> SchoolRules.checkName(n, p, true));
        List<String> aliases = valid(aliases(row.get("aliases")), problems, (a, p) -> {
            SchoolRules.checkAliases(a, p);
            p.replaceAll(m -> m.equals(SchoolRules.BLANK_ALIAS)
                    ? m + ": '%s' has an empty one between its '|'".formatted(ImportErrors.cut(row.get("aliases"))) : m);
        });
        problems.forEach(p -> errors.add(number, p));
        SchoolType type = null;
        if (row.get("type") == null) {
            errors.add(number, "type is required");
        } else {
            type = named(SchoolType.class, row.get("type"), "type", TYPES, number, errors);
        }
        Ownership ownership = row.get("ownership") == null ? Ownership.UNKNOWN
                : named(Ownership.class, row.get("ownership"), "ownership", OWNERSHIPS, number, errors);
        String region = row.get("regionCode");
        problems.clear();
        String town = valid(row.get("town"), problems, SchoolRules::checkTown);
        if (region == null && row.get("town") == null) {
            problems.add("regionCode is required (or a town)");
        }
        String nationalCode = valid(row.get("nationalCode"), problems, SchoolRules::checkNationalCode);
        problems.forEach(p -> errors.add(number, p));
        return new NewSchool(id, name, aliases, type, ownership, region, nationalCode, town, null);
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

    /** The constant a cell names in any case, or null with a problem that lists the constants once per report. */
    private static <E extends Enum<E>> E named(Class<E> type, String text, String field, ImportErrors.Values values,
            int row, ImportErrors errors) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(row, "%s '%s' is not one of".formatted(field, ImportErrors.cut(text)), values);
            return null;
        }
    }

    private static <E extends Enum<E>> ImportErrors.Values values(String what, Class<E> type) {
        return new ImportErrors.Values(what, Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ", "", " (in any case)")));
    }
}
