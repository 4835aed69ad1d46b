package org.edugraph.network;

/**
 * What the data was when something was read or computed from it, for what this instance keeps
 * (the measures, the pairings, the region tree): the pairing change log's last number (every
 * pairing write of every instance) and this instance's writes ended (what bypasses the log: a
 * school moved to another region, seeds, data written directly). A kept value answers only a
 * request that finds the same version, so a change is seen by the next request.
 */
record DataVersion(long changes, long writes) {
}
