package org.edugraph.pairing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A committed change to pairings, as subscribers see it: one pairing added, ended or
 * removed (for REMOVED, the pairing as it was), or a whole import. {@code sequence} is its
 * number in the change log, increasing in commit order and the same on every instance.
 * {@code pairings} holds the one pairing, or the first of an import's (loaded once for all
 * subscribers); {@code count} how many the change concerns.
 */
public record PairingChange(long sequence, Type type, String pairingId, Pairing pairing, List<Pairing> pairings,
        int count, String importId, OffsetDateTime at, String by) {

    public enum Type { ADDED, ENDED, REMOVED, IMPORTED }

    /** The same change with an import's pairings, as loaded for every subscriber at once. */
    PairingChange withPairings(List<Pairing> loaded) {
        return new PairingChange(sequence, type, pairingId, pairing, List.copyOf(loaded), count, importId, at, by);
    }
}
