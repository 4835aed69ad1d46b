package org.edugraph.network;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.edugraph.api.Ref;
import org.edugraph.api.Values;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * A directed edge of a drawn network: a pairing (mentor to mentee), a membership (school
 * to group) or a participation (school to program, its kind the role).
 *
 * @param pairingId the pairing, for a pairing edge
 * @param programId the program a pairing is under, or the program of a participation
 */
public record NetworkEdge(String id, String source, String target, String kind, String pairingId, boolean synthetic,
        String programId, LocalDate startDate, LocalDate endDate) {

    /** The pairing the edge draws, null for a membership or a participation (read/RowFields). */
    public Ref.Known pairing() {
        if (pairingId == null) {
            return null;
        }
        // The pairing's dates, as the network's own statement read them (pairingProjection): a request that
        // selects no more (the explorer's time slider) reads nothing more.
        Map<String, Object> values = new HashMap<>();
        values.put("id", pairingId);
        values.put("startDate", startDate);
        values.put("endDate", endDate);
        return new Ref.Known(Ref.pairing(pairingId), values);
    }

    /** Reads an edge from a row with {@code id, kind} and the projections {@code source, target, pairing}. */
    static NetworkEdge from(Record r, NetworkNode source, NetworkNode target) {
        var pairing = r.get("pairing");
        if (!pairing.isNull()) {
            return pairing(pairing, r.get("kind").asString(), source, target);
        }
        return new NetworkEdge(r.get("id").asString(), source.id(), target.id(), r.get("kind").asString(), null,
                source.synthetic() || target.synthetic(), NetworkNode.PROGRAM.equals(target.kind()) ? target.ref() : null,
                null, null);
    }

    /** A pairing's edge, mentor to mentee, from its {@link #pairingProjection}. */
    static NetworkEdge pairing(Value pairing, String kind, NetworkNode mentor, NetworkNode mentee) {
        String id = pairing.get("id").asString();
        return new NetworkEdge(id, mentor.id(), mentee.id(), kind, id,
                mentor.synthetic() || mentee.synthetic() || pairing.get("synthetic").asBoolean(false),
                Values.string(pairing, "program"), Values.date(pairing, "startDate"), Values.date(pairing, "endDate"));
    }

    /** A school's membership of a group. */
    static NetworkEdge membership(NetworkNode school, NetworkNode group) {
        return new NetworkEdge(school.id() + ">" + group.id(), school.id(), group.id(), "MEMBER_OF", null,
                school.synthetic() || group.synthetic(), null, null, null);
    }

    /** The Cypher projection of a pairing node {@code n} (or null) that {@link #from} reads. */
    static String pairingProjection(String n) {
        return "%1$s {.id, .startDate, .endDate, synthetic: coalesce(%1$s.synthetic, false), program: [(%1$s)-[:UNDER]->(prog:Program) | prog.id][0]}"
                .formatted(n);
    }
}
