package org.edugraph.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.edugraph.region.RegionLevel;

/**
 * The statistics of a pairing network, computed in one pass over its pairings as they
 * stream from the database: counts, mentor load, cross-county pairings and connected
 * components (a union-find over the schools, see {@link UnionFind}). Memory grows with
 * the schools of the network, not with its pairings' text.
 */
final class NetworkStatistics {

    /** What one school of the network is: where it is, whether it mentors, whether it is mentored. */
    static final class SchoolPart {
        final String regionCode;
        final int index;
        boolean mentor;
        boolean mentee;

        SchoolPart(String regionCode, int index) {
            this.regionCode = regionCode;
            this.index = index;
        }
    }

    private final RegionTree regions;
    private final Map<String, SchoolPart> schools = new HashMap<>();
    private final Map<String, Set<String>> menteesOf = new HashMap<>();
    private final UnionFind components = new UnionFind();
    private int pairings;
    private int crossRegion;

    NetworkStatistics(RegionTree regions) {
        this.regions = regions;
    }

    void add(PairingRow row) {
        pairings++;
        SchoolPart mentor = school(row.mentorId(), row.mentorRegion());
        SchoolPart mentee = school(row.menteeId(), row.menteeRegion());
        mentor.mentor = true;
        mentee.mentee = true;
        menteesOf.computeIfAbsent(row.mentorId(), k -> new HashSet<>()).add(row.menteeId());
        components.union(mentor.index, mentee.index);
        var a = regions.ancestorAt(row.mentorRegion(), RegionLevel.COUNTY);
        var b = regions.ancestorAt(row.menteeRegion(), RegionLevel.COUNTY);
        if (a != null && b != null && !a.code().equals(b.code())) {
            crossRegion++;
        }
    }

    private SchoolPart school(String id, String regionCode) {
        return schools.computeIfAbsent(id, k -> new SchoolPart(regionCode, components.add()));
    }

    int schools() {
        return schools.size();
    }

    int mentors() {
        return menteesOf.size();
    }

    int mentees() {
        return (int) schools.values().stream().filter(s -> s.mentee).count();
    }

    int pairings() {
        return pairings;
    }

    int crossRegionPairings() {
        return crossRegion;
    }

    int maxMenteesPerMentor() {
        return menteesOf.values().stream().mapToInt(Set::size).max().orElse(0);
    }

    double meanMenteesPerMentor() {
        return menteesOf.isEmpty() ? 0.0 : menteesOf.values().stream().mapToInt(Set::size).sum() / (double) menteesOf.size();
    }

    int components() {
        return components.sets();
    }

    int largestComponent() {
        return components.largest();
    }

    /** The mentors with the most distinct mentees, ties by id, at most {@code limit}. */
    List<Map.Entry<String, Integer>> topMentors(int limit) {
        List<Map.Entry<String, Integer>> loads = new ArrayList<>();
        menteesOf.forEach((id, mentees) -> loads.add(Map.entry(id, mentees.size())));
        loads.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        return loads.subList(0, Math.min(limit, loads.size()));
    }

    /** Every school of the network with its part in it. */
    Map<String, SchoolPart> schoolParts() {
        return schools;
    }
}
