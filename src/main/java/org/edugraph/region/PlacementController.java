package org.edugraph.region;

import java.util.List;
import java.util.Map;

import org.edugraph.api.ApiException;
import org.edugraph.neo4j.Graph;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The towns of the gazetteer, a lookup table found by name or code; each answers its county as a
 * {@code Ref} ({@link Town#county}). Where a school's region comes from (School.town,
 * School.regionSource) is read with the school by the read compiler (read/ReadCompiler).
 */
@Controller
class PlacementController {

    /** The most towns one lookup answers: 城关 alone names 132. */
    static final int MAX_TOWNS = 200;

    private final Graph graph;
    private final Towns towns;

    PlacementController(Graph graph, Towns towns) {
        this.graph = graph;
        this.towns = towns;
    }

    @QueryMapping
    List<Town> towns(@Argument String name, @Argument String regionCode) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw ApiException.badRequest("`name` must be a town's name or code: not blank, at most 200 characters");
        }
        if (regionCode != null && graph.read("MATCH (r:Region {code: $code}) RETURN r.code AS code",
                Map.of("code", regionCode)).isEmpty()) {
            throw ApiException.notFound("No region with code " + regionCode);
        }
        String key = name.strip();
        return towns.candidates(List.of(key)).getOrDefault(key, List.of()).stream()
                .filter(t -> regionCode == null || t.path().stream().anyMatch(p -> p.code().equals(regionCode)))
                .limit(MAX_TOWNS).map(t -> new Town(t.code(), t.name(), t.county().code())).toList();
    }
}
