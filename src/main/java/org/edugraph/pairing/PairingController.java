package org.edugraph.pairing;

import java.time.Clock;
import java.time.LocalDate;
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
import org.edugraph.program.Program;
import org.edugraph.school.School;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Pairings: one, a filtered page, those of a program, and both ends of each. */
@Controller
class PairingController {

    private final Graph graph;
    private final BatchedLists lists;
    private final EduGraphProperties.Graphql limits;
    private final Clock clock;

    PairingController(Graph graph, BatchedLists lists,
            EduGraphProperties properties, BatchLoaderRegistry registry, Clock clock) {
        this.graph = graph;
        this.lists = lists;
        this.limits = properties.graphql();
        this.clock = clock;
        registry.<ListRequest, List<Pairing>>forName("pairingPages").registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> lists.pages(new ArrayList<>(keys), Pairing.PROJECTION, Pairing::from)));
    }

    @SchemaMapping(typeName = "Program", field = "pairings")
    CompletableFuture<Connection<Pairing>> programPairings(Program program, @Argument Integer first, @Argument String after,
            DataLoader<ListRequest, List<Pairing>> pairingPages) {
        Page page = Page.of(first, after, limits);
        ListRequest request = PairingFilter.ofProgram(program.id()).toRequest(page);
        return pairingPages.load(request).thenApply(rows -> Connection.of(rows, page, Pairing::id, request.unpaged()));
    }

    @SchemaMapping(typeName = "Pairing")
    boolean active(Pairing pairing) {
        return pairing.activeOn(LocalDate.now(clock));
    }

    /**
     * Read with the pairing, so no statement of its own. Still a batch mapping: the schools
     * of one level are handed on together, so that what is asked of them next (their
     * regions, say) waits for all of them and goes as one batch. As plain field mappings
     * they were handed on one by one as their pairings arrived, and a batch under them was
     * sent in two parts in 10 of 25 tries (StatementCountTest).
     */
    @BatchMapping(typeName = "Pairing")
    Map<Pairing, School> mentor(List<Pairing> pairings) {
        return ends(pairings, Pairing::mentor);
    }

    /** As {@link #mentor}. */
    @BatchMapping(typeName = "Pairing")
    Map<Pairing, School> mentee(List<Pairing> pairings) {
        return ends(pairings, Pairing::mentee);
    }

    private static Map<Pairing, School> ends(List<Pairing> pairings, java.util.function.Function<Pairing, School> end) {
        Map<Pairing, School> result = new HashMap<>();
        pairings.stream().filter(p -> end.apply(p) != null).forEach(p -> result.put(p, end.apply(p)));
        return result;
    }

    @BatchMapping(typeName = "Pairing")
    Map<Pairing, Program> program(List<Pairing> pairings) {
        Map<String, Program> byId = new HashMap<>();
        for (Record r : graph.read("UNWIND $ids AS id MATCH (n:Program {id: id}) RETURN " + Program.PROJECTION + " AS p",
                Map.of("ids", pairings.stream().map(Pairing::programId).filter(id -> id != null).distinct().toList()))) {
            Program program = Program.from(r.get("p"));
            byId.put(program.id(), program);
        }
        Map<Pairing, Program> result = new HashMap<>();
        pairings.forEach(p -> {
            if (p.programId() != null && byId.containsKey(p.programId())) {
                result.put(p, byId.get(p.programId()));
            }
        });
        return result;
    }

    @BatchMapping(typeName = "School")
    Map<School, List<Pairing>> mentoring(List<School> schools) {
        return pairingsOf(schools, "MENTOR");
    }

    @BatchMapping(typeName = "School")
    Map<School, List<Pairing>> mentoredBy(List<School> schools) {
        return pairingsOf(schools, "MENTEE");
    }

    private Map<School, List<Pairing>> pairingsOf(List<School> schools, String side) {
        Map<String, List<Pairing>> byId = new HashMap<>();
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (n:Pairing)-[:%s]->(:School {id: id})
                RETURN id, %s AS p ORDER BY n.id""".formatted(side, Pairing.PROJECTION),
                Map.of("ids", schools.stream().map(School::id).toList()))) {
            byId.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(Pairing.from(r.get("p")));
        }
        Map<School, List<Pairing>> result = new HashMap<>();
        schools.forEach(s -> result.put(s, byId.getOrDefault(s.id(), List.of())));
        return result;
    }
}
