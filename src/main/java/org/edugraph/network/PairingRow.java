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
    static PairingRow from(org.neo4j.driver.Record r) {
        String kind = org.edugraph.api.Values.string(r, "kind");
        return new PairingRow(r.get("id").asString(), r.get("mentor").asString(), r.get("mentee").asString(),
                org.edugraph.api.Values.string(r, "mentorRegion"), org.edugraph.api.Values.string(r, "menteeRegion"),
                kind == null ? null : PairingKind.valueOf(kind), org.edugraph.api.Values.string(r, "program"),
                org.edugraph.api.Values.date(r, "startDate"), org.edugraph.api.Values.date(r, "endDate"));
    }

    /** True when the pairing is active on {@code day} (null: any day). */
    boolean activeOn(LocalDate day) {
        return day == null || org.edugraph.pairing.PairingActivity.isActive(startDate, endDate, day);
    }
}
