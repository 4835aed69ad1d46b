package org.edugraph.network;

/**
 * One selected pairing as the statistics read it: its two schools and where they are.
 *
 * @param mentorRegion the code of the region the mentor is located in, or null
 * @param menteeRegion the same for the mentee
 */
record PairingRow(String id, String mentorId, String menteeId, String mentorRegion, String menteeRegion) {
}
