package org.edugraph.network;

import java.time.LocalDate;

import org.edugraph.pairing.PairingKind;

/**
 * One selected pairing as the analytics read it: its two schools and where they are; for
 * the network science also its kind, program and dates (null where the statement read
 * does not give them, as for the statistics).
 *
 * @param mentorRegion the code of the region the mentor is located in, or null
 * @param menteeRegion the same for the mentee
 */
record PairingRow(String id, String mentorId, String menteeId, String mentorRegion, String menteeRegion, PairingKind kind,
        String programId, LocalDate startDate, LocalDate endDate) {

    PairingRow(String id, String mentorId, String menteeId, String mentorRegion, String menteeRegion) {
        this(id, mentorId, menteeId, mentorRegion, menteeRegion, null, null, null, null);
    }

    /** A row of {@link NetworkCypher#pairings}. */
    static PairingRow from(java.util.Map<String, Object> r) {
        return from(r, java.util.function.UnaryOperator.identity());
    }

    /**
     * A row of {@link NetworkCypher#pairings}, each value but the pairing's id passed through
     * {@code same}: a read that keeps its rows gives one object for equal values (a school's
     * id in each of its pairings, a region's code, a date), which halves what the rows hold.
     */
    static PairingRow from(java.util.Map<String, Object> r, java.util.function.UnaryOperator<Object> same) {
        String kind = (String) r.get("kind");
        return new PairingRow((String) r.get("id"), (String) same.apply(r.get("mentor")), (String) same.apply(r.get("mentee")),
                (String) same.apply(r.get("mentorRegion")), (String) same.apply(r.get("menteeRegion")),
                kind == null ? null : PairingKind.valueOf(kind), (String) same.apply(r.get("program")),
                (LocalDate) same.apply(r.get("startDate")), (LocalDate) same.apply(r.get("endDate")));
    }

    /** True when the pairing is active on {@code day} (null: any day). */
    boolean activeOn(LocalDate day) {
        return day == null || org.edugraph.pairing.PairingActivity.isActive(startDate, endDate, day);
    }
}
