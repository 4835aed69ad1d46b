package org.edugraph.network;

import org.edugraph.region.Region;

/** One region's part in a network: its schools, those in a selected pairing, and those left out. */
public record RegionCoverage(Region region, int schools, int pairedSchools, int mentors, int mentees, int unpairedSchools) {
}
