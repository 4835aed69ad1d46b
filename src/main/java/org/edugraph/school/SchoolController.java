package org.edugraph.school;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.edugraph.EduGraphProperties;
import org.edugraph.api.ApiException;
import org.edugraph.api.BatchedLists;
import org.edugraph.api.BatchedLists.ListRequest;
import org.edugraph.api.Connection;
import org.edugraph.api.Page;
import org.edugraph.neo4j.Graph;
import org.edugraph.region.Region;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Schools: one, a filtered page, a search, the schools of a region, and lineage. */
@Controller
class SchoolController {

    static final String PAGES = "schoolPages";

    private final Graph graph;
    private final BatchedLists lists;
    private final SchoolQueries queries;
    private final EduGraphProperties.Graphql limits;

    SchoolController(Graph graph, BatchedLists lists, SchoolQueries queries,
            EduGraphProperties properties, BatchLoaderRegistry registry) {
        this.graph = graph;
        this.lists = lists;
        this.queries = queries;
        this.limits = properties.graphql();
        registry.<ListRequest, List<School>>forName(PAGES).registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> lists.pages(new ArrayList<>(keys), School.PROJECTION, School::from)));
    }

    @SchemaMapping(typeName = "Region", field = "schools")
    CompletableFuture<Connection<School>> regionSchools(Region region, @Argument Integer first, @Argument String after,
            DataLoader<ListRequest, List<School>> schoolPages) {
        Page page = Page.of(first, after, limits);
        ListRequest request = new SchoolFilter(null, region.code(), null, null, null, null).toRequest(page);
        return schoolPages.load(request).thenApply(rows -> Connection.of(rows, page, School::id, request.unpaged()));
    }

    @BatchMapping(typeName = "School")
    Map<School, School> mergedInto(List<School> schools) {
        Map<String, School> byId = new HashMap<>();
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (:School {id: id})-[:MERGED_INTO]->(n:School)
                RETURN id, %s AS school""".formatted(School.PROJECTION),
                Map.of("ids", schools.stream().map(School::id).toList()))) {
            byId.put(r.get("id").asString(), School.from(r.get("school")));
        }
        Map<School, School> result = new HashMap<>();
        schools.forEach(s -> {
            if (byId.containsKey(s.id())) {
                result.put(s, byId.get(s.id()));
            }
        });
        return result;
    }

    @BatchMapping(typeName = "School")
    Map<School, List<School>> mergedFrom(List<School> schools) {
        Map<String, List<School>> byTarget = new HashMap<>();
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (n:School)-[:MERGED_INTO]->(:School {id: id})
                RETURN id, %s AS school ORDER BY n.id""".formatted(School.PROJECTION),
                Map.of("ids", schools.stream().map(School::id).toList()))) {
            byTarget.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(School.from(r.get("school")));
        }
        Map<School, List<School>> result = new HashMap<>();
        schools.forEach(s -> result.put(s, byTarget.getOrDefault(s.id(), List.of())));
        return result;
    }
}
