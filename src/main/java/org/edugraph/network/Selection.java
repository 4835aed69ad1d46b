package org.edugraph.network;

import java.time.LocalDate;
import java.util.List;

import org.edugraph.pairing.PairingFilter;

/**
 * A network to measure: the pairings a filter selects and, when {@code alsoActiveOn} is
 * set, only those of them active on that day too (networkDiff's two days under a filter
 * that names its own {@code activeOn}). Written one way only, so that equal selections
 * are equal keys: kinds sorted, each once; a day with no {@code activeOn} in the filter
 * becomes the filter's.
 */
record Selection(PairingFilter filter, LocalDate alsoActiveOn) {

    static Selection of(PairingFilter filter, LocalDate alsoActiveOn) {
        List<org.edugraph.pairing.PairingKind> kinds = filter.kinds() == null ? null
                : filter.kinds().stream().distinct().sorted().toList();
        LocalDate activeOn = filter.activeOn();
        LocalDate also = alsoActiveOn;
        if (activeOn == null) {
            activeOn = also;
            also = null;
        } else if (activeOn.equals(also)) {
            also = null;
        }
        return new Selection(new PairingFilter(filter.programId(), kinds, filter.regionCode(), filter.mentorId(),
                filter.menteeId(), activeOn), also);
    }
}
