package org.edugraph.pairing;

import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.edugraph.EduGraphProperties;
import org.edugraph.audit.Audit;
import org.edugraph.imports.ImportPipeline;
import org.edugraph.imports.CsvRows;
import org.edugraph.imports.ImportErrors;
import org.edugraph.imports.Importer;
import org.edugraph.neo4j.Graph;
import org.edugraph.security.Caller;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * Bulk import of pairings from CSV (header mentorId,menteeId,kind,programId,startDate,note;
 * quoted fields, a BOM, CRLF and Chinese text all as RFC 4180 and Excel write them).
 * Every row is checked first, against the file and the graph; with any bad row nothing
 * is written and each is reported by number and reason (the first
 * {@link ImportErrors#LIMIT}, and how many more). Otherwise all rows are written
 * in one transaction, held to the same uniqueness constraint as single additions.
 * Served by the importPairings mutation and the upload at /import/pairings.
 */
@Service
public class PairingImport implements Importer {


    private static final CsvRows CSV = new CsvRows(List.of("mentorId", "menteeId", "kind", "programId", "startDate", "note"),
            List.of("mentorId", "menteeId", "kind"), CsvRows.MAX_ROWS);
    private static final ImportErrors.Values KINDS = new ImportErrors.Values("kinds",
            String.join(", ", Arrays.stream(PairingKind.values()).map(Enum::name).toList()) + " (in any case)");

    private final Graph graph;
    private final PairingWrites writes;
    private final Audit audit;
    private final PairingEvents events;
    private final PairingChangeLog changeLog;
    private final java.time.Clock clock;
    private final EduGraphProperties.Imports limits;

    PairingImport(Graph graph, PairingWrites writes, Audit audit, PairingEvents events, PairingChangeLog changeLog,
            java.time.Clock clock, EduGraphProperties properties) {
        this.changeLog = changeLog;
        this.clock = clock;
        this.graph = graph;
        this.writes = writes;
        this.audit = audit;
        this.events = events;
        this.limits = properties.imports();
    }

    private record Row(int number, AddPairingInput input) {
    }

    @Override
    public String name() {
        return "pairings";
    }

    @Override
    public ImportReport run(Caller caller, Reader csv, boolean dryRun) {
        var outcome = new ImportPipeline<Row, List<String>>("Pairing import", graph, limits.timeout(),
                "Another write created one of these pairings meanwhile; nothing was imported")
                .run(caller, csv, dryRun, new ImportPipeline.Steps<>() {
                    @Override
                    public List<Row> read(Reader file, ImportErrors errors) {
                        return parse(file, errors, limits.maxRows());
                    }

                    @Override
                    public void check(List<Row> rows, ImportErrors errors) {
                        PairingImport.this.check(caller, rows, errors);
                    }

                    @Override
                    public List<String> write(Graph.Transaction tx, List<Row> rows, String importId) {
                        List<String> ids = writes.createAll(tx, caller, rows.stream().map(Row::input).toList(), importId,
                                limits.batchSize());
                        audit.record(tx, caller, "importPairings", "PairingImport", importId, null,
                                Importer.auditRecord(rows.size(), "pairingIds", ids),
                                Audit.Touched.schools(rows.stream()
                                        .flatMap(r -> java.util.stream.Stream.of(r.input().mentorId(), r.input().menteeId()))
                                        .collect(java.util.stream.Collectors.toSet())));
                        changeLog.appendImport(tx, importId, ids.size(), caller.name(),
                                java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
                        return ids;
                    }
                });
        if (outcome.written() == null) {
            return new ImportReport(dryRun, outcome.rows().size(), 0, outcome.errors().inRowOrder());
        }
        events.committed();
        return new ImportReport(false, outcome.rows().size(), outcome.written().size(), List.of());
    }

    public ImportReport run(Caller caller, String csv, boolean dryRun) {
        return run(caller, new StringReader(csv), dryRun);
    }

    private static List<Row> parse(Reader reader, ImportErrors errors, int maxRows) {
        CsvRows.Result file = CSV.read(reader, maxRows);
        errors.addAll(file.errors());
        List<Row> rows = new ArrayList<>();
        for (CsvRows.Row row : file.rows()) {
            rows.add(new Row(row.number(), input(row, errors)));
        }
        return rows;
    }

    private static AddPairingInput input(CsvRows.Row row, ImportErrors errors) {
        int number = row.number();
        String kindText = row.get("kind");
        String start = row.get("startDate");
        PairingKind kind = null;
        if (kindText != null) {
            try {
                kind = PairingKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(number, "kind '%s' is not one of".formatted(ImportErrors.cut(kindText)), KINDS);
            }
        }
        LocalDate startDate = null;
        if (start != null) {
            try {
                startDate = org.edugraph.time.CalendarDates.parse(start);
            } catch (DateTimeParseException e) {
                errors.add(number, "startDate '%s' is not a date such as 2022-09-01 (years 1900 to 2199)".formatted(ImportErrors.cut(start)));
            }
        }
        AddPairingInput input = new AddPairingInput(row.get("mentorId"), row.get("menteeId"), kind, row.get("programId"),
                startDate, null, row.get("note"));
        List<String> problems = PairingWrites.problems(input);
        if (kindText != null) {
            problems.remove("kind is required");
        }
        problems.forEach(p -> errors.add(number, p));
        return input;
    }

    /** Checks against the graph, for all rows at once: ids exist, regions allowed, no duplicate. */
    private void check(Caller caller, List<Row> rows, ImportErrors errors) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> schools = new HashSet<>();
        Set<String> programs = new HashSet<>();
        for (Row row : rows) {
            if (row.input().mentorId() != null) {
                schools.add(row.input().mentorId());
            }
            if (row.input().menteeId() != null) {
                schools.add(row.input().menteeId());
            }
            if (row.input().programId() != null) {
                programs.add(row.input().programId());
            }
        }
        Set<String> knownSchools = new HashSet<>();
        Set<String> allowedSchools = new HashSet<>();
        // In statements of a few batches each, so that a file naming half a million schools is checked as fast as one of a thousand.
        String scopeRule = caller.isRegionScoped() ? org.edugraph.security.RegionScope.within("s") : "true";
        for (List<String> chunk : chunks(List.copyOf(schools))) {
            for (Record r : graph.read(Graph.Read.records().within(limits.timeout()), """
                    UNWIND $schools AS id
                    MATCH (s:School {id: id})
                    RETURN id, %s AS allowed""".formatted(scopeRule),
                    Map.of("schools", chunk, "allowed", List.copyOf(caller.regions())))) {
                knownSchools.add(r.get("id").asString());
                if (r.get("allowed").asBoolean()) {
                    allowedSchools.add(r.get("id").asString());
                }
            }
        }
        Set<String> knownPrograms = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(programs))) {
            graph.read(Graph.Read.records().within(limits.timeout()), "UNWIND $programs AS id MATCH (p:Program {id: id}) RETURN id",
                    Map.of("programs", chunk))
                    .forEach(r -> knownPrograms.add(r.get("id").asString()));
        }

        for (Row row : rows) {
            AddPairingInput in = row.input();
            for (String[] side : new String[][] {{"mentorId", in.mentorId()}, {"menteeId", in.menteeId()}}) {
                if (side[1] == null) {
                    continue;
                }
                if (!knownSchools.contains(side[1])) {
                    errors.add(row.number(), "no school with id %s (%s)".formatted(ImportErrors.cut(side[1]), side[0]));
                } else if (!allowedSchools.contains(side[1])) {
                    errors.add(row.number(), "school %s (%s) lies outside the regions %s may change"
                            .formatted(side[1], side[0], caller.name()));
                }
            }
            if (in.programId() != null && !knownPrograms.contains(in.programId())) {
                errors.add(row.number(), "no program with id " + ImportErrors.cut(in.programId()) + " (programId)");
            }
        }
        List<Row> complete = rows.stream().filter(r -> r.input().mentorId() != null && r.input().menteeId() != null
                && r.input().kind() != null && knownSchools.contains(r.input().mentorId())
                && knownSchools.contains(r.input().menteeId())).toList();
        checkOverlapsWithinFile(complete, errors);
        int size = limits.batchSize() * 5;
        for (int from = 0; from < complete.size(); from += size) {
            List<Row> chunk = complete.subList(from, Math.min(complete.size(), from + size));
            for (PairingWrites.Clash clash : writes.clashes(null, chunk.stream().map(Row::input).toList(), null)) {
                errors.add(chunk.get(clash.index()).number(), clash.describe());
            }
        }
    }

    /**
     * Rows of the same mentor, mentee, kind and program whose dates overlap: sorted by start
     * (no start first), a row overlaps an earlier one exactly when it starts on or before the
     * latest end so far, so a file of a million identical rows is checked in n log n.
     */
    private static void checkOverlapsWithinFile(List<Row> rows, ImportErrors errors) {
        Map<String, List<Row>> identical = new HashMap<>();
        for (Row row : rows) {
            AddPairingInput in = row.input();
            identical.computeIfAbsent(Pairing.uniqueKey(in.mentorId(), in.menteeId(), in.kind(), in.programId()),
                    k -> new ArrayList<>()).add(row);
        }
        java.util.Comparator<LocalDate> startOrder = java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
        for (List<Row> group : identical.values()) {
            if (group.size() < 2) {
                continue;
            }
            group.sort(java.util.Comparator.comparing((Row r) -> r.input().startDate(), startOrder)
                    .thenComparingInt(Row::number));
            Row latest = group.getFirst(); // the row whose end is the latest so far
            for (Row row : group.subList(1, group.size())) {
                AddPairingInput in = row.input();
                if (PairingActivity.overlap(latest.input().startDate(), latest.input().endDate(), in.startDate(), in.endDate())) {
                    Row first = latest.number() < row.number() ? latest : row;
                    Row second = first == latest ? row : latest;
                    errors.add(second.number(), "the same pairing as row %d, for overlapping dates (%s and %s)".formatted(
                            first.number(), PairingActivity.range(first.input().startDate(), first.input().endDate()),
                            PairingActivity.range(second.input().startDate(), second.input().endDate())));
                }
                if (latest.input().endDate() != null && (in.endDate() == null || in.endDate().isAfter(latest.input().endDate()))) {
                    latest = row;
                }
            }
        }
    }

    private List<List<String>> chunks(List<String> values) {
        int size = limits.batchSize() * 5;
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            chunks.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return chunks;
    }
}
