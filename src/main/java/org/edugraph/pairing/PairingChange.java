package org.edugraph.pairing;

import java.time.OffsetDateTime;

/** A change to a pairing, as subscribers see it; for REMOVED, the pairing as it was. */
public record PairingChange(Type type, String pairingId, Pairing pairing, OffsetDateTime at, String by) {

    public enum Type { ADDED, ENDED, REMOVED }
}
