package org.edugraph.network;

import org.edugraph.api.Ref;

/** One region's part in a network: its schools, those in a selected pairing, and those left out. */
public record RegionCoverage(String regionCode, int schools, int pairedSchools, int mentors, int mentees,
        int unpairedSchools) {

    /** The region, read with what the request selects under it (read/RowFields). */
    public Ref region() {
        return Ref.region(regionCode);
    }
}
