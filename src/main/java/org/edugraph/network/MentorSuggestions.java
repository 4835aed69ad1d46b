package org.edugraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.edugraph.api.References;
import org.edugraph.api.References.Kind;
import org.edugraph.neo4j.Graph;
import org.edugraph.pairing.PairingActivity;
import org.edugraph.region.Region;
import org.edugraph.region.RegionCypher;
import org.edugraph.region.RegionLevel;
import org.jgrapht.alg.linkprediction.AdamicAdarIndexLinkPrediction;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * Candidate mentors for a school, scored by a stated rule (see the schema's
 * {@code mentorSuggestions}): nearness, how many schools a candidate mentors today, and
 * the Adamic-Adar index of the two schools over today's pairings. Reads only: two
 * statements beside the id check and the regions, whatever the size of the network.
 */
@Service
class MentorSuggestions {

    static final double NEAR = 0.4;
    static final double FREE = 0.3;
    static final double LINKED = 0.3;

    private final Graph graph;
    private final References references;
    private final NetworkAnalytics analytics;
    private final NetworkScience science;

    MentorSuggestions(Graph graph, References references, NetworkAnalytics analytics, NetworkScience science) {
        this.graph = graph;
        this.references = references;
        this.analytics = analytics;
        this.science = science;
    }

    /** A candidate as read: where it is and how many schools it mentors today. */
    private record Candidate(String id, String name, String region, int mentees) {
    }

    List<MentorSuggestion> suggest(String schoolId, Integer first) {
        int n = science.first(first);
        references.check().ref(Kind.SCHOOL, schoolId).require();
        return analytics.gate().through(analytics.waitForGate(), () -> rank(schoolId, n, science.today()));
    }

    private List<MentorSuggestion> rank(String schoolId, int n, LocalDate today) {
        RegionTree regions = analytics.regions();
        // The school's partners today, each with its own partners today: the neighbourhood the link index needs.
        Map<String, Set<String>> partnersOf = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        String home = null;
        for (Record r : graph.read("""
                MATCH (s:School {id: $school})
                OPTIONAL MATCH (s)<-[:MENTOR|MENTEE]-(p:Pairing)-[:MENTOR|MENTEE]->(z:School)
                WHERE z <> s AND %s
                WITH s, collect(DISTINCT z) AS partners
                RETURN [(s)-[:LOCATED_IN]->(r:Region) | r.code][0] AS home,
                       [z IN partners | {id: z.id, name: z.name,
                         partners: COLLECT { MATCH (z)<-[:MENTOR|MENTEE]-(q:Pairing)-[:MENTOR|MENTEE]->(c:School)
                                             WHERE c <> z AND %s RETURN DISTINCT c.id }}] AS partners"""
                .formatted(PairingActivity.cypher("p", "$today"), PairingActivity.cypher("q", "$today")),
                Map.of("school", schoolId, "today", today))) {
            home = org.edugraph.api.Values.string(r, "home");
            for (var z : r.get("partners").asList(v -> v)) {
                String id = z.get("id").asString();
                names.put(id, z.get("name").asString());
                partnersOf.put(id, new HashSet<>(z.get("partners").asList(v -> v.asString())));
            }
        }
        Region county = regions.ancestorAt(home, RegionLevel.COUNTY);
        Region prefecture = regions.ancestorAt(home, RegionLevel.PREFECTURE);
        String area = prefecture != null ? prefecture.code() : county != null ? county.code() : home;
        Set<String> linked = new HashSet<>();
        partnersOf.values().forEach(linked::addAll);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("school", schoolId);
        parameters.put("today", today);
        parameters.put("linked", List.copyOf(linked));
        parameters.put("partners", List.copyOf(partnersOf.keySet()));
        parameters.put("area", area);
        List<Candidate> candidates = new ArrayList<>();
        for (Record r : graph.read("""
                CALL () {
                  MATCH %s
                  WHERE EXISTS { (m)<-[:MENTOR]-(:Pairing) }
                  RETURN m
                  UNION
                  UNWIND $linked AS id
                  MATCH (m:School {id: id})
                  WHERE EXISTS { (m)<-[:MENTOR]-(:Pairing) }
                  RETURN m
                }
                WITH m WHERE m.id <> $school AND NOT m.id IN $partners
                RETURN m.id AS id, m.name AS name, [(m)-[:LOCATED_IN]->(r:Region) | r.code][0] AS region,
                       size(COLLECT { MATCH (m)<-[:MENTOR]-(p:Pairing)-[:MENTEE]->(x:School) WHERE %s RETURN DISTINCT x.id }) AS mentees"""
                .formatted(RegionCypher.schoolsWithin("m", "$area"), PairingActivity.cypher("p", "$today")),
                parameters)) {
            candidates.add(new Candidate(r.get("id").asString(), r.get("name").asString(),
                    org.edugraph.api.Values.string(r, "region"), r.get("mentees").asInt()));
        }
        // The neighbourhood as a graph: the school, its partners, and theirs. The index needs only the
        // shared partners and their numbers of partners, which it holds in full.
        SimpleGraph<String, DefaultEdge> near = new SimpleGraph<>(DefaultEdge.class);
        near.addVertex(schoolId);
        partnersOf.forEach((z, theirs) -> {
            near.addVertex(z);
            near.addEdge(schoolId, z);
            for (String c : theirs) {
                near.addVertex(c);
                near.addEdge(z, c);
            }
        });
        var index = new AdamicAdarIndexLinkPrediction<>(near);
        List<MentorSuggestion> suggestions = new ArrayList<>();
        for (Candidate c : candidates) {
            List<String> reasons = new ArrayList<>();
            double score = 0;
            Region theirCounty = regions.ancestorAt(c.region(), RegionLevel.COUNTY);
            Region theirPrefecture = regions.ancestorAt(c.region(), RegionLevel.PREFECTURE);
            if (county != null && theirCounty != null && county.code().equals(theirCounty.code())) {
                score += NEAR;
                reasons.add("in the same county, " + county.name() + points(NEAR));
            } else if (prefecture != null && theirPrefecture != null && prefecture.code().equals(theirPrefecture.code())) {
                score += NEAR / 2;
                reasons.add("in the same prefecture, " + prefecture.name() + points(NEAR / 2));
            }
            double free = FREE / (1 + c.mentees());
            score += free;
            reasons.add((c.mentees() == 0 ? "mentors no school today" : c.mentees() == 1 ? "mentors 1 school today"
                    : "mentors %d schools today".formatted(c.mentees())) + points(free));
            if (near.containsVertex(c.id())) {
                double a = index.predict(schoolId, c.id());
                List<String> shared = partnersOf.keySet().stream().filter(z -> partnersOf.get(z).contains(c.id()))
                        .map(names::get).sorted().toList();
                double link = LINKED * a / (1 + a);
                score += link;
                reasons.add("shares %d partner%s with it: %s".formatted(shared.size(), shared.size() == 1 ? "" : "s",
                        String.join(", ", shared.subList(0, Math.min(3, shared.size()))) + (shared.size() > 3 ? " …" : ""))
                        + points(link));
            }
            suggestions.add(new MentorSuggestion(c.id(), score, reasons));
        }
        suggestions.sort(Comparator.comparingDouble(MentorSuggestion::score).reversed().thenComparing(MentorSuggestion::schoolId));
        return suggestions.subList(0, Math.min(n, suggestions.size()));
    }

    /** A part of the score as a reason shows it: +0.40. */
    private static String points(double x) {
        return String.format(Locale.ROOT, " (+%.2f)", x);
    }
}
