package org.edugraph.pairing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.EduGraphProperties;
import org.edugraph.api.Values;
import org.edugraph.neo4j.Graph;
import org.edugraph.school.School;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The pairing changes every instance sees: a {@code (:PairingChangeLog)} node per committed
 * change, written in the same transaction as the change, numbered by a sequence that
 * follows commit order without gaps. The sequence node is locked before it is read, as the
 * last statement of the writing transaction: a transaction that takes number n holds it
 * until it commits, so a reader that has seen n has seen every number below it, and a
 * transaction that rolls back gives its number back. Instances read what follows the
 * last number they saw (see {@link PairingEvents}).
 *
 * <p>A single change keeps the pairing as it was after the change (before it, for a
 * removal), so that a reader minutes later still shows what happened; an import is one
 * entry with its id and count. Entries older than {@code edugraph.subscriptions.retention}
 * are removed by the writers, a few at a time.
 */
@Component
public class PairingChangeLog {

    static final String SEQUENCE = "pairings";
    /** Every this many entries, the writer removes expired ones, at most {@link #PRUNE_LIMIT} of them. */
    static final int PRUNE_EVERY = 200;
    static final int PRUNE_LIMIT = 2000;

    private final Graph graph;
    private final Duration retention;

    PairingChangeLog(Graph graph, EduGraphProperties properties) {
        this.graph = graph;
        this.retention = properties.subscriptions().retention();
    }

    /** Records one pairing's change in the writer's transaction {@code tx}; call it last, just before commit. */
    void append(Graph.Transaction tx, PairingChange.Type type, Pairing pairing, String by, OffsetDateTime at) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("type", type.name());
        entry.put("at", at);
        entry.put("by", by);
        entry.put("count", 1);
        entry.put("pairingId", pairing.id());
        entry.put("kind", pairing.kind() == null ? null : pairing.kind().name());
        entry.put("mentorId", pairing.mentorId());
        entry.put("menteeId", pairing.menteeId());
        entry.put("programId", pairing.programId());
        entry.put("startDate", pairing.startDate());
        entry.put("endDate", pairing.endDate());
        entry.put("note", pairing.note());
        entry.put("createdAt", pairing.createdAt());
        entry.put("createdBy", pairing.createdBy());
        entry.put("synthetic", pairing.synthetic());
        write(tx, entry, at);
    }

    /** Records a whole import as one entry in the import's transaction; call it last, just before commit. */
    void appendImport(Graph.Transaction tx, String importId, int count, String by, OffsetDateTime at) {
        write(tx, Map.of("type", PairingChange.Type.IMPORTED.name(), "at", at, "by", by, "count", count,
                "importId", importId), at);
    }

    private void write(Graph.Transaction tx, Map<String, Object> entry, OffsetDateTime at) {
        // SET before the read takes the sequence node's write lock first: two writers never read the same value.
        long seq = tx.run("""
                MERGE (s:ChangeLogSequence {name: $name})
                SET s.locked = true
                WITH s, coalesce(s.value, 0) + 1 AS seq
                SET s.value = seq
                REMOVE s.locked
                CREATE (c:PairingChangeLog)
                SET c = $entry, c.seq = seq
                RETURN seq""", Map.of("name", SEQUENCE, "entry", entry)).getFirst().get("seq").asLong();
        if (seq % PRUNE_EVERY == 0) {
            prune(tx, at.minus(retention), PRUNE_LIMIT);
        }
    }

    /** Removes at most {@code limit} entries written before {@code cutoff}; returns how many. */
    long prune(Graph.Transaction tx, OffsetDateTime cutoff, int limit) {
        return tx.run("""
                MATCH (c:PairingChangeLog) WHERE c.at < $cutoff
                WITH c LIMIT $limit
                DELETE c
                RETURN count(*) AS removed""", Map.of("cutoff", cutoff, "limit", limit)).getFirst().get("removed").asLong();
    }

    /**
     * The number of the last committed change (through any instance); 0 when there is none.
     * The analytics keep computed measures only while it stays the same.
     */
    public long latest() {
        Object seq = graph.read(Graph.Read.row().aside(), "MATCH (s:ChangeLogSequence {name: $name}) RETURN s.value AS seq",
                Map.of("name", SEQUENCE)).get("seq");
        return seq == null ? 0L : ((Number) seq).longValue();
    }

    /**
     * The changes committed after number {@code after}, in order, at most {@code limit}, each
     * single change with its pairing's schools as they are now, in one statement.
     */
    List<PairingChange> after(long after, int limit) {
        return graph.read(Graph.Read.records().aside(), """
                MATCH (c:PairingChangeLog) WHERE c.seq > $after
                WITH c ORDER BY c.seq LIMIT $limit
                OPTIONAL MATCH (pm:School {id: c.mentorId})
                OPTIONAL MATCH (pe:School {id: c.menteeId})
                RETURN c {.*} AS c, %s AS mentor, %s AS mentee
                ORDER BY c.seq""".formatted(School.projection("pm"), School.projection("pe")),
                Map.of("after", after, "limit", limit)).stream()
                .map(r -> change(r.get("c"), r.get("mentor"), r.get("mentee"))).toList();
    }

    /** Up to {@code limit} of the pairings an import created that still exist, with their schools. */
    List<Pairing> imported(String importId, int limit) {
        return graph.read(Graph.Read.records().aside(),
                "MATCH (n:Pairing {importId: $id}) WITH n ORDER BY n.id LIMIT $limit RETURN " + Pairing.PROJECTION + " AS p", Map.of("id", importId, "limit", limit))
                .stream().map(r -> Pairing.from(r.get("p"))).toList();
    }

    private static PairingChange change(Value c, Value mentor, Value mentee) {
        PairingChange.Type type = PairingChange.Type.valueOf(c.get("type").asString());
        long seq = c.get("seq").asLong();
        OffsetDateTime at = Values.dateTime(c, "at");
        String by = c.get("by").asString();
        int count = c.get("count").asInt(1);
        if (type == PairingChange.Type.IMPORTED) {
            return new PairingChange(seq, type, null, null, List.of(), count, c.get("importId").asString(), at, by);
        }
        Pairing pairing = new Pairing(c.get("pairingId").asString(), Values.enumValue(c, "kind", PairingKind.class),
                mentor.isNull() ? null : School.from(mentor), mentee.isNull() ? null : School.from(mentee),
                Values.string(c, "programId"), Values.date(c, "startDate"), Values.date(c, "endDate"),
                Values.string(c, "note"), Values.dateTime(c, "createdAt"), Values.string(c, "createdBy"),
                c.get("synthetic").asBoolean(false));
        return new PairingChange(seq, type, pairing.id(), pairing, List.of(pairing), count, null, at, by);
    }
}
