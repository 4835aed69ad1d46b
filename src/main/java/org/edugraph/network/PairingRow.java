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
        String kind = (String) r.get("kind");
        return new PairingRow((String) r.get("id"), (String) r.get("mentor"), (String) r.get("mentee"),
                (String) r.get("mentorRegion"), (String) r.get("menteeRegion"), kind == null ? null : PairingKind.valueOf(kind),
                (String) r.get("program"), (LocalDate) r.get("startDate"), (LocalDate) r.get("endDate"));
    }

    /** True when the pairing is active on {@code day} (null: any day). */
    boolean activeOn(LocalDate day) {
        return day == null || org.edugraph.pairing.PairingActivity.isActive(startDate, endDate, day);
    }
}
