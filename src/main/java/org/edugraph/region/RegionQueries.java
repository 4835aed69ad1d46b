package org.edugraph.region;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.edugraph.neo4j.Graph;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

/** Regions looked up for a batch of nodes, one statement a batch. */
@Component
public class RegionQueries {

    private final Graph graph;

    RegionQueries(Graph graph) {
        this.graph = graph;
    }

    /** The region each node of {@code label} is LOCATED_IN, for a batch of nodes. */
    public <T> Map<T, Region> located(String label, String key, List<T> nodes, Function<T, String> idOf) {
        Map<String, Region> byId = new HashMap<>();
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (:%s {%s: id})-[:LOCATED_IN]->(n:Region)
                RETURN id, %s AS region""".formatted(label, key, Region.PROJECTION),
                Map.of("ids", nodes.stream().map(idOf).toList()))) {
            byId.put(r.get("id").asString(), Region.from(r.get("region")));
        }
        Map<T, Region> result = new HashMap<>();
        nodes.forEach(node -> {
            Region region = byId.get(idOf.apply(node));
            if (region != null) {
                result.put(node, region);
            }
        });
        return result;
    }

    Map<String, Region> byCode(List<String> codes) {
        Map<String, Region> result = new HashMap<>();
        for (Record r : graph.read("UNWIND $codes AS code MATCH (n:Region {code: code}) RETURN " + Region.PROJECTION + " AS region",
                Map.of("codes", codes.stream().distinct().toList()))) {
            Region region = Region.from(r.get("region"));
            result.put(region.code(), region);
        }
        return result;
    }
}
