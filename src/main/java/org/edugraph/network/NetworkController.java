package org.edugraph.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.edugraph.group.EducationGroup;
import org.edugraph.neo4j.Graph;
import org.edugraph.pairing.Pairing;
import org.edugraph.pairing.PairingFilter;
import org.edugraph.program.Program;
import org.edugraph.region.RegionLevel;
import org.edugraph.school.School;
import org.edugraph.school.SchoolQueries;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The network analytics of the contract, and what their nodes and edges stand for. */
@Controller
class NetworkController {

    private final NetworkAnalytics analytics;
    private final NetworkScience science;
    private final SchoolQueries schools;
    private final Graph graph;

    NetworkController(NetworkAnalytics analytics, NetworkScience science, SchoolQueries schools, Graph graph) {
        this.analytics = analytics;
        this.science = science;
        this.schools = schools;
        this.graph = graph;
    }

    @QueryMapping
    DataFetcherResult<Network> partnershipNetwork(@Argument PairingFilter filter, @Argument Boolean includeGroups,
            @Argument Boolean includePrograms, @Argument Integer limit, DataFetchingEnvironment env) {
        PairingFilter f = PairingFilter.orNone(filter);
        Network drawn = analytics.network(f, Boolean.TRUE.equals(includeGroups), Boolean.TRUE.equals(includePrograms), limit);
        return MeasuresScope.around(drawn, MeasuresScope.ifSelected(env, () -> science.measures(f)));
    }

    @QueryMapping
    DataFetcherResult<Network> schoolNeighborhood(@Argument String schoolId, @Argument Integer depth, @Argument Integer limit,
            @Argument PairingFilter filter, @Argument Boolean includeGroups, DataFetchingEnvironment env) {
        PairingFilter f = PairingFilter.orNone(filter);
        Network drawn = analytics.neighbourhood(schoolId, depth, limit, f, !Boolean.FALSE.equals(includeGroups));
        return MeasuresScope.around(drawn, MeasuresScope.ifSelected(env, () -> science.measures(f)));
    }

    @QueryMapping
    List<School> partnershipPath(@Argument String fromSchoolId, @Argument String toSchoolId, @Argument PairingFilter filter,
            @Argument Boolean includeGroups) {
        Network path = analytics.path(fromSchoolId, toSchoolId, PairingFilter.orNone(filter), !Boolean.FALSE.equals(includeGroups));
        if (path == null) {
            return null;
        }
        List<String> ids = path.nodes().stream().filter(n -> NetworkNode.SCHOOL.equals(n.kind())).map(NetworkNode::ref).toList();
        Map<String, School> byId = schools.byIds(ids);
        return ids.stream().map(byId::get).toList();
    }

    @QueryMapping
    DataFetcherResult<Network> partnershipPathNetwork(@Argument String fromSchoolId, @Argument String toSchoolId,
            @Argument PairingFilter filter, @Argument Boolean includeGroups, DataFetchingEnvironment env) {
        PairingFilter f = PairingFilter.orNone(filter);
        Network drawn = analytics.path(fromSchoolId, toSchoolId, f, !Boolean.FALSE.equals(includeGroups));
        return MeasuresScope.around(drawn, drawn == null ? null : MeasuresScope.ifSelected(env, () -> science.measures(f)));
    }

    @QueryMapping
    NetworkStats networkStats(@Argument PairingFilter filter) {
        return analytics.statistics(PairingFilter.orNone(filter));
    }

    @SchemaMapping(typeName = "NetworkStats")
    List<MentorLoad> topMentors(NetworkStats stats, @Argument Integer limit) {
        return stats.topMentors(limit);
    }

    @SchemaMapping(typeName = "NetworkStats")
    List<RegionCoverage> coverage(NetworkStats stats, @Argument RegionLevel level) {
        return stats.coverage(level);
    }

    @BatchMapping(typeName = "MentorLoad")
    Map<MentorLoad, School> school(List<MentorLoad> loads) {
        Map<String, School> byId = schools.byIds(loads.stream().map(MentorLoad::schoolId).toList());
        Map<MentorLoad, School> result = new HashMap<>();
        loads.forEach(l -> result.put(l, byId.get(l.schoolId())));
        return result;
    }

    @BatchMapping(typeName = "NetworkNode", field = "school")
    Map<NetworkNode, School> nodeSchool(List<NetworkNode> nodes) {
        Map<String, School> byId = schools.byIds(refs(nodes, NetworkNode.SCHOOL));
        return byRef(nodes, NetworkNode.SCHOOL, byId);
    }

    @BatchMapping(typeName = "NetworkNode", field = "group")
    Map<NetworkNode, EducationGroup> nodeGroup(List<NetworkNode> nodes) {
        return byRef(nodes, NetworkNode.GROUP, load("EducationGroup", EducationGroup.PROJECTION, refs(nodes, NetworkNode.GROUP),
                EducationGroup::from, EducationGroup::id));
    }

    @BatchMapping(typeName = "NetworkNode", field = "program")
    Map<NetworkNode, Program> nodeProgram(List<NetworkNode> nodes) {
        return byRef(nodes, NetworkNode.PROGRAM, load("Program", Program.PROJECTION, refs(nodes, NetworkNode.PROGRAM),
                Program::from, Program::id));
    }

    @BatchMapping(typeName = "NetworkEdge", field = "pairing")
    Map<NetworkEdge, Pairing> edgePairing(List<NetworkEdge> edges) {
        Map<String, Pairing> byId = load("Pairing", Pairing.PROJECTION,
                edges.stream().map(NetworkEdge::pairingId).filter(id -> id != null).distinct().toList(), Pairing::from, Pairing::id);
        Map<NetworkEdge, Pairing> result = new HashMap<>();
        edges.forEach(e -> {
            if (e.pairingId() != null && byId.containsKey(e.pairingId())) {
                result.put(e, byId.get(e.pairingId()));
            }
        });
        return result;
    }

    private static List<String> refs(List<NetworkNode> nodes, String kind) {
        return nodes.stream().filter(n -> kind.equals(n.kind())).map(NetworkNode::ref).distinct().toList();
    }

    private static <T> Map<NetworkNode, T> byRef(List<NetworkNode> nodes, String kind, Map<String, T> byId) {
        Map<NetworkNode, T> result = new HashMap<>();
        nodes.forEach(n -> {
            if (kind.equals(n.kind()) && byId.containsKey(n.ref())) {
                result.put(n, byId.get(n.ref()));
            }
        });
        return result;
    }

    private <T> Map<String, T> load(String label, String projection, List<String> ids, Function<Value, T> mapper,
            Function<T, String> idOf) {
        Map<String, T> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        graph.read("UNWIND $ids AS id MATCH (n:%s {id: id}) RETURN %s AS row".formatted(label, projection), Map.of("ids", ids))
                .forEach(r -> {
                    T row = mapper.apply(r.get("row"));
                    byId.put(idOf.apply(row), row);
                });
        return byId;
    }
}
