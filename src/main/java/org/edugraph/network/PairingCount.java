package org.edugraph.network;

import org.edugraph.api.Ref;
import org.edugraph.pairing.PairingKind;

/** How many selected pairings share these values; a dimension not grouped by is null. */
public record PairingCount(PairingKind kind, String programId, String mentorRegionCode, String menteeRegionCode,
        Integer startYear, int count) {

    // The program and regions, read with what the request selects under them (read/RowFields).

    public Ref program() {
        return Ref.program(programId);
    }

    public Ref mentorRegion() {
        return Ref.region(mentorRegionCode);
    }

    public Ref menteeRegion() {
        return Ref.region(menteeRegionCode);
    }
}
