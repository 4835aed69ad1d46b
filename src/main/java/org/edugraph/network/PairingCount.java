package org.edugraph.network;

import org.edugraph.api.Ref;
import org.edugraph.pairing.PairingKind;

/** How many selected pairings share these values; a dimension not grouped by is null. */
public record PairingCount(PairingKind kind, String programId, String mentorRegionCode, String menteeRegionCode,
        Integer startYear, int count) {

    // The program and regions, read with what the request selects under them (read/RowFields).

    public Ref.Known program() {
        return Ref.withKey(Ref.program(programId));
    }

    public Ref.Known mentorRegion() {
        return Ref.withKey(Ref.region(mentorRegionCode));
    }

    public Ref.Known menteeRegion() {
        return Ref.withKey(Ref.region(menteeRegionCode));
    }
}
