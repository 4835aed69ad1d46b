package org.edugraph.region;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.api.ApiException;
import org.edugraph.neo4j.Graph;
import org.edugraph.school.School;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Regions: the hierarchy, and where each school, group and program is. */
@Controller
class RegionController {

    private final Graph graph;
    private final RegionQueries queries;

    RegionController(Graph graph, RegionQueries queries) {
        this.graph = graph;
        this.queries = queries;
    }

    @BatchMapping(typeName = "Region")
    Map<Region, Region> parent(List<Region> regions) {
        Map<String, Region> byCode = queries.byCode(regions.stream().map(Region::parentCode).filter(c -> c != null).toList());
        Map<Region, Region> result = new HashMap<>();
        for (Region region : regions) {
            if (region.parentCode() != null) {
                result.put(region, byCode.get(region.parentCode()));
            }
        }
        return result;
    }

    @BatchMapping(typeName = "Region")
    Map<Region, List<Region>> children(List<Region> regions) {
        Map<String, List<Region>> byParent = new HashMap<>();
        for (Record r : graph.read("""
                UNWIND $codes AS code
                MATCH (n:Region)-[:PART_OF]->(:Region {code: code})
                RETURN code, %s AS region ORDER BY n.code""".formatted(Region.PROJECTION),
                Map.of("codes", regions.stream().map(Region::code).toList()))) {
            byParent.computeIfAbsent(r.get("code").asString(), c -> new java.util.ArrayList<>()).add(Region.from(r.get("region")));
        }
        Map<Region, List<Region>> result = new LinkedHashMap<>();
        regions.forEach(region -> result.put(region, byParent.getOrDefault(region.code(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "School")
    Map<School, Region> region(List<School> schools) {
        return queries.located("School", "id", schools, School::id);
    }
}
