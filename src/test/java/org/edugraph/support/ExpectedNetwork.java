package org.edugraph.support;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.edugraph.neo4j.Graph;
import org.neo4j.driver.Value;

/**
 * The answers of the network analytics worked out the slow, obvious way, independently
 * of the code under test: every pairing, school, region, membership and participation is
 * read raw from the graph, filters are applied in plain Java, components come from a
 * breadth-first search, neighbourhoods and paths likewise. Tests compare the API's
 * answers with these.
 */
public final class ExpectedNetwork {

    public record Pairing(String id, String kind, String mentor, String mentee, String program, LocalDate start,
            LocalDate end) {
    }

    public record Membership(String school, String group, LocalDate since) {
    }

    public record Participation(String school, String program, String role, Integer year) {
    }

    /** A PairingFilter, as plain values. */
    public record Filter(String programId, List<String> kinds, String regionCode, String mentorId, String menteeId,
            LocalDate activeOn) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null);

        public static Filter region(String code) {
            return new Filter(null, null, code, null, null, null);
        }

        public Filter activeOn(LocalDate day) {
            return new Filter(programId, kinds, regionCode, mentorId, menteeId, day);
        }

        public Filter kinds(String... kinds) {
            return new Filter(programId, List.of(kinds), regionCode, mentorId, menteeId, activeOn);
        }

        public Filter program(String id) {
            return new Filter(id, kinds, regionCode, mentorId, menteeId, activeOn);
        }

        public Filter mentor(String id) {
            return new Filter(programId, kinds, regionCode, id, menteeId, activeOn);
        }

        /** The filter as a GraphQL input literal. */
        public String graphql() {
            List<String> parts = new ArrayList<>();
            if (programId != null) {
                parts.add("programId: \"" + programId + "\"");
            }
            if (kinds != null) {
                parts.add("kinds: [" + String.join(", ", kinds) + "]");
            }
            if (regionCode != null) {
                parts.add("regionCode: \"" + regionCode + "\"");
            }
            if (mentorId != null) {
                parts.add("mentorId: \"" + mentorId + "\"");
            }
            if (menteeId != null) {
                parts.add("menteeId: \"" + menteeId + "\"");
            }
            if (activeOn != null) {
                parts.add("activeOn: \"" + activeOn + "\"");
            }
            return "{" + String.join(", ", parts) + "}";
        }
    }

    public final List<Pairing> pairings = new ArrayList<>();
    public final Map<String, String> schoolRegion = new HashMap<>();
    public final Map<String, String> groupRegion = new HashMap<>();
    public final Map<String, String> regionParent = new HashMap<>();
    public final Map<String, String> regionLevel = new HashMap<>();
    public final List<Membership> memberships = new ArrayList<>();
    public final List<Participation> participations = new ArrayList<>();

    /** Reads the whole graph's network as it is now. */
    public static ExpectedNetwork read(Graph graph) {
        ExpectedNetwork n = new ExpectedNetwork();
        graph.read("""
                MATCH (p:Pairing)-[:MENTOR]->(a:School), (p)-[:MENTEE]->(b:School)
                RETURN p.id AS id, p.kind AS kind, a.id AS mentor, b.id AS mentee,
                       [(p)-[:UNDER]->(x) | x.id][0] AS program, p.startDate AS start, p.endDate AS end""", Map.of())
                .forEach(r -> n.pairings.add(new Pairing(r.get("id").asString(), r.get("kind").asString(),
                        r.get("mentor").asString(), r.get("mentee").asString(), text(r.get("program")),
                        date(r.get("start")), date(r.get("end")))));
        graph.read("MATCH (s:School) RETURN s.id AS id, [(s)-[:LOCATED_IN]->(r) | r.code][0] AS region", Map.of())
                .forEach(r -> n.schoolRegion.put(r.get("id").asString(), text(r.get("region"))));
        graph.read("MATCH (g:EducationGroup) RETURN g.id AS id, [(g)-[:LOCATED_IN]->(r) | r.code][0] AS region", Map.of())
                .forEach(r -> n.groupRegion.put(r.get("id").asString(), text(r.get("region"))));
        graph.read("MATCH (r:Region) RETURN r.code AS code, r.level AS level, [(r)-[:PART_OF]->(p) | p.code][0] AS parent", Map.of())
                .forEach(r -> {
                    n.regionParent.put(r.get("code").asString(), text(r.get("parent")));
                    n.regionLevel.put(r.get("code").asString(), text(r.get("level")));
                });
        graph.read("MATCH (s:School)-[m:MEMBER_OF]->(g:EducationGroup) RETURN s.id AS school, g.id AS grp, m.since AS since", Map.of())
                .forEach(r -> n.memberships.add(new Membership(r.get("school").asString(), r.get("grp").asString(),
                        date(r.get("since")))));
        graph.read("MATCH (s:School)-[m:PARTICIPATES_IN]->(p:Program) RETURN s.id AS school, p.id AS program, m.role AS role, m.year AS year",
                Map.of()).forEach(r -> n.participations.add(new Participation(r.get("school").asString(),
                        r.get("program").asString(), r.get("role").asString(),
                        r.get("year").isNull() ? null : r.get("year").asInt())));
        return n;
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static LocalDate date(Value v) {
        return v.isNull() ? null : v.asLocalDate();
    }

    public boolean within(String region, String ancestor) {
        for (String r = region; r != null; r = regionParent.get(r)) {
            if (r.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    public String ancestorAt(String region, String level) {
        for (String r = region; r != null; r = regionParent.get(r)) {
            if (level.equals(regionLevel.get(r))) {
                return r;
            }
        }
        return null;
    }

    public List<Pairing> selected(Filter f) {
        return pairings.stream().filter(p -> selects(f, p)).toList();
    }

    public boolean selects(Filter f, Pairing p) {
        return (f.programId() == null || f.programId().equals(p.program()))
                && (f.kinds() == null || f.kinds().contains(p.kind()))
                && (f.regionCode() == null || within(schoolRegion.get(p.mentor()), f.regionCode())
                        || within(schoolRegion.get(p.mentee()), f.regionCode()))
                && (f.mentorId() == null || f.mentorId().equals(p.mentor()))
                && (f.menteeId() == null || f.menteeId().equals(p.mentee()))
                && (f.activeOn() == null || (p.start() == null || !p.start().isAfter(f.activeOn()))
                        && (p.end() == null || !p.end().isBefore(f.activeOn())));
    }

    /** networkStats, as a map of the contract's field names. */
    public Map<String, Object> stats(Filter f) {
        List<Pairing> selected = selected(f);
        Set<String> schools = new TreeSet<>();
        Set<String> mentors = new TreeSet<>();
        Set<String> mentees = new TreeSet<>();
        Map<String, Set<String>> menteesOf = new TreeMap<>();
        int cross = 0;
        for (Pairing p : selected) {
            schools.add(p.mentor());
            schools.add(p.mentee());
            mentors.add(p.mentor());
            mentees.add(p.mentee());
            menteesOf.computeIfAbsent(p.mentor(), k -> new TreeSet<>()).add(p.mentee());
            String a = ancestorAt(schoolRegion.get(p.mentor()), "COUNTY");
            String b = ancestorAt(schoolRegion.get(p.mentee()), "COUNTY");
            if (a != null && b != null && !a.equals(b)) {
                cross++;
            }
        }
        // Components by breadth-first search over an undirected adjacency list.
        Map<String, List<String>> adjacent = new HashMap<>();
        for (Pairing p : selected) {
            adjacent.computeIfAbsent(p.mentor(), k -> new ArrayList<>()).add(p.mentee());
            adjacent.computeIfAbsent(p.mentee(), k -> new ArrayList<>()).add(p.mentor());
        }
        Set<String> seen = new HashSet<>();
        int components = 0;
        int largest = 0;
        for (String start : schools) {
            if (!seen.add(start)) {
                continue;
            }
            components++;
            int size = 0;
            Deque<String> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                String s = queue.poll();
                size++;
                for (String t : adjacent.getOrDefault(s, List.of())) {
                    if (seen.add(t)) {
                        queue.add(t);
                    }
                }
            }
            largest = Math.max(largest, size);
        }
        int max = menteesOf.values().stream().mapToInt(Set::size).max().orElse(0);
        double mean = menteesOf.isEmpty() ? 0.0 : menteesOf.values().stream().mapToInt(Set::size).average().orElse(0);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("schools", schools.size());
        stats.put("mentors", mentors.size());
        stats.put("mentees", mentees.size());
        stats.put("pairings", selected.size());
        stats.put("crossRegionPairings", cross);
        stats.put("maxMenteesPerMentor", max);
        stats.put("meanMenteesPerMentor", mean);
        stats.put("components", components);
        stats.put("largestComponent", largest);
        return stats;
    }

    /** topMentors: mentor id and distinct mentees, most first, then by id. */
    public List<Map.Entry<String, Integer>> topMentors(Filter f, int limit) {
        Map<String, Set<String>> menteesOf = new TreeMap<>();
        selected(f).forEach(p -> menteesOf.computeIfAbsent(p.mentor(), k -> new TreeSet<>()).add(p.mentee()));
        return menteesOf.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().size()))
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).toList();
    }

    /** coverage(level): region code to [schools, paired, mentors, mentees, unpaired], rows with schools only. */
    public Map<String, List<Integer>> coverage(Filter f, String level) {
        return coverage(f, level, p -> true);
    }

    /** {@link #coverage(Filter, String)} counting only the selected pairings that {@code counted} keeps. */
    public Map<String, List<Integer>> coverage(Filter f, String level, java.util.function.Predicate<Pairing> counted) {
        Set<String> paired = new HashSet<>();
        Set<String> mentors = new HashSet<>();
        Set<String> mentees = new HashSet<>();
        for (Pairing p : selected(f)) {
            if (!counted.test(p)) {
                continue;
            }
            paired.add(p.mentor());
            paired.add(p.mentee());
            mentors.add(p.mentor());
            mentees.add(p.mentee());
        }
        Map<String, int[]> rows = new TreeMap<>();
        schoolRegion.forEach((school, region) -> {
            if (region == null || f.regionCode() != null && !within(region, f.regionCode())) {
                return;
            }
            String row = ancestorAt(region, level);
            if (row == null) {
                return;
            }
            int[] c = rows.computeIfAbsent(row, k -> new int[4]);
            c[0]++;
            c[1] += paired.contains(school) ? 1 : 0;
            c[2] += mentors.contains(school) ? 1 : 0;
            c[3] += mentees.contains(school) ? 1 : 0;
        });
        Map<String, List<Integer>> result = new TreeMap<>();
        rows.forEach((code, c) -> result.put(code, List.of(c[0], c[1], c[2], c[3], c[0] - c[1])));
        return result;
    }

    /** The edge ids of partnershipNetwork with these flags and no limit. */
    public Set<String> networkEdges(Filter f, boolean groups, boolean programs) {
        Set<String> edges = new TreeSet<>();
        Set<String> scope = new HashSet<>();
        for (Pairing p : selected(f)) {
            edges.add(p.id());
            scope.add(p.mentor());
            scope.add(p.mentee());
        }
        if (!groups && !programs) {
            return edges;
        }
        boolean pairingOnly = f.kinds() != null || f.mentorId() != null || f.menteeId() != null;
        if (!pairingOnly) {
            for (String school : schoolRegion.keySet()) {
                if (f.regionCode() != null && !within(schoolRegion.get(school), f.regionCode())) {
                    continue;
                }
                boolean inScope = f.programId() != null
                        ? participations.stream().anyMatch(x -> x.school().equals(school) && x.program().equals(f.programId())
                                && yearCounts(x, f))
                        : groups && memberships.stream().anyMatch(m -> m.school().equals(school) && sinceCounts(m, f))
                                || programs && participations.stream().anyMatch(x -> x.school().equals(school) && yearCounts(x, f));
                if (inScope) {
                    scope.add(school);
                }
            }
        }
        if (groups) {
            memberships.stream().filter(m -> scope.contains(m.school()) && sinceCounts(m, f))
                    .forEach(m -> edges.add(m.school() + ">group:" + m.group()));
        }
        if (programs) {
            participations.stream().filter(x -> scope.contains(x.school()) && yearCounts(x, f)
                            && (f.programId() == null || f.programId().equals(x.program())))
                    .forEach(x -> edges.add(x.school() + ">program:" + x.program() + "/" + x.role()));
        }
        return edges;
    }

    private static boolean sinceCounts(Membership m, Filter f) {
        return f.activeOn() == null || m.since() == null || !m.since().isAfter(f.activeOn());
    }

    private static boolean yearCounts(Participation x, Filter f) {
        return f.activeOn() == null || x.year() == null || x.year() <= f.activeOn().getYear();
    }

    /**
     * The schools one hop from {@code school}: through selected pairings, and (with groups)
     * shared groups, which under a region filter must lie in that region.
     */
    public Set<String> neighbours(String school, Filter f, boolean groups) {
        Set<String> result = new TreeSet<>();
        for (Pairing p : selected(f)) {
            if (p.mentor().equals(school)) {
                result.add(p.mentee());
            } else if (p.mentee().equals(school)) {
                result.add(p.mentor());
            }
        }
        if (groups) {
            Set<String> myGroups = new HashSet<>();
            memberships.stream().filter(m -> m.school().equals(school) && sinceCounts(m, f)
                            && (f.regionCode() == null || within(groupRegion.get(m.group()), f.regionCode())))
                    .forEach(m -> myGroups.add(m.group()));
            memberships.stream()
                    .filter(m -> myGroups.contains(m.group()) && sinceCounts(m, f) && !m.school().equals(school))
                    .forEach(m -> result.add(m.school()));
        }
        return result;
    }

    /** Every school within {@code depth} hops, by breadth-first search, with its distance. */
    public Map<String, Integer> distances(String from, Filter f, boolean groups, int depth) {
        Map<String, Integer> distance = new LinkedHashMap<>();
        distance.put(from, 0);
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String s = queue.poll();
            int d = distance.get(s);
            if (d == depth) {
                continue;
            }
            for (String t : neighbours(s, f, groups)) {
                if (!distance.containsKey(t)) {
                    distance.put(t, d + 1);
                    queue.add(t);
                }
            }
        }
        return distance;
    }
}
