package org.edugraph.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.edugraph.EduGraphProperties;
import org.edugraph.api.ApiException;
import org.edugraph.api.Gate;
import org.edugraph.api.References;
import org.edugraph.api.References.Kind;
import org.edugraph.neo4j.Graph;
import org.edugraph.pairing.PairingChangeLog;
import org.edugraph.pairing.PairingFilter;
import org.edugraph.region.Region;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * The four questions an analyst asks of a partnership network: what it is (drawn), who
 * is near a school, how two schools are linked, and its statistics. Each costs a fixed
 * number of Cypher statements, whatever the size of the network: one for a drawn
 * network, at most four for a neighbourhood (one per hop and one to close it), one for a
 * path, and two or three for the statistics, plus one to check the ids a request names.
 */
@Service
public class NetworkAnalytics {

    /** The most edges any network answer may hold. */
    public static final int MAX_LIMIT = 50_000;
    /** The deepest neighbourhood. */
    public static final int MAX_DEPTH = 3;

    private final Graph graph;
    private final References references;
    private final PairingChangeLog changeLog;
    private final Gate gate;
    private final Duration wait;
    private final KeptPairings kept;

    NetworkAnalytics(Graph graph, References references, PairingChangeLog changeLog, EduGraphProperties properties) {
        this.graph = graph;
        this.references = references;
        this.changeLog = changeLog;
        this.gate = new Gate("network analytics", properties.graphql().analyticsConcurrency());
        this.wait = properties.graphql().analyticsWait();
        this.kept = new KeptPairings(properties.analytics().cacheEntries(), properties.analytics().keptPairings());
    }

    /** The data version of now ({@link DataVersion}), which what is kept is read at and checked against. */
    DataVersion version() {
        return new DataVersion(changeLog.latest(), graph.writesEnded());
    }

    /**
     * Feeds every pairing the filter selects, with its schools, their regions, its kind,
     * program and dates, to {@code step}: from the pairings kept for the filter while the data
     * is unchanged, else read in one statement through this instance's gate (and kept if they
     * fit). The filter's ids are checked by the caller, which reads {@code version} before it (before
     * the data: what is kept under it is at least as new as it says; its region tree is kept under the same).
     */
    void pairings(PairingFilter filter, DataVersion version, Consumer<PairingRow> step) {
        pairings(filter, version, step, true);
    }

    /**
     * {@link #pairings(PairingFilter, DataVersion, Consumer)} for work already inside the gate (it is not
     * entered twice), at the data version the caller read before it (the measures are kept
     * under the same one: it is not read twice).
     */
    void pairingsInGate(PairingFilter filter, DataVersion version, Consumer<PairingRow> step) {
        pairings(filter, version, step, false);
    }

    private void pairings(PairingFilter filter, DataVersion version, Consumer<PairingRow> step, boolean enterGate) {
        kept.forEach(filter, version, row -> {
            PairingFilter.Cypher cypher = filter.cypher();
            Map<Object, Object> seen = new HashMap<>();
            java.util.function.UnaryOperator<Object> same = value -> value == null ? null : seen.computeIfAbsent(value, v -> v);
            Supplier<Object> read = () -> graph.read(Graph.Read.fold(() -> row, (r, record) -> r.accept(PairingRow.from(record, same))),
                    NetworkCypher.pairings(cypher), cypher.parameters());
            if (enterGate) {
                gate.through(wait, read);
            } else {
                read.get();
            }
        }, step);
    }

    /** Questions answered from kept pairings and those that read them; the filters and pairings kept (for the tests). */
    public long[] keptCounts() {
        long[] counts = kept.counts();
        long[] size = kept.size();
        return new long[] {counts[0], counts[1], size[0], size[1]};
    }

    /** Forgets the kept pairings and region tree: the next question reads them (for the tests that count what it reads). */
    public void forgetKept() {
        kept.clear();
        keptRegions = null;
    }

    /** The bound on analytics running at once: each alias of a request is its own, and each its own transaction. */
    Gate gate() {
        return gate;
    }

    /** How long an analytic waits for its turn. */
    Duration waitForGate() {
        return wait;
    }

    /** NOT_FOUND when the filter names a program, region or school that does not exist. */
    public void requireReferences(PairingFilter f, String... schoolIds) {
        var check = references.check()
                .ref(Kind.PROGRAM, f.programId())
                .ref(Kind.REGION, f.regionCode())
                .ref(Kind.SCHOOL, f.mentorId())
                .ref(Kind.SCHOOL, f.menteeId());
        for (String id : schoolIds) {
            check.ref(Kind.SCHOOL, id);
        }
        check.require();
    }

    static int limit(Integer limit) {
        int value = limit == null ? 5000 : limit;
        if (value < 1 || value > MAX_LIMIT) {
            throw ApiException.badRequest("`limit` must be between 1 and %d, got %d".formatted(MAX_LIMIT, value));
        }
        return value;
    }

    Network network(PairingFilter filter, boolean groups, boolean programs, Integer limit) {
        int cap = limit(limit);
        requireReferences(filter);
        return gate.through(wait, () -> drawn(filter, groups, programs, cap));
    }

    private Network drawn(PairingFilter filter, boolean groups, boolean programs, int cap) {
        PairingFilter.Cypher cypher = filter.cypher();
        Map<String, Object> parameters = new HashMap<>(cypher.parameters());
        parameters.put("cap", cap + 1);
        Drawing drawing = new Drawing(cap);
        graph.read(NetworkCypher.network(cypher, groups, programs), parameters).forEach(drawing::add);
        return drawing.network();
    }

    Network neighbourhood(String schoolId, Integer depth, Integer limit, PairingFilter filter, boolean groups) {
        int cap = limit(limit);
        int hops = depth == null ? 1 : depth;
        if (hops < 1 || hops > MAX_DEPTH) {
            throw ApiException.badRequest("`depth` must be between 1 and %d, got %d".formatted(MAX_DEPTH, hops));
        }
        requireReferences(filter, schoolId);
        return gate.through(wait, () -> around(schoolId, hops, cap, filter, groups));
    }

    private Network around(String schoolId, int hops, int cap, PairingFilter filter, boolean groups) {
        PairingFilter.Cypher cypher = filter.cypher();
        String step = NetworkCypher.neighbourhoodStep(cypher, groups);
        Drawing drawing = new Drawing(cap);
        drawing.addNode(schoolNode(schoolId));
        Set<String> earlier = new HashSet<>();
        Set<String> frontier = new LinkedHashSet<>(List.of(schoolId));
        Set<String> seenGroups = new HashSet<>();
        for (int hop = 1; hop <= hops + 1 && !frontier.isEmpty() && !drawing.truncated(); hop++) {
            boolean closing = hop > hops;
            Set<String> known = new HashSet<>(earlier);
            known.addAll(frontier);
            Map<String, Object> parameters = new HashMap<>(cypher.parameters());
            parameters.put("frontier", List.copyOf(frontier));
            parameters.put("earlier", List.copyOf(earlier));
            parameters.put("seenGroups", List.copyOf(seenGroups));
            parameters.put("closing", closing);
            parameters.put("cap", drawing.room() + 1);
            Set<String> next = new LinkedHashSet<>();
            for (Record r : graph.read(step, parameters)) {
                if (!drawing.add(r)) {
                    break;
                }
                String reached = r.get("reached").asString();
                if (!known.contains(reached)) {
                    next.add(reached);
                }
                if (r.get("part").asInt() == 1) {
                    seenGroups.add(r.get("target").get("ref").asString());
                }
            }
            earlier = known;
            frontier = next;
        }
        return drawing.network();
    }

    /** The shortest chain between two schools, drawn; null when there is none. */
    Network path(String from, String to, PairingFilter filter, boolean groups) {
        requireReferences(filter, from, to);
        return gate.through(wait, () -> chain(from, to, filter, groups));
    }

    private Network chain(String from, String to, PairingFilter filter, boolean groups) {
        Drawing drawing = new Drawing(Integer.MAX_VALUE);
        if (from.equals(to)) {
            drawing.addNode(schoolNode(from));
            return drawing.network();
        }
        PairingFilter.Cypher cypher = filter.cypher();
        Map<String, Object> parameters = new HashMap<>(cypher.parameters());
        parameters.put("from", from);
        parameters.put("to", to);
        List<Record> rows = graph.read(NetworkCypher.path(cypher, groups), parameters);
        if (rows.isEmpty()) {
            return null;
        }
        List<Value> steps = rows.stream().map(r -> r.get("step")).toList();
        // Schools and what links them alternate: school, pairing or group, school ...
        for (int i = 0; i < steps.size(); i += 2) {
            drawing.addNode(steps.get(i).get("node"));
        }
        for (int i = 1; i < steps.size(); i += 2) {
            Value via = steps.get(i);
            NetworkNode before = drawing.node(steps.get(i - 1).get("node").get("id").asString());
            NetworkNode after = drawing.node(steps.get(i + 1).get("node").get("id").asString());
            if (via.get("pairing").isNull()) {
                NetworkNode group = drawing.addNode(via.get("node"));
                drawing.addEdge(NetworkEdge.membership(before, group));
                drawing.addEdge(NetworkEdge.membership(after, group));
            } else {
                drawing.addEdge(NetworkEdge.pairing(via.get("pairing"), via.get("kind").asString(),
                        drawing.node(via.get("mentor").asString()), drawing.node(via.get("mentee").asString())));
            }
        }
        return drawing.network();
    }

    /** One school as a node, projected. */
    private Value schoolNode(String id) {
        return graph.read("MATCH (x:School {id: $id}) RETURN " + NetworkNode.projection("x") + " AS node", Map.of("id", id))
                .getFirst().get("node");
    }

    NetworkStats statistics(PairingFilter filter) {
        requireReferences(filter);
        return gate.through(wait, () -> counted(filter));
    }

    private NetworkStats counted(PairingFilter filter) {
        DataVersion version = version();
        RegionTree regions = regions(version);
        NetworkStatistics stats = new NetworkStatistics(regions);
        pairingsInGate(filter, version, stats::add);
        return NetworkStats.of(stats, regions, filter.regionCode(),
                () -> gate.through(wait, () -> schoolsPerRegion(filter.regionCode())));
    }

    /** The region tree kept with the data version it was read at. */
    private record KeptRegions(DataVersion version, RegionTree tree) {
    }

    private volatile KeptRegions keptRegions;

    /** {@link #regions(DataVersion)} at the data version of now. */
    RegionTree regions() {
        return regions(version());
    }

    /**
     * The regions anything is located in and those above them, in memory: all that the
     * statistics, coverage, flows and suggestions look up (a school's county, whether it lies
     * within the filter's region). Not every region: the gazetteer holds every county of
     * China (issue 21), most of which hold nothing here. Kept while the data version is
     * {@code version} (read before the regions, as for the kept pairings: a region written, a school
     * moved or added is a write the version counts), else read in one statement that looks at
     * every region (45,000 with the gazetteer's towns) for a school or group located there.
     */
    RegionTree regions(DataVersion version) {
        KeptRegions found = keptRegions;
        if (found != null && found.version().equals(version)) {
            return found.tree();
        }
        RegionTree tree = readRegions();
        keptRegions = new KeptRegions(version, tree);
        return tree;
    }

    private RegionTree readRegions() {
        return new RegionTree(graph.read("""
                MATCH (r:Region) WHERE EXISTS { (r)<-[:LOCATED_IN]-() }
                MATCH (r)-[:PART_OF*0..]->(n:Region)
                WITH DISTINCT n
                RETURN\s""" + Region.PROJECTION + " AS region", Map.of())
                .stream().map(r -> Region.from(r.get("region"))).toList());
    }

    /** How many schools are located directly in each region (within {@code within}, when given). */
    Map<String, Long> schoolsPerRegion(String within) {
        String cypher = within == null
                ? "MATCH (s:School)-[:LOCATED_IN]->(r:Region) RETURN r.code AS code, count(s) AS schools"
                : """
                  MATCH (:Region {code: $region})<-[:PART_OF*0..]-(r:Region)<-[:LOCATED_IN]-(s:School)
                  RETURN r.code AS code, count(s) AS schools""";
        Map<String, Long> counts = new HashMap<>();
        graph.read(cypher, java.util.Collections.singletonMap("region", within))
                .forEach(r -> counts.put(r.get("code").asString(), r.get("schools").asLong()));
        return counts;
    }

    /**
     * A network being drawn from edge rows: nodes in the order edges first reach them,
     * edges once each, at most {@code cap} of them.
     */
    static final class Drawing {
        private final int cap;
        private final Map<String, NetworkNode> nodes = new LinkedHashMap<>();
        private final Map<String, NetworkEdge> edges = new LinkedHashMap<>();
        private boolean truncated;

        Drawing(int cap) {
            this.cap = cap;
        }

        /** Adds the edge of a row (and its nodes); false, and truncated, when the cap is reached. */
        boolean add(Record r) {
            if (edges.size() >= cap) {
                truncated = true;
                return false;
            }
            NetworkNode source = addNode(r.get("source"));
            NetworkNode target = addNode(r.get("target"));
            addEdge(NetworkEdge.from(r, source, target));
            return true;
        }

        NetworkNode addNode(Value projected) {
            NetworkNode node = NetworkNode.from(projected);
            return nodes.computeIfAbsent(node.id(), k -> node);
        }

        NetworkNode node(String id) {
            return nodes.get(id);
        }

        void addEdge(NetworkEdge edge) {
            edges.putIfAbsent(edge.id(), edge);
        }

        int room() {
            return cap - edges.size();
        }

        boolean truncated() {
            return truncated;
        }

        Network network() {
            return new Network(new ArrayList<>(nodes.values()), new ArrayList<>(edges.values()), truncated);
        }

    }
}
