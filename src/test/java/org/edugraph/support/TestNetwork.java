package org.edugraph.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edugraph.neo4j.Graph;
import org.edugraph.seed.GeneratedNetworkWriter;
import org.edugraph.seed.NetworkGenerator;

/**
 * A generated network of the tests' own, in regions of the tests' own (a province
 * {@code T-NET} with prefectures and counties below it, none a real code), so that
 * analytics can be checked over a network that no seed fact takes part in.
 */
public final class TestNetwork {

    public static final String ROOT = "T-NET";
    public static final String DATASET = "test-network";

    private TestNetwork() {
    }

    /** Prefectures T-NET-A, T-NET-B ... with counties T-NET-A1, T-NET-A2 ... */
    public static List<NetworkGenerator.County> counties(int prefectures, int countiesEach) {
        List<NetworkGenerator.County> counties = new ArrayList<>();
        for (int p = 0; p < prefectures; p++) {
            String prefecture = ROOT + "-" + (char) ('A' + p);
            for (int i = 1; i <= countiesEach; i++) {
                counties.add(new NetworkGenerator.County(prefecture + i, "测试县" + (char) ('A' + p) + i, prefecture));
            }
        }
        return counties;
    }

    /** Creates the test regions (two prefectures of three counties) and writes a generated network into them. */
    public static NetworkGenerator.Network create(Graph graph, int schools, int pairings, long seed) {
        return create(graph, schools, pairings, seed, counties(2, 3));
    }

    /** Creates the regions of {@code counties} and writes a generated network of this size and seed into them. */
    public static NetworkGenerator.Network create(Graph graph, int schools, int pairings, long seed,
            List<NetworkGenerator.County> counties) {
        remove(graph);
        graph.write("MERGE (r:Region {code: $root}) SET r.name = '测试省', r.level = 'PROVINCE', r.official = false",
                Map.of("root", ROOT));
        for (String prefecture : counties.stream().map(NetworkGenerator.County::parentCode).distinct().toList()) {
            graph.write("""
                    MATCH (root:Region {code: $root})
                    MERGE (p:Region {code: $code}) SET p.name = '测试市' + $code, p.level = 'PREFECTURE', p.official = false
                    MERGE (p)-[:PART_OF]->(root)""", Map.of("root", ROOT, "code", prefecture));
        }
        for (var county : counties) {
            graph.write("""
                    MATCH (p:Region {code: $parent})
                    MERGE (c:Region {code: $code}) SET c.name = $name, c.level = 'COUNTY', c.official = false
                    MERGE (c)-[:PART_OF]->(p)""", Map.of("parent", county.parentCode(), "code", county.code(), "name", county.name()));
        }
        var spec = new NetworkGenerator.Spec(DATASET, "tnet-", schools, pairings, seed, counties, LocalDate.now());
        var network = NetworkGenerator.generate(spec);
        new GeneratedNetworkWriter(graph).write(network);
        return network;
    }

    public static void remove(Graph graph) {
        new GeneratedNetworkWriter(graph).remove(DATASET);
        graph.write("MATCH (r:Region) WHERE r.code STARTS WITH $root DETACH DELETE r", Map.of("root", ROOT));
    }
}
