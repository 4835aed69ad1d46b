package org.edugraph.region;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.api.ApiException;
import org.edugraph.neo4j.Graph;
import org.edugraph.school.School;
import org.edugraph.source.Source;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Where a school's region comes from: the town of the gazetteer its record named (its county
 * is then the school's region, and the gazetteer the source of that), or the report that placed
 * it; and the towns themselves, a lookup table of the gazetteer, found by name or code.
 */
@Controller
class PlacementController {

    /** The most towns one lookup answers: 城关 alone names 132. */
    static final int MAX_TOWNS = 200;

    private final Graph graph;
    private final Towns towns;
    private final RegionQueries regions;

    PlacementController(Graph graph, Towns towns, RegionQueries regions) {
        this.graph = graph;
        this.towns = towns;
        this.regions = regions;
    }

    @QueryMapping
    List<Town> towns(@Argument String name, @Argument String regionCode) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw ApiException.badRequest("`name` must be a town's name or code: not blank, at most 200 characters");
        }
        if (regionCode != null && regions.byCode(List.of(regionCode)).isEmpty()) {
            throw ApiException.notFound("No region with code " + regionCode);
        }
        String key = name.strip();
        return towns.candidates(List.of(key)).getOrDefault(key, List.of()).stream()
                .filter(t -> regionCode == null || t.path().stream().anyMatch(p -> p.code().equals(regionCode)))
                .limit(MAX_TOWNS).map(t -> new Town(t.code(), t.name(), t.county().code())).toList();
    }

    @BatchMapping(typeName = "Town", field = "county")
    Map<Town, Region> county(List<Town> list) {
        Map<String, Region> byCode = regions.byCode(list.stream().map(Town::countyCode).toList());
        Map<Town, Region> result = new HashMap<>();
        list.forEach(t -> result.put(t, byCode.get(t.countyCode())));
        return result;
    }

    @BatchMapping(typeName = "School", field = "town")
    Map<School, Town> town(List<School> schools) {
        Map<String, Town> byId = new HashMap<>();
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (:School {id: id})-[l:LOCATED_IN]->(:Region)
                MATCH (t:Town {code: l.town})
                RETURN id, t.code AS code, t.name AS name, t.county AS county""", Map.of("ids", ids(schools)))) {
            byId.put(r.get("id").asString(), new Town(r.get("code").asString(), r.get("name").asString(),
                    r.get("county").asString()));
        }
        Map<School, Town> result = new HashMap<>();
        schools.forEach(s -> result.put(s, byId.get(s.id())));
        return result;
    }

    /**
     * The source of each school's region: for a school placed by its town, the gazetteer's entry of
     * that town (the list's title, issuer and date, the town as the section); else the source its
     * LOCATED_IN names (the report's words that place it); none for a region an admin gave.
     */
    @BatchMapping(typeName = "School", field = "regionSource")
    Map<School, Source> regionSource(List<School> schools) {
        Map<String, Source> byId = new HashMap<>();
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (:School {id: id})-[l:LOCATED_IN]->(:Region)
                OPTIONAL MATCH (t:Town {code: l.town})
                OPTIONAL MATCH (f:GazetteerFile {name: 'gazetteer'})
                OPTIONAL MATCH (g:Source {id: f.sourceId})
                OPTIONAL MATCH (src:Source {id: l.source})
                RETURN id, CASE
                  WHEN t IS NOT NULL AND g IS NOT NULL THEN {id: g.id + '#' + t.code, title: g.title, issuer: g.issuer,
                       published: g.published, section: t.code + ' ' + t.name, quote: null, kind: 'GAZETTEER'}
                  WHEN src IS NOT NULL THEN %s
                END AS source""".formatted(Source.PROJECTION), Map.of("ids", ids(schools)))) {
            Source source = Source.from(r.get("source"));
            if (source != null) {
                byId.put(r.get("id").asString(), source);
            }
        }
        Map<School, Source> result = new HashMap<>();
        schools.forEach(s -> result.put(s, byId.get(s.id())));
        return result;
    }

    private static List<String> ids(List<School> schools) {
        return schools.stream().map(School::id).distinct().toList();
    }
}
