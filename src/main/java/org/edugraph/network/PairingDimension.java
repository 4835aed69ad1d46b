package org.edugraph.network;

/** What pairingCounts groups pairings by. */
public enum PairingDimension {
    KIND, PROGRAM, MENTOR_REGION, MENTEE_REGION, START_YEAR
}
