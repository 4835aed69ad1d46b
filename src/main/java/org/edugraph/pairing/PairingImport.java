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
import java.util.UUID;

import org.edugraph.api.ApiException;
import org.edugraph.audit.Audit;
import org.edugraph.imports.CsvRows;
import org.edugraph.imports.ImportErrors;
import org.edugraph.imports.Importer;
import org.edugraph.neo4j.Graph;
import org.edugraph.security.Caller;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
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

    PairingImport(Graph graph, PairingWrites writes, Audit audit, PairingEvents events) {
        this.graph = graph;
        this.writes = writes;
        this.audit = audit;
        this.events = events;
    }

    private record Row(int number, AddPairingInput input) {
    }

    @Override
    public String name() {
        return "pairings";
    }

    @Override
    public ImportReport run(Caller caller, Reader csv, boolean dryRun) {
        ImportErrors errors = new ImportErrors();
        List<Row> rows = parse(csv, errors);
        check(caller, rows, errors);
        if (!errors.isEmpty() || dryRun) {
            return new ImportReport(dryRun, rows.size(), 0, errors.inRowOrder());
        }
        List<Pairing> created;
        try {
            created = graph.writeTransaction(tx -> {
                List<Pairing> out = writes.create(tx, caller, rows.stream().map(Row::input).toList());
                Map<String, Object> after = new HashMap<>();
                after.put("rows", rows.size());
                after.put("pairingIds", out.stream().map(Pairing::id).toList());
                audit.record(tx, caller, "importPairings", "PairingImport", "import-" + UUID.randomUUID(), null, after);
                return out;
            });
        } catch (ClientException e) {
            if (Graph.violatesConstraint(e)) {
                throw ApiException.conflict("Another write created one of these pairings meanwhile; nothing was imported");
            }
            throw e;
        }
        created.forEach(p -> events.publish(new PairingChange(PairingChange.Type.ADDED, p.id(), p,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), caller.name())));
        return new ImportReport(false, rows.size(), created.size(), List.of());
    }

    public ImportReport run(Caller caller, String csv, boolean dryRun) {
        return run(caller, new StringReader(csv), dryRun);
    }

    private static List<Row> parse(Reader reader, ImportErrors errors) {
        CsvRows.Result file = CSV.read(reader);
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
                startDate = LocalDate.parse(start);
            } catch (DateTimeParseException e) {
                errors.add(number, "startDate '%s' is not a date such as 2022-09-01".formatted(ImportErrors.cut(start)));
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
        Map<String, Object> params = new HashMap<>();
        params.put("schools", List.copyOf(schools));
        params.put("programs", List.copyOf(programs));
        params.put("allowed", List.copyOf(caller.regions()));
        params.put("scoped", caller.isRegionScoped());
        Set<String> knownSchools = new HashSet<>();
        Set<String> allowedSchools = new HashSet<>();
        for (Record r : graph.read("""
                UNWIND $schools AS id
                MATCH (s:School {id: id})
                RETURN id, NOT $scoped OR EXISTS { (s)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(a:Region) WHERE a.code IN $allowed } AS allowed
                """, params)) {
            knownSchools.add(r.get("id").asString());
            if (r.get("allowed").asBoolean()) {
                allowedSchools.add(r.get("id").asString());
            }
        }
        Set<String> knownPrograms = new HashSet<>();
        graph.read("UNWIND $programs AS id MATCH (p:Program {id: id}) RETURN id", params)
                .forEach(r -> knownPrograms.add(r.get("id").asString()));

        Map<String, Integer> keys = new HashMap<>();
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
            if (in.mentorId() != null && in.menteeId() != null && in.kind() != null) {
                String key = writes.activeKey(in.mentorId(), in.menteeId(), in.kind(), in.programId(), null);
                Integer first = keys.putIfAbsent(key, row.number());
                if (first != null) {
                    errors.add(row.number(), "the same pairing as row " + first);
                }
            }
        }
        if (!keys.isEmpty()) {
            for (Record r : graph.read("UNWIND $keys AS key MATCH (p:Pairing {activeKey: key}) RETURN key, p.id AS id",
                    Map.of("keys", List.copyOf(keys.keySet())))) {
                errors.add(keys.get(r.get("key").asString()),
                        "an active pairing of the same mentor, mentee, kind and program exists already: " + r.get("id").asString());
            }
        }
    }
}
