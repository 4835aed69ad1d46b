package org.edugraph.pairing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.edugraph.api.Values;
import org.edugraph.school.School;
import org.neo4j.driver.Value;

/**
 * One school helping another: a directed, dated edge, stored as a node of its own. It is
 * read with both its schools, which the same statement returns for the price of two hops,
 * so that a pairing's mentor and mentee never cost a statement of their own.
 */
public record Pairing(String id, PairingKind kind, School mentor, School mentee, String programId,
        LocalDate startDate, LocalDate endDate, String note, OffsetDateTime createdAt, String createdBy, boolean synthetic) {

    /** The properties every query returns a pairing with, its schools included; {@code n} is the pairing node. */
    public static final String PROJECTION = """
            n {.id, .kind, .startDate, .endDate, .note, .createdAt, .createdBy, synthetic: coalesce(n.synthetic, false),
               mentor: [(n)-[:MENTOR]->(pm:School) | %s][0],
               mentee: [(n)-[:MENTEE]->(pe:School) | %s][0],
               programId: [(n)-[:UNDER]->(pp) | pp.id][0]}""".formatted(School.projection("pm"), School.projection("pe"));

    public static Pairing from(Value v) {
        return new Pairing(v.get("id").asString(), Values.enumValue(v, "kind", PairingKind.class),
                school(v.get("mentor")), school(v.get("mentee")), Values.string(v, "programId"),
                Values.date(v, "startDate"), Values.date(v, "endDate"), Values.string(v, "note"),
                Values.dateTime(v, "createdAt"), Values.string(v, "createdBy"), v.get("synthetic").asBoolean(false));
    }

    /** A pairing's school, or null for one that is gone (a damaged graph: reported by the API as an error, not a crash). */
    private static School school(Value v) {
        return v.isNull() ? null : School.from(v);
    }

    public String mentorId() {
        return mentor == null ? null : mentor.id();
    }

    public String menteeId() {
        return mentee == null ? null : mentee.id();
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
