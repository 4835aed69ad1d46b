package org.edugraph.network;

import java.util.List;

import org.edugraph.api.Ref;

/**
 * A community of a pairing network.
 *
 * @param schoolIds      every school of it, most partners first, then by id
 * @param mainRegionCode the region most of its schools are located in, or null
 * @param mentors        its mentors with their distinct mentees inside it, most first, then by id
 */
public record Community(int id, int size, List<String> schoolIds, String mainRegionCode, List<MentorLoad> mentors) {

    /** The main region, read with what the request selects under it (read/RowFields). */
    public Ref mainRegion() {
        return Ref.region(mainRegionCode);
    }

    /** Its first {@code n} schools (Community.schools), read as refs, a level at a time (read/RowFields). */
    List<Ref> schools(int n) {
        return schoolIds.subList(0, Math.min(n, schoolIds.size())).stream().map(Ref::school).toList();
    }
}
