package org.edugraph.network;

import java.util.List;

import org.edugraph.region.Region;

/**
 * A community of a pairing network.
 *
 * @param schoolIds  every school of it, most partners first, then by id
 * @param mainRegion the region most of its schools are located in, or null
 * @param mentors    its mentors with their distinct mentees inside it, most first, then by id
 */
public record Community(int id, int size, List<String> schoolIds, Region mainRegion, List<MentorLoad> mentors) {
}
