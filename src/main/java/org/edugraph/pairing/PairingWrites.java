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
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
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
    private final Clock clock = Clock.systemDefaultZone();

    PairingWrites(Graph graph, Audit audit, RegionScope scope, PairingEvents events) {
        this.graph = graph;
        this.audit = audit;
        this.scope = scope;
        this.events = events;
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

    /** The key that makes an active pairing unique, or null when the pairing has ended. */
    String activeKey(String mentor, String mentee, PairingKind kind, String program, LocalDate endDate) {
        if (endDate != null && endDate.isBefore(LocalDate.now(clock))) {
            return null;
        }
        return Pairing.uniqueKey(mentor, mentee, kind, program);
    }

    public Pairing add(Caller caller, AddPairingInput in) {
        List<String> problems = problems(in);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems));
        }
        requireExisting(in.mentorId(), in.menteeId(), in.programId());
        scope.requireSchools(caller, List.of(in.mentorId(), in.menteeId()));
        Pairing created = write(() -> graph.writeTransaction(tx -> {
            Pairing p = create(tx, caller, List.of(in)).getFirst();
            audit.record(tx, caller, "addPairing", "Pairing", p.id(), null, describe(p), touched(p));
            return p;
        }), in);
        events.publish(new PairingChange(PairingChange.Type.ADDED, created.id(), created, now(), caller.name()));
        return created;
    }

    /**
     * Creates pairings in the caller's transaction, in one statement whatever their number;
     * their schools and programs are known to exist. The pairings come back in input order.
     */
    List<Pairing> create(TransactionContext tx, Caller caller, List<AddPairingInput> inputs) {
        List<Pairing> created = graph.run(tx, CREATE + "\nRETURN " + Pairing.PROJECTION + " AS p",
                        Map.of("rows", rows(inputs, newIds(inputs.size()), null), "user", caller.name()))
                .stream().map(r -> Pairing.from(r.get("p"))).toList();
        requireAllCreated(created.size(), inputs.size());
        return created;
    }

    /**
     * Creates the pairings of an import in the caller's transaction, in statements of
     * {@code batchSize} rows, each stamped with {@code importId}; returns their ids in input
     * order. Nothing is read back: a file of a million rows costs a million creations, not
     * a million projections.
     */
    List<String> createAll(TransactionContext tx, Caller caller, List<AddPairingInput> inputs, String importId, int batchSize) {
        List<String> ids = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += batchSize) {
            List<AddPairingInput> batch = inputs.subList(from, Math.min(inputs.size(), from + batchSize));
            List<String> batchIds = newIds(batch.size());
            long created = graph.run(tx, CREATE + "\nRETURN count(*) AS created",
                            Map.of("rows", rows(batch, batchIds, importId), "user", caller.name()))
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
                               createdAt: datetime(), createdBy: $user, activeKey: row.activeKey, importId: row.importId})
            CREATE (n)-[:MENTOR]->(mentor), (n)-[:MENTEE]->(mentee)
            WITH n, row
            CALL (n, row) { MATCH (p:Program {id: row.program}) CREATE (n)-[:UNDER]->(p) }""";

    private List<Map<String, Object>> rows(List<AddPairingInput> inputs, List<String> ids, String importId) {
        List<Map<String, Object>> rows = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            AddPairingInput in = inputs.get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("id", ids.get(i));
            row.put("mentor", in.mentorId());
            row.put("mentee", in.menteeId());
            row.put("program", in.programId());
            row.put("kind", in.kind().name());
            row.put("start", in.startDate());
            row.put("end", in.endDate());
            row.put("note", in.note());
            row.put("activeKey", activeKey(in.mentorId(), in.menteeId(), in.kind(), in.programId(), in.endDate()));
            row.put("importId", importId);
            rows.add(row);
        }
        return rows;
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
        scope.requireSchools(caller, List.of(before.mentorId(), before.menteeId()));
        if (endDate == null) {
            throw ApiException.badRequest("endDate is required");
        }
        if (before.startDate() != null && endDate.isBefore(before.startDate())) {
            throw ApiException.badRequest("endDate %s is before the pairing's startDate %s".formatted(endDate, before.startDate()));
        }
        if (before.endDate() != null) {
            throw ApiException.conflict("Pairing %s already ended on %s".formatted(id, before.endDate()));
        }
        Pairing ended = graph.writeTransaction(tx -> {
            List<Record> rows = graph.run(tx, """
                    MATCH (n:Pairing {id: $id}) WHERE n.endDate IS NULL
                    SET n.endDate = $end, n.activeKey = null, n.endedBy = $user, n.endedAt = datetime()
                    RETURN %s AS p""".formatted(Pairing.PROJECTION), Map.of("id", id, "end", endDate, "user", caller.name()));
            if (rows.isEmpty()) {
                throw ApiException.conflict("Pairing %s was ended meanwhile".formatted(id));
            }
            Pairing p = Pairing.from(rows.getFirst().get("p"));
            audit.record(tx, caller, "endPairing", "Pairing", id, describe(before), describe(p), touched(p));
            return p;
        });
        events.publish(new PairingChange(PairingChange.Type.ENDED, id, ended, now(), caller.name()));
        return ended;
    }

    public String remove(Caller caller, String id) {
        Pairing before = find(id);
        scope.requireSchools(caller, List.of(before.mentorId(), before.menteeId()));
        graph.writeTransaction(tx -> {
            List<Record> rows = graph.run(tx, "MATCH (n:Pairing {id: $id}) DETACH DELETE n RETURN count(*) AS removed",
                    Map.of("id", id));
            if (rows.getFirst().get("removed").asLong() == 0) {
                throw ApiException.notFound("No pairing with id " + id);
            }
            audit.record(tx, caller, "removePairing", "Pairing", id, describe(before), null, touched(before));
            return null;
        });
        events.publish(new PairingChange(PairingChange.Type.REMOVED, id, before, now(), caller.name()));
        return id;
    }

    private Pairing find(String id) {
        return graph.read("MATCH (n:Pairing {id: $id}) RETURN " + Pairing.PROJECTION + " AS p", Map.of("id", id))
                .stream().findFirst().map(r -> Pairing.from(r.get("p")))
                .orElseThrow(() -> ApiException.notFound("No pairing with id " + id));
    }

    private void requireExisting(String mentor, String mentee, String program) {
        Map<String, Object> params = new HashMap<>();
        params.put("mentor", mentor);
        params.put("mentee", mentee);
        params.put("program", program);
        Record r = graph.read("""
                RETURN EXISTS { (:School {id: $mentor}) } AS mentor, EXISTS { (:School {id: $mentee}) } AS mentee,
                       $program IS NULL OR EXISTS { (:Program {id: $program}) } AS program""", params).getFirst();
        if (!r.get("mentor").asBoolean()) {
            throw ApiException.notFound("No school with id " + mentor + " (mentorId)");
        }
        if (!r.get("mentee").asBoolean()) {
            throw ApiException.notFound("No school with id " + mentee + " (menteeId)");
        }
        if (!r.get("program").asBoolean()) {
            throw ApiException.notFound("No program with id " + program + " (programId)");
        }
    }

    /** Runs a write, turning the uniqueness constraint's refusal into CONFLICT. */
    private <T> T write(java.util.function.Supplier<T> work, AddPairingInput in) {
        try {
            return work.get();
        } catch (ClientException e) {
            if (Graph.violatesConstraint(e)) {
                throw ApiException.conflict("An active %s pairing of mentor %s and mentee %s%s already exists"
                        .formatted(in.kind(), in.mentorId(), in.menteeId(),
                                in.programId() == null ? "" : " under program " + in.programId()));
            }
            throw e;
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

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
