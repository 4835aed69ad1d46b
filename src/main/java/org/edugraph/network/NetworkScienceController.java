package org.edugraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.dataloader.DataLoader;
import org.edugraph.neo4j.Graph;
import org.edugraph.network.measures.Measures;
import org.edugraph.pairing.Pairing;
import org.edugraph.pairing.PairingFilter;
import org.edugraph.program.Program;
import org.edugraph.region.RegionLevel;
import org.edugraph.school.School;
import org.edugraph.school.SchoolQueries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.LocalContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The network science of the contract mapped to its services: rankings, communities,
 * flows, change, trends, counts and mentor suggestions, and the measures of the nodes and
 * edges of a drawn network. Schools, pairings and programs that the answers name are
 * loaded a level at a time, one statement per level of the request.
 */
@Controller
class NetworkScienceController {

    /** The schools an answer names by id, loaded together for a whole level of a request. */
    static final String SCHOOLS = "networkSchools";

    private final NetworkScience science;
    private final MentorSuggestions suggestions;
    private final SchoolQueries schools;
    private final Graph graph;

    NetworkScienceController(NetworkScience science, MentorSuggestions suggestions, SchoolQueries schools, Graph graph,
            BatchLoaderRegistry registry) {
        this.science = science;
        this.suggestions = suggestions;
        this.schools = schools;
        this.graph = graph;
        registry.<String, School>forName(SCHOOLS).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> schools.byIds(new ArrayList<>(ids))));
    }

    @QueryMapping
    List<RankedSchool> schoolRanking(@Argument PairingFilter filter, @Argument SchoolMeasure by, @Argument Integer first) {
        return science.ranking(PairingFilter.orNone(filter), by, first);
    }

    @QueryMapping
    List<Community> communities(@Argument PairingFilter filter, @Argument Integer first) {
        return science.communities(PairingFilter.orNone(filter), first);
    }

    @QueryMapping
    List<RegionFlow> regionFlows(@Argument RegionLevel level, @Argument PairingFilter filter) {
        return science.regionFlows(level, PairingFilter.orNone(filter));
    }

    @QueryMapping
    NetworkDiff networkDiff(@Argument LocalDate from, @Argument LocalDate to, @Argument PairingFilter filter) {
        return science.diff(from, to, PairingFilter.orNone(filter));
    }

    @QueryMapping
    List<CoverageYear> coverageTrend(@Argument RegionLevel level, @Argument int from, @Argument int to,
            @Argument PairingFilter filter) {
        return science.coverageTrend(level, from, to, PairingFilter.orNone(filter));
    }

    @QueryMapping
    List<PairingCount> pairingCounts(@Argument PairingFilter filter, @Argument List<PairingDimension> groupBy,
            @Argument RegionLevel level) {
        return science.counts(PairingFilter.orNone(filter), groupBy, level);
    }

    @QueryMapping
    List<MentorSuggestion> mentorSuggestions(@Argument String schoolId, @Argument Integer first) {
        return suggestions.suggest(schoolId, first);
    }

    @BatchMapping(typeName = "RankedSchool", field = "school")
    Map<RankedSchool, School> rankedSchool(List<RankedSchool> ranked) {
        return bySchool(ranked, RankedSchool::schoolId);
    }

    @BatchMapping(typeName = "MeasureChange", field = "school")
    Map<MeasureChange, School> changedSchool(List<MeasureChange> changes) {
        return bySchool(changes, MeasureChange::schoolId);
    }

    @BatchMapping(typeName = "MentorSuggestion", field = "school")
    Map<MentorSuggestion, School> suggestedSchool(List<MentorSuggestion> suggested) {
        return bySchool(suggested, MentorSuggestion::schoolId);
    }

    private <T> Map<T, School> bySchool(List<T> rows, Function<T, String> id) {
        Map<String, School> byId = schools.byIds(rows.stream().map(id).distinct().toList());
        Map<T, School> result = new HashMap<>();
        rows.forEach(r -> {
            if (byId.containsKey(id.apply(r))) {
                result.put(r, byId.get(id.apply(r)));
            }
        });
        return result;
    }

    @SchemaMapping(typeName = "Community", field = "schools")
    CompletableFuture<List<School>> communitySchools(Community community, @Argument Integer first,
            DataLoader<String, School> networkSchools) {
        int n = science.first(first);
        return present(networkSchools.loadMany(community.schoolIds().subList(0, Math.min(n, community.schoolIds().size()))));
    }

    @SchemaMapping(typeName = "Community", field = "topMentors")
    List<MentorLoad> communityMentors(Community community, @Argument Integer limit) {
        int n = NetworkScience.limit("topMentors", limit, 3);
        return community.mentors().subList(0, Math.min(n, community.mentors().size()));
    }

    @SchemaMapping(typeName = "RegionFlow", field = "brokers")
    CompletableFuture<List<School>> brokers(RegionFlow flow, @Argument Integer limit, DataLoader<String, School> networkSchools) {
        int n = NetworkScience.limit("brokers", limit, 3);
        return present(networkSchools.loadMany(flow.brokerIds().subList(0, Math.min(n, flow.brokerIds().size()))));
    }

    /** Schools found, in the order asked for (one removed meanwhile is left out rather than null). */
    private static CompletableFuture<List<School>> present(CompletableFuture<List<School>> loaded) {
        return loaded.thenApply(list -> list.stream().filter(Objects::nonNull).toList());
    }

    @SchemaMapping(typeName = "NetworkDiff", field = "started")
    List<Pairing> started(NetworkDiff diff) {
        return pairings(diff.started());
    }

    @SchemaMapping(typeName = "NetworkDiff", field = "ended")
    List<Pairing> ended(NetworkDiff diff) {
        return pairings(diff.ended());
    }

    @SchemaMapping(typeName = "NetworkDiff", field = "newlyCovered")
    CompletableFuture<List<School>> newlyCovered(NetworkDiff diff, DataLoader<String, School> networkSchools) {
        return present(networkSchools.loadMany(diff.newlyCovered()));
    }

    @SchemaMapping(typeName = "NetworkDiff", field = "noLongerCovered")
    CompletableFuture<List<School>> noLongerCovered(NetworkDiff diff, DataLoader<String, School> networkSchools) {
        return present(networkSchools.loadMany(diff.noLongerCovered()));
    }

    @SchemaMapping(typeName = "NetworkDiff", field = "movers")
    List<MeasureChange> movers(NetworkDiff diff, @Argument SchoolMeasure by, @Argument Integer first) {
        return diff.movers().of(by, first);
    }

    /** Pairings by id, in the order given, in one statement. */
    private List<Pairing> pairings(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Pairing> byId = new HashMap<>();
        graph.read("UNWIND $ids AS id MATCH (n:Pairing {id: id}) RETURN " + Pairing.PROJECTION + " AS p", Map.of("ids", ids))
                .forEach(r -> {
                    Pairing p = Pairing.from(r.get("p"));
                    byId.put(p.id(), p);
                });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    @BatchMapping(typeName = "PairingCount", field = "program")
    Map<PairingCount, Program> countProgram(List<PairingCount> counts) {
        List<String> ids = counts.stream().map(PairingCount::programId).filter(Objects::nonNull).distinct().toList();
        Map<String, Program> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            graph.read("UNWIND $ids AS id MATCH (n:Program {id: id}) RETURN " + Program.PROJECTION + " AS p", Map.of("ids", ids))
                    .forEach(r -> {
                        Program p = Program.from(r.get("p"));
                        byId.put(p.id(), p);
                    });
        }
        Map<PairingCount, Program> result = new HashMap<>();
        counts.forEach(c -> {
            if (c.programId() != null && byId.containsKey(c.programId())) {
                result.put(c, byId.get(c.programId()));
            }
        });
        return result;
    }

    @SchemaMapping(typeName = "NetworkNode", field = "measures")
    NodeMeasures nodeMeasures(NetworkNode node, @LocalContextValue(name = MeasuresScope.KEY, required = false) MeasuresScope scope) {
        if (scope == null || !NetworkNode.SCHOOL.equals(node.kind())) {
            return null;
        }
        return NodeMeasures.of(scope.measures(), node.ref());
    }

    @SchemaMapping(typeName = "NetworkEdge", field = "bridge")
    Boolean edgeBridge(NetworkEdge edge, @LocalContextValue(name = MeasuresScope.KEY, required = false) MeasuresScope scope) {
        if (scope == null || edge.pairingId() == null) {
            return null;
        }
        Measures m = scope.measures();
        int pairing = m.graph().indexOfPairing(edge.pairingId());
        return pairing < 0 ? null : m.bridge(pairing);
    }
}
