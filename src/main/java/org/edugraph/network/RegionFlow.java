package org.edugraph.network;

import java.util.List;

import org.edugraph.region.Region;

/**
 * The selected pairings from mentors in one region to mentees in another (or the same).
 *
 * @param brokerIds the schools of the flow in most of its pairings, most first, then by id
 */
public record RegionFlow(Region from, Region to, int pairings, List<String> brokerIds) {
}
