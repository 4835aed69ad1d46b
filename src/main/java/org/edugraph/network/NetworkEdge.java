package org.edugraph.network;

import java.time.LocalDate;

import org.edugraph.api.Values;
import org.neo4j.driver.Record;

/**
 * A directed edge of a drawn network: a pairing (mentor to mentee), a membership (school
 * to group) or a participation (school to program, its kind the role).
 *
 * @param pairingId the pairing, for a pairing edge
 * @param programId the program a pairing is under, or the program of a participation
 */
public record NetworkEdge(String id, String source, String target, String kind, String pairingId, boolean synthetic,
        String programId, LocalDate startDate, LocalDate endDate) {

    /** Reads an edge from a row with {@code id, kind} and the projections {@code source, target, pairing}. */
    static NetworkEdge from(Record r, NetworkNode source, NetworkNode target) {
        var pairing = r.get("pairing");
        boolean isPairing = !pairing.isNull();
        return new NetworkEdge(r.get("id").asString(), source.id(), target.id(), r.get("kind").asString(),
                isPairing ? pairing.get("id").asString() : null,
                source.synthetic() || target.synthetic() || isPairing && pairing.get("synthetic").asBoolean(false),
                isPairing ? Values.string(pairing, "program") : NetworkNode.PROGRAM.equals(target.kind()) ? target.ref() : null,
                isPairing ? Values.date(pairing, "startDate") : null,
                isPairing ? Values.date(pairing, "endDate") : null);
    }

    /** The Cypher projection of a pairing node {@code n} (or null) that {@link #from} reads. */
    static String pairingProjection(String n) {
        return "%1$s {.id, .startDate, .endDate, synthetic: coalesce(%1$s.synthetic, false), program: [(%1$s)-[:UNDER]->(prog:Program) | prog.id][0]}"
                .formatted(n);
    }
}
