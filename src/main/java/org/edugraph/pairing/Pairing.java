package org.edugraph.pairing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.edugraph.api.Values;
import org.neo4j.driver.Value;

/** One school helping another: a directed, dated edge, stored as a node of its own. */
public record Pairing(String id, PairingKind kind, String mentorId, String menteeId, String programId,
        LocalDate startDate, LocalDate endDate, String note, OffsetDateTime createdAt, String createdBy, boolean synthetic) {

    /** The properties every query returns a pairing with; {@code n} is the pairing node. */
    public static final String PROJECTION = """
            n {.id, .kind, .startDate, .endDate, .note, .createdAt, .createdBy, synthetic: coalesce(n.synthetic, false),
               mentorId: [(n)-[:MENTOR]->(s) | s.id][0],
               menteeId: [(n)-[:MENTEE]->(s) | s.id][0],
               programId: [(n)-[:UNDER]->(p) | p.id][0]}""";

    public static Pairing from(Value v) {
        return new Pairing(v.get("id").asString(), Values.enumValue(v, "kind", PairingKind.class),
                v.get("mentorId").asString(), v.get("menteeId").asString(), Values.string(v, "programId"),
                Values.date(v, "startDate"), Values.date(v, "endDate"), Values.string(v, "note"),
                Values.dateTime(v, "createdAt"), Values.string(v, "createdBy"), v.get("synthetic").asBoolean(false));
    }

    /** True while {@code day} is between the start and end dates; an open end never ends. */
    public boolean activeOn(LocalDate day) {
        return PairingActivity.isActive(startDate, endDate, day);
    }

    /** What makes an active pairing unique: mentor, mentee, kind and program. */
    public static String uniqueKey(String mentorId, String menteeId, PairingKind kind, String programId) {
        return String.join("|", mentorId, menteeId, kind.name(), programId == null ? "" : programId);
    }
}
