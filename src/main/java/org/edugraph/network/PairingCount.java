package org.edugraph.network;

import org.edugraph.pairing.PairingKind;
import org.edugraph.region.Region;

/** How many selected pairings share these values; a dimension not grouped by is null. */
public record PairingCount(PairingKind kind, String programId, Region mentorRegion, Region menteeRegion, Integer startYear,
        int count) {
}
