package org.edugraph.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.edugraph.api.ApiException;
import org.edugraph.audit.Audit;
import org.edugraph.imports.ImportErrors;
import org.edugraph.neo4j.Graph;
import org.edugraph.security.Caller;
import org.edugraph.security.RegionScope;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * Adding, ending and removing pairings: validated, scoped to the caller's regions,
 * atomic with their audit record, published to subscribers after commit. A second
 * active pairing of the same mentor, mentee, kind and program is refused by the
 * database's uniqueness constraint on {@code activeKey}, not by a check before the write.
 */
@Service
public class PairingWrites {

    private final Graph graph;
    private final Audit audit;
    private final RegionScope scope;
    private final PairingEvents events;
    private final PairingChangeLog changeLog;
    private final Clock clock;

    PairingWrites(Graph graph, Audit audit, RegionScope scope, PairingEvents events, PairingChangeLog changeLog,
            Clock clock) {
        this.changeLog = changeLog;
        this.graph = graph;
        this.audit = audit;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The pairings identical to a row of {@code $rows} (same mentor, mentee, kind and
     * program; not the row's own {@code self}) whose dates overlap the row's: the rule of
     * {@link PairingActivity#overlap}. Anchored on the mentor's id.
     */
    private static final String OVERLAPPING = """
            UNWIND $rows AS row
            MATCH (m:School {id: row.mentor})<-[:MENTOR]-(p:Pairing)-[:MENTEE]->(:School {id: row.mentee})
            USING INDEX m:School(id)
            WHERE p.kind = row.kind AND coalesce([(p)-[:UNDER]->(g:Program) | g.id][0], '') = coalesce(row.program, '')
              AND p.id <> coalesce(row.self, '') AND %s
            RETURN row.index AS index, p.id AS id, p.startDate AS start, p.endDate AS end
            ORDER BY index""".formatted(PairingActivity.overlapCypher("p", "row.start", "row.end"));

    /** An existing pairing identical to the row at {@code index} whose dates overlap its dates. */
    record Clash(int index, String id, LocalDate start, LocalDate end) {

        String describe() {
            return "pairing %s of the same mentor, mentee, kind and program runs %s, overlapping these dates"
                    .formatted(id, PairingActivity.range(start, end));
        }
    }

    /** Identical pairings whose dates overlap those of the inputs, in the caller's transaction or a read. */
    List<Clash> clashes(Graph.Transaction tx, List<AddPairingInput> inputs, String self) {
        List<Record> found = tx == null ? graph.read(OVERLAPPING, Map.of("rows", clashRows(inputs, self)))
                : tx.run(OVERLAPPING, Map.of("rows", clashRows(inputs, self)));
        return found.stream().map(r -> new Clash(r.get("index").asInt(), r.get("id").asString(),
                r.get("start").isNull() ? null : r.get("start").asLocalDate(),
                r.get("end").isNull() ? null : r.get("end").asLocalDate())).toList();
    }

    private static List<Map<String, Object>> clashRows(List<AddPairingInput> inputs, String self) {
        List<Map<String, Object>> rows = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Object> row = row(inputs.get(i));
            row.put("index", i);
            row.put("self", self);
            rows.add(row);
        }
        return rows;
    }

    /** The problems of one new pairing that can be told without the database. */
    static List<String> problems(AddPairingInput in) {
        List<String> problems = new ArrayList<>();
        if (blank(in.mentorId())) {
            problems.add("mentorId is required");
        }
        if (blank(in.menteeId())) {
            problems.add("menteeId is required");
        }
        if (in.kind() == null) {
            problems.add("kind is required");
        }
        if (!blank(in.mentorId()) && in.mentorId().equals(in.menteeId())) {
            problems.add("a school cannot mentor itself (" + ImportErrors.cut(in.mentorId()) + ")");
        }
        if (in.startDate() != null && in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            problems.add("endDate %s is before startDate %s".formatted(in.endDate(), in.startDate()));
        }
        if (in.note() != null && in.note().length() > 2000) {
            problems.add("note is longer than 2000 characters");
        }
        return problems;
    }

    public Pairing add(Caller caller, AddPairingInput in) {
        List<String> problems = problems(in);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems));
        }
        Pairing created = graph.write(Graph.Write.retried(), tx -> {
            // Both schools locked, found and within the caller's regions, in this transaction: identical pairings
            // are checked and written by one writer at a time, and neither school can be moved out of scope meanwhile.
            scope.requireSchools(tx, caller, List.of(in.mentorId(), in.menteeId()), "mentorId", "menteeId");
            requireProgram(tx, in.programId());
            List<Clash> clashes = clashes(tx, List.of(in), null);
            if (!clashes.isEmpty()) {
                throw ApiException.conflict("A %s pairing of mentor %s and mentee %s%s exists for these dates: %s"
                        .formatted(in.kind(), in.mentorId(), in.menteeId(),
                                in.programId() == null ? "" : " under program " + in.programId(),
                                clashes.getFirst().describe()));
            }
            Pairing p = create(tx, caller, List.of(in)).getFirst();
            audit.record(tx, caller, "addPairing", "Pairing", p.id(), null, describe(p), touched(p));
            changeLog.append(tx, PairingChange.Type.ADDED, p, caller.name(), now());
            return p;
        });
        events.committed();
        return created;
    }

    /**
     * Creates pairings in the caller's transaction, in one statement whatever their number;
     * their schools and programs are known to exist. The pairings come back in input order.
     */
    List<Pairing> create(Graph.Transaction tx, Caller caller, List<AddPairingInput> inputs) {
        List<Pairing> created = tx.run(CREATE + "\nRETURN " + Pairing.PROJECTION + " AS p",
                        Map.of("rows", rows(inputs, newIds(inputs.size()), null), "user", caller.name(), "now", now()))
                .stream().map(r -> Pairing.from(r.get("p"))).toList();
        requireAllCreated(created.size(), inputs.size());
        return created;
    }

    /**
     * Creates the pairings of an import in the caller's transaction, in statements of
     * {@code batchSize} rows, each stamped with {@code importId}; returns their ids in input
     * order. Nothing is read back: a file of a million rows costs a million creations, not
     * a million projections. First every school of the file is locked (in id order across
     * the whole file, as every write locks schools, so that writers never wait on each other
     * in a circle), found and held to the caller's regions ({@link RegionScope}); then the rows
     * are checked once, under the locks, against what other writers added since the import's
     * own checks (the rows among themselves were checked then): else CONFLICT. The locks are
     * held until commit, so nothing identical can slip in, and no school be moved out of the
     * caller's regions, while the batches are written.
     */
    List<String> createAll(Graph.Transaction tx, Caller caller, List<AddPairingInput> inputs, String importId, int batchSize) {
        scope.requireSchools(tx, caller, inputs.stream().flatMap(in -> java.util.stream.Stream.of(in.mentorId(), in.menteeId()))
                .distinct().toList());
        for (int from = 0; from < inputs.size(); from += batchSize) {
            List<Clash> clashes = clashes(tx, inputs.subList(from, Math.min(inputs.size(), from + batchSize)), null);
            if (!clashes.isEmpty()) {
                throw ApiException.conflict("Another write added a pairing like row %d meanwhile (%s); nothing was imported"
                        .formatted(from + clashes.getFirst().index() + 2, clashes.getFirst().describe()));
            }
        }
        List<String> ids = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += batchSize) {
            List<AddPairingInput> batch = inputs.subList(from, Math.min(inputs.size(), from + batchSize));
            List<String> batchIds = newIds(batch.size());
            long created = tx.run(CREATE + "\nRETURN count(*) AS created",
                            Map.of("rows", rows(batch, batchIds, importId), "user", caller.name(), "now", now()))
                    .getFirst().get("created").asLong();
            requireAllCreated(created, batch.size());
            ids.addAll(batchIds);
        }
        return ids;
    }

    /** The one statement that creates pairings, for single additions and imports alike. */
    private static final String CREATE = """
            UNWIND $rows AS row
            MATCH (mentor:School {id: row.mentor}), (mentee:School {id: row.mentee})
            CREATE (n:Pairing {id: row.id, kind: row.kind, startDate: row.start, endDate: row.end, note: row.note,
                               createdAt: $now, createdBy: $user, importId: row.importId})
            CREATE (n)-[:MENTOR]->(mentor), (n)-[:MENTEE]->(mentee)
            WITH n, row
            CALL (n, row) { MATCH (p:Program {id: row.program}) CREATE (n)-[:UNDER]->(p) }""";

    private List<Map<String, Object>> rows(List<AddPairingInput> inputs, List<String> ids, String importId) {
        List<Map<String, Object>> rows = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Object> row = row(inputs.get(i));
            row.put("id", ids.get(i));
            row.put("note", inputs.get(i).note());
            row.put("importId", importId);
            rows.add(row);
        }
        return rows;
    }

    /** What identifies a pairing and its dates, as the statements read a row: the same keys for checks and writes. */
    private static Map<String, Object> row(AddPairingInput in) {
        Map<String, Object> row = new HashMap<>();
        row.put("mentor", in.mentorId());
        row.put("mentee", in.menteeId());
        row.put("kind", in.kind().name());
        row.put("program", in.programId());
        row.put("start", in.startDate());
        row.put("end", in.endDate());
        return row;
    }

    private static List<String> newIds(int count) {
        return java.util.stream.Stream.generate(() -> "p-" + UUID.randomUUID()).limit(count).toList();
    }

    private static void requireAllCreated(long created, int asked) {
        if (created != asked) {
            // A school was removed between the checks and this write: roll back, say so.
            throw ApiException.notFound("A school of these pairings no longer exists; nothing was written");
        }
    }

    /** The pairings of these ids as they are now, in statements of {@code batchSize}: for the events of an import. */
    List<Pairing> load(List<String> ids, int batchSize) {
        List<Pairing> pairings = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += batchSize) {
            graph.read("UNWIND $ids AS id MATCH (n:Pairing {id: id}) RETURN " + Pairing.PROJECTION + " AS p",
                            Map.of("ids", ids.subList(from, Math.min(ids.size(), from + batchSize))))
                    .forEach(r -> pairings.add(Pairing.from(r.get("p"))));
        }
        return pairings;
    }

    public Pairing end(Caller caller, String id, LocalDate endDate) {
        Pairing before = find(id);
        if (endDate == null) {
            throw ApiException.badRequest("endDate is required");
        }
        if (before.startDate() != null && endDate.isBefore(before.startDate())) {
            throw ApiException.badRequest("endDate %s is before the pairing's startDate %s".formatted(endDate, before.startDate()));
        }
        LocalDate today = LocalDate.now(clock);
        if (before.endDate() != null && before.endDate().isBefore(today)) {
            throw ApiException.conflict("Pairing %s already ended on %s".formatted(id, before.endDate()));
        }
        // A pairing still running (no end, or one planned for today or later) gets this end date; a later one than
        // planned is checked against identical pairings like a new pairing, under the same lock.
        var asEnded = new AddPairingInput(before.mentorId(), before.menteeId(), before.kind(), before.programId(),
                before.startDate(), endDate, null);
        Pairing ended = graph.write(Graph.Write.retried(), tx -> {
            scope.requireSchools(tx, caller, List.of(before.mentorId(), before.menteeId()));
            List<Clash> clashes = clashes(tx, List.of(asEnded), id);
            if (!clashes.isEmpty()) {
                throw ApiException.conflict("Pairing %s cannot run until %s: %s".formatted(id, endDate,
                        clashes.getFirst().describe()));
            }
            Map<String, Object> params = new HashMap<>();
            params.put("id", id);
            params.put("end", endDate);
            params.put("today", today);
            params.put("user", caller.name());
            params.put("now", now());
            List<Record> rows = tx.run("""
                    MATCH (n:Pairing {id: $id}) WHERE n.endDate IS NULL OR n.endDate >= $today
                    SET n.endDate = $end, n.endedBy = $user, n.endedAt = $now
                    RETURN %s AS p""".formatted(Pairing.PROJECTION), params);
            if (rows.isEmpty()) {
                throw ApiException.conflict("Pairing %s was ended or removed meanwhile".formatted(id));
            }
            Pairing p = Pairing.from(rows.getFirst().get("p"));
            audit.record(tx, caller, "endPairing", "Pairing", id, describe(before), describe(p), touched(p));
            changeLog.append(tx, PairingChange.Type.ENDED, p, caller.name(), now());
            return p;
        });
        events.committed();
        return ended;
    }

    public String remove(Caller caller, String id) {
        Pairing before = find(id);
        graph.write(Graph.Write.retried(), tx -> {
            scope.requireSchools(tx, caller, List.of(before.mentorId(), before.menteeId()));
            List<Record> rows = tx.run("MATCH (n:Pairing {id: $id}) DETACH DELETE n RETURN count(*) AS removed",
                    Map.of("id", id));
            if (rows.getFirst().get("removed").asLong() == 0) {
                throw ApiException.notFound("No pairing with id " + id);
            }
            audit.record(tx, caller, "removePairing", "Pairing", id, describe(before), null, touched(before));
            changeLog.append(tx, PairingChange.Type.REMOVED, before, caller.name(), now());
            return null;
        });
        events.committed();
        return id;
    }

    private Pairing find(String id) {
        return graph.read("MATCH (n:Pairing {id: $id}) RETURN " + Pairing.PROJECTION + " AS p", Map.of("id", id))
                .stream().findFirst().map(r -> Pairing.from(r.get("p")))
                .orElseThrow(() -> ApiException.notFound("No pairing with id " + id));
    }

    private void requireProgram(Graph.Transaction tx, String program) {
        if (program != null && tx.run("MATCH (p:Program {id: $program}) RETURN p.id", Map.of("program", program)).isEmpty()) {
            throw ApiException.notFound("No program with id " + program + " (programId)");
        }
    }

    private static Audit.Touched touched(Pairing p) {
        List<String> schools = new java.util.ArrayList<>();
        if (p.mentor() != null) {
            schools.add(p.mentor().id());
        }
        if (p.mentee() != null) {
            schools.add(p.mentee().id());
        }
        return Audit.Touched.schools(schools);
    }

    static Map<String, Object> describe(Pairing p) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.id());
        m.put("kind", p.kind().name());
        m.put("mentorId", p.mentorId());
        m.put("menteeId", p.menteeId());
        m.put("programId", p.programId());
        m.put("startDate", p.startDate() == null ? null : p.startDate().toString());
        m.put("endDate", p.endDate() == null ? null : p.endDate().toString());
        m.put("note", p.note());
        return m;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
