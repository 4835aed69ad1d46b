package org.edugraph.school;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.edugraph.EduGraphProperties;
import org.edugraph.audit.Audit;
import org.edugraph.imports.ImportPipeline;
import org.edugraph.imports.ImportErrors;
import org.edugraph.imports.Importer;
import org.edugraph.neo4j.Graph;
import org.edugraph.school.SchoolCsv.SchoolRow;
import org.edugraph.security.Caller;
import org.edugraph.security.RegionScope;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Bulk import of schools from CSV, so that analysts can bring their own schools and then
 * pairings between them. Every row is checked first, against the file ({@link SchoolCsv})
 * and the graph (ids and national codes not taken, regions known and within the caller's);
 * with any bad row nothing is written and each is reported by number and reason (the
 * first {@link ImportErrors#LIMIT}, and how many more).
 * Otherwise all schools are written in one transaction with one audit record, held to
 * the database's uniqueness constraints. Served by the importSchools mutation and the
 * upload at /import/schools.
 */
@Service
public class SchoolImport implements Importer {


    private final Graph graph;
    private final SchoolWrites writes;
    private final SchoolPlacement placement;
    private final Audit audit;
    private final RegionScope scope;
    private final EduGraphProperties.Imports limits;

    SchoolImport(Graph graph, SchoolWrites writes, SchoolPlacement placement, Audit audit, RegionScope scope,
            EduGraphProperties properties) {
        this.graph = graph;
        this.writes = writes;
        this.placement = placement;
        this.audit = audit;
        this.scope = scope;
        this.limits = properties.imports();
    }

    public SchoolImportReport run(Caller caller, String csv, boolean dryRun) {
        return run(caller, new StringReader(csv), dryRun);
    }

    @Override
    public String name() {
        return "schools";
    }

    @Override
    public SchoolImportReport run(Caller caller, Reader csv, boolean dryRun) {
        ImportErrors notices = new ImportErrors();
        List<List<NewSchool>> placed = new ArrayList<>(1); // the rows as checked: each school where it goes
        var outcome = new ImportPipeline<SchoolRow, List<String>>("School import", graph, limits.timeout(),
                "Another write took one of these school ids or national codes meanwhile; nothing was imported")
                .run(caller, csv, dryRun, new ImportPipeline.Steps<>() {
                    @Override
                    public List<SchoolRow> read(Reader file, ImportErrors errors) {
                        return SchoolCsv.read(file, errors, limits.maxRows());
                    }

                    @Override
                    public void check(List<SchoolRow> rows, ImportErrors errors) {
                        placed.add(SchoolImport.this.check(caller, rows, errors, notices));
                    }

                    @Override
                    public List<String> write(Graph.Transaction tx, List<SchoolRow> rows, String importId) {
                        List<NewSchool> schools = placed.getFirst();
                        List<String> ids = schools.stream().map(NewSchool::id).toList();
                        scope.requireRegions(tx, caller, schools.stream().map(NewSchool::regionCode).distinct().toList());
                        writes.createAll(tx, caller, schools, importId, limits.batchSize());
                        audit.record(tx, caller, "importSchools", "SchoolImport", importId, null,
                                Importer.auditRecord(rows.size(), "schoolIds", ids),
                                Audit.Touched.regions(schools.stream().map(NewSchool::regionCode).toList()));
                        return ids;
                    }
                });
        List<String> ids = outcome.written() == null ? List.of() : outcome.written();
        return new SchoolImportReport(dryRun, outcome.rows().size(), ids.size(), outcome.errors().inRowOrder(), ids,
                notices.inRowOrder());
    }

    /**
     * Checks against the graph, for all rows at once and in a few statements, so that the answer
     * is one view of the graph: ids (in any case) and national codes free, each row placed (its
     * region known, or a former code's successor, or its town's county) and allowed. Returns the
     * schools as they will be written, each where it goes. An id that differs only in case from a
     * school's is refused: a pairings file names schools by exact id, and seeds' ids are
     * lower-case slugs, so CS-PANYU-MS beside cs-panyu-ms would be a second school one typo from
     * the first.
     */
    private List<NewSchool> check(Caller caller, List<SchoolRow> rows, ImportErrors errors, ImportErrors notices) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> keys = distinct(rows, NewSchool::id).stream().map(id -> id.toLowerCase(Locale.ROOT)).distinct().toList();
        Record found = graph.read(Graph.Read.records().within(limits.timeout()), """
                CALL () { MATCH (s:School) WHERE toLower(s.id) IN $keys RETURN collect(s.id) AS takenIds }
                CALL () { UNWIND $codes AS code MATCH (s:School {nationalCode: code}) RETURN collect([code, s.id]) AS takenCodes }
                RETURN takenIds, takenCodes""",
                Map.of("keys", keys, "codes", distinct(rows, NewSchool::nationalCode))).getFirst();
        Map<String, String> takenIds = new HashMap<>();
        found.get("takenIds").asList(Value::asString).forEach(id -> takenIds.put(id.toLowerCase(Locale.ROOT), id));
        Map<String, String> takenCodes = new HashMap<>();
        found.get("takenCodes").asList(pair -> pair).forEach(pair -> takenCodes.put(pair.get(0).asString(), pair.get(1).asString()));
        Map<SchoolPlacement.Request, SchoolPlacement.Result> places = placement.place(
                SchoolPlacement.requests(rows.stream().map(SchoolRow::school).filter(s -> s.regionCode() != null || s.town() != null)
                        .toList()), limits.timeout());
        Set<String> placedRegions = new HashSet<>();
        places.values().forEach(p -> {
            if (p instanceof SchoolPlacement.Placed placed) {
                placedRegions.add(placed.regionCode());
            }
        });
        Set<String> allowedRegions = scope.allowedRegions(caller, placedRegions);
        List<NewSchool> schools = new ArrayList<>(rows.size());
        for (SchoolRow row : rows) {
            NewSchool s = row.school();
            String taken = s.id() == null ? null : takenIds.get(s.id().toLowerCase(Locale.ROOT));
            if (taken != null) {
                errors.add(row.number(), taken.equals(s.id()) ? "a school with id " + s.id() + " exists already"
                        : "id %s differs only in case from the school %s; ids must differ in more than case".formatted(s.id(), taken));
            }
            if (s.nationalCode() != null && takenCodes.containsKey(s.nationalCode())) {
                errors.add(row.number(), "nationalCode %s belongs to school %s already"
                        .formatted(s.nationalCode(), takenCodes.get(s.nationalCode())));
            }
            SchoolPlacement.Result place = s.regionCode() == null && s.town() == null ? null
                    : places.get(new SchoolPlacement.Request(s.regionCode(), s.town()));
            switch (place) {
                case null -> schools.add(s);
                case SchoolPlacement.Problem problem -> {
                    errors.add(row.number(), problem.message());
                    schools.add(s);
                }
                case SchoolPlacement.Placed placed -> {
                    if (!allowedRegions.contains(placed.regionCode())) {
                        errors.add(row.number(), "region %s lies outside the regions %s may change (%s)"
                                .formatted(placed.regionCode(), caller.name(), caller.regionList()));
                    }
                    if (placed.notice() != null) {
                        notices.add(row.number(), placed.notice());
                    }
                    schools.add(s.placed(placed.regionCode(), placed.townCode()));
                }
            }
        }
        return schools;
    }

    private static List<String> distinct(List<SchoolRow> rows, Function<NewSchool, String> field) {
        return rows.stream().map(r -> field.apply(r.school())).filter(Objects::nonNull).distinct().toList();
    }
}
