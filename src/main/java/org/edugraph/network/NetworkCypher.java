package org.edugraph.network;

import org.edugraph.pairing.PairingFilter;
import org.edugraph.region.RegionCypher;

/**
 * The Cypher of the network analytics and exports, built from fixed text only: which
 * parts are present is chosen here from the flags and the filter's shape, every value is
 * a parameter ({@code pf...} from {@link PairingFilter.Cypher}).
 */
final class NetworkCypher {

    private NetworkCypher() {
    }

    /** A membership counts on the filter's day when it began on or before it (or its start is not known). */
    static String memberSince(String membership) {
        return "($pfDay IS NULL OR %1$s.since IS NULL OR %1$s.since <= $pfDay)".formatted(membership);
    }

    /** A participation counts on the filter's day unless it is reported for a later year. */
    static String participatesBy(String participation) {
        return "($pfDay IS NULL OR %1$s.year IS NULL OR %1$s.year <= $pfDay.year)".formatted(participation);
    }

    /**
     * A subquery body that yields the rows of every edge of a network: {@code part} (0
     * pairings, 1 memberships, 2 participations), {@code id}, {@code kind}, the nodes
     * {@code source} and {@code target}, and the {@code pairing} node or null.
     *
     * <p>The schools are those of the selected pairings, each once (a school in several
     * pairings would otherwise repeat its group and program edges, which then used up a
     * network's limit); when the filter names no kinds, mentor or mentee and a flag is
     * set, also the schools of the filter's region (all without one) that belong to a
     * group or take part in a program (with {@code programId}, the participants of that
     * program).
     */
    static String edges(PairingFilter.Cypher filter, boolean groups, boolean programs) {
        StringBuilder q = new StringBuilder();
        q.append(filter.match()).append("""

                MATCH (n)-[:MENTOR]->(a:School), (n)-[:MENTEE]->(b:School)
                RETURN 0 AS part, n.id AS id, n.kind AS kind, a AS source, b AS target, n AS pairing
                """);
        if (!groups && !programs) {
            return q.toString();
        }
        q.append("UNION ALL\nCALL () {\n  ").append(filter.match()).append("""

                  MATCH (n)-[:MENTOR|MENTEE]->(s:School)
                  RETURN DISTINCT s
                """);
        PairingFilter f = filter.filter();
        if (!f.namesPairingsOnly()) {
            q.append("  UNION\n  MATCH ")
                    .append(f.regionCode() != null ? RegionCypher.schoolsWithin("s", "$" + PairingFilter.Cypher.REGION) : "(s:School)")
                    .append("\n  WHERE ");
            if (f.programId() != null) {
                q.append("EXISTS { (s)-[r:PARTICIPATES_IN]->(:Program {id: $pfProgram}) WHERE ")
                        .append(participatesBy("r")).append(" }");
            } else {
                q.append("(").append(groups).append(" AND EXISTS { (s)-[m:MEMBER_OF]->(:EducationGroup) WHERE ")
                        .append(memberSince("m")).append(" }) OR (").append(programs)
                        .append(" AND EXISTS { (s)-[r:PARTICIPATES_IN]->(:Program) WHERE ").append(participatesBy("r")).append(" })");
            }
            q.append("\n  RETURN s\n");
        }
        q.append("}\nCALL (s) {\n");
        if (groups) {
            q.append("  MATCH (s)-[m:MEMBER_OF]->(g:EducationGroup) WHERE ").append(memberSince("m")).append("""

                      RETURN 1 AS part, s.id + '>group:' + g.id AS id, 'MEMBER_OF' AS kind, g AS target
                    """);
        }
        if (groups && programs) {
            q.append("  UNION ALL\n");
        }
        if (programs) {
            q.append("  MATCH (s)-[r:PARTICIPATES_IN]->(p:Program) WHERE ($pfProgram IS NULL OR p.id = $pfProgram) AND ")
                    .append(participatesBy("r")).append("""

                      RETURN 2 AS part, s.id + '>program:' + p.id + '/' + r.role AS id, r.role AS kind, p AS target
                    """);
        }
        q.append("}\nRETURN part, id, kind, s AS source, target, null AS pairing\n");
        return q.toString();
    }

    /** The first {@code $cap} edges of a network in their stable order, projected. */
    static String network(PairingFilter.Cypher filter, boolean groups, boolean programs) {
        return "CALL () {\n" + edges(filter, groups, programs) + "}\n" + """
                WITH part, id, kind, source, target, pairing ORDER BY part, id LIMIT $cap
                RETURN part, id, kind, %s AS source, %s AS target, %s AS pairing
                ORDER BY part, id""".formatted(NetworkNode.projection("source"), NetworkNode.projection("target"),
                NetworkEdge.pairingProjection("pairing"));
    }

    /**
     * One step of a neighbourhood, from the schools of {@code $frontier}: the selected
     * pairings to schools not reached before (to one another once; with {@code $closing},
     * only among the frontier), and the members of the groups of the frontier not drawn
     * yet. Each row is an edge not seen before, with {@code reached}, the school it leads to.
     */
    static String neighbourhoodStep(PairingFilter.Cypher filter, boolean groups) {
        StringBuilder q = new StringBuilder("CALL () {\n");
        q.append("""
                  UNWIND $frontier AS sid
                  MATCH (s:School {id: sid})<-[:MENTOR|MENTEE]-(n:Pairing)-[:MENTOR|MENTEE]->(o:School)
                  WHERE o <> s AND NOT o.id IN $earlier AND (NOT o.id IN $frontier OR s.id < o.id)
                    AND (NOT $closing OR o.id IN $frontier) AND %s
                  MATCH (n)-[:MENTOR]->(a:School), (n)-[:MENTEE]->(b:School)
                  RETURN 0 AS part, n.id AS id, n.kind AS kind, a AS source, b AS target, o AS reached, n AS pairing
                """.formatted(filter.where("n")));
        if (groups) {
            q.append("""
                      UNION ALL
                      UNWIND $frontier AS sid
                      MATCH (:School {id: sid})-[m:MEMBER_OF]->(g:EducationGroup)
                      WHERE NOT $closing AND NOT g.id IN $seenGroups AND %s AND %s
                      WITH DISTINCT g
                      MATCH (g)<-[m2:MEMBER_OF]-(o:School)
                      WHERE %s
                      RETURN 1 AS part, o.id + '>group:' + g.id AS id, 'MEMBER_OF' AS kind, o AS source, g AS target,
                             o AS reached, null AS pairing
                    """.formatted(memberSince("m"), viaGroup(filter, true, "g"), memberSince("m2")));
        }
        q.append("}\n").append("""
                WITH part, id, kind, source, target, reached, pairing ORDER BY part, id LIMIT $cap
                RETURN part, id, kind, %s AS source, %s AS target, reached.id AS reached, %s AS pairing
                ORDER BY part, id""".formatted(NetworkNode.projection("source"), NetworkNode.projection("target"),
                NetworkEdge.pairingProjection("pairing")));
        return q.toString();
    }

    /**
     * The shortest chain from {@code $from} to {@code $to}: each step a selected pairing
     * (either direction) or, with {@code groups}, a group both schools belong to. Returns
     * the path's nodes in order, schools and pairings and groups, projected. Every
     * predicate here must be one the planner can check while it searches (its plan says
     * "inlined predicates"): one it can only check on a finished path, such as {@code x <> z},
     * turns the breadth-first search into an enumeration of paths (seconds, not
     * milliseconds, when none matches).
     */
    static String path(PairingFilter.Cypher filter, boolean groups) {
        return """
                MATCH chain = SHORTEST 1 (:School {id: $from})
                  ((x:School)-[r1:MENTOR|MENTEE|MEMBER_OF]-(y)-[r2:MENTOR|MENTEE|MEMBER_OF]-(z:School)
                    WHERE ((y:Pairing AND %s) OR %s) AND %s AND %s)+
                  (:School {id: $to})
                UNWIND nodes(chain) AS step
                RETURN CASE WHEN step:Pairing THEN {pairing: %s, mentor: [(step)-[:MENTOR]->(m) | m.id][0],
                                                   mentee: [(step)-[:MENTEE]->(m) | m.id][0], kind: step.kind}
                            ELSE {node: %s} END AS step"""
                .formatted(filter.where("y"), viaGroup(filter, groups, "y"), memberSince("r1"), memberSince("r2"),
                        NetworkEdge.pairingProjection("step"), NetworkNode.projection("step"));
    }

    /**
     * A group a chain may pass through: any, or with a filter's region, one located in it
     * (the analogue of a pairing with a school there). A condition on the group alone, so
     * that the shortest-path search can check it as it goes.
     */
    static String viaGroup(PairingFilter.Cypher filter, boolean groups, String group) {
        if (!groups) {
            return "false";
        }
        return filter.filter().regionCode() == null ? "%s:EducationGroup".formatted(group)
                : "(%s:EducationGroup AND %s)".formatted(group, RegionCypher.locatedWithin(group, "$" + PairingFilter.Cypher.REGION));
    }

    /** Every node of a network once (for exports), projected. */
    static String exportNodes(PairingFilter.Cypher filter, boolean groups, boolean programs) {
        return "CALL () {\n" + edges(filter, groups, programs) + "}\n" + """
                UNWIND [source, target] AS node
                WITH DISTINCT node
                RETURN %s AS node""".formatted(NetworkNode.projection("node"));
    }

    /**
     * Every edge of a network (for exports), in no particular order, its ends projected
     * only as far as an edge needs ({@link NetworkNode#referenceProjection}): the nodes
     * themselves come from {@link #exportNodes}.
     */
    static String exportEdges(PairingFilter.Cypher filter, boolean groups, boolean programs) {
        return "CALL () {\n" + edges(filter, groups, programs) + "}\n" + """
                RETURN id, kind, %s AS source, %s AS target, %s AS pairing""".formatted(
                NetworkNode.referenceProjection("source"), NetworkNode.referenceProjection("target"),
                NetworkEdge.pairingProjection("pairing"));
    }

    /**
     * Every selected pairing (for the CSV export), in no particular order: a sort would
     * hold them all in memory. Both schools with their names and region codes, the program.
     */
    static String exportPairings(PairingFilter.Cypher filter) {
        return filter.match() + """

                MATCH (n)-[:MENTOR]->(a:School), (n)-[:MENTEE]->(b:School)
                WITH n, a, b, [(n)-[:UNDER]->(p:Program) | p][0] AS p
                RETURN n.id AS id, n.kind AS kind, n.startDate AS startDate, n.endDate AS endDate,
                       coalesce(n.synthetic, false) AS synthetic,
                       a.id AS mentorId, a.name AS mentorName, [(a)-[:LOCATED_IN]->(r:Region) | r.code][0] AS mentorRegion,
                       b.id AS menteeId, b.name AS menteeName, [(b)-[:LOCATED_IN]->(r:Region) | r.code][0] AS menteeRegion,
                       p.id AS programId, p.name AS programName""";
    }

    /**
     * The selected pairings with what the analytics need of them: each pairing's id, its
     * schools and the regions they are located in, its kind, program and dates. The one
     * statement every analytic reads the pairings with (NetworkAnalytics#pairings).
     */
    static String pairings(PairingFilter.Cypher filter) {
        return filter.match() + """

                MATCH (n)-[:MENTOR]->(a:School), (n)-[:MENTEE]->(b:School)
                RETURN n.id AS id, a.id AS mentor, b.id AS mentee,
                       [(a)-[:LOCATED_IN]->(r:Region) | r.code][0] AS mentorRegion,
                       [(b)-[:LOCATED_IN]->(r:Region) | r.code][0] AS menteeRegion,
                       n.kind AS kind, [(n)-[:UNDER]->(p:Program) | p.id][0] AS program,
                       n.startDate AS startDate, n.endDate AS endDate""";
    }
}
