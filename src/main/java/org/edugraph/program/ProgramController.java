package org.edugraph.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.edugraph.api.ApiException;
import org.edugraph.neo4j.Graph;
import org.edugraph.region.Region;
import org.edugraph.region.RegionQueries;
import org.edugraph.school.School;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Programs and who takes part in them. */
@Controller
class ProgramController {

    /** The participants of one program, in one role or all. */
    record ParticipantsKey(String programId, ParticipationRole role) {
    }

    private final Graph graph;
    private final RegionQueries regions;

    ProgramController(Graph graph, RegionQueries regions, BatchLoaderRegistry registry) {
        this.graph = graph;
        this.regions = regions;
        registry.<ParticipantsKey, List<ProgramParticipation>>forName("programParticipants")
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> participants(new ArrayList<>(keys))));
    }

    @BatchMapping(typeName = "Program")
    Map<Program, Region> region(List<Program> programs) {
        return regions.located("Program", "id", programs, Program::id);
    }

    @SchemaMapping(typeName = "Program")
    CompletableFuture<List<ProgramParticipation>> participants(Program program, @Argument ParticipationRole role,
            DataLoader<ParticipantsKey, List<ProgramParticipation>> programParticipants) {
        return programParticipants.load(new ParticipantsKey(program.id(), role))
                .thenApply(list -> list.stream().map(p -> new ProgramParticipation(p.school(), program, p.role(), p.year())).toList());
    }

    @BatchMapping(typeName = "School")
    Map<School, List<ProgramParticipation>> programs(List<School> schools) {
        Map<String, School> byId = new HashMap<>();
        schools.forEach(s -> byId.put(s.id(), s));
        Map<School, List<ProgramParticipation>> result = new HashMap<>();
        schools.forEach(s -> result.put(s, new ArrayList<>()));
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (:School {id: id})-[p:PARTICIPATES_IN]->(n:Program)
                RETURN id, %s AS program, p.role AS role, p.year AS year ORDER BY n.id""".formatted(Program.PROJECTION),
                Map.of("ids", new ArrayList<>(byId.keySet())))) {
            School school = byId.get(r.get("id").asString());
            result.get(school).add(new ProgramParticipation(school, Program.from(r.get("program")),
                    ParticipationRole.valueOf(r.get("role").asString()), r.get("year").isNull() ? null : r.get("year").asInt()));
        }
        return result;
    }

    /** The participants of many programs in one statement; the program is filled in by the caller. */
    private Map<ParticipantsKey, List<ProgramParticipation>> participants(List<ParticipantsKey> keys) {
        List<Map<String, Object>> params = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> key = new HashMap<>();
            key.put("index", i);
            key.put("program", keys.get(i).programId());
            key.put("role", keys.get(i).role() == null ? null : keys.get(i).role().name());
            params.add(key);
        }
        Map<ParticipantsKey, List<ProgramParticipation>> result = new HashMap<>();
        keys.forEach(k -> result.put(k, new ArrayList<>()));
        for (Record r : graph.read("""
                UNWIND $keys AS k
                MATCH (n:School)-[p:PARTICIPATES_IN]->(:Program {id: k.program})
                WHERE k.role IS NULL OR p.role = k.role
                RETURN k.index AS index, %s AS school, p.role AS role, p.year AS year
                ORDER BY index, CASE p.role WHEN 'MENTOR' THEN 0 WHEN 'MENTEE' THEN 1 ELSE 2 END, n.id""".formatted(School.PROJECTION),
                Map.of("keys", params))) {
            result.get(keys.get(r.get("index").asInt())).add(new ProgramParticipation(School.from(r.get("school")), null,
                    ParticipationRole.valueOf(r.get("role").asString()), r.get("year").isNull() ? null : r.get("year").asInt()));
        }
        return result;
    }
}
