package org.edugraph.network;

import java.time.LocalDate;
import java.util.List;

import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.edugraph.network.measures.Measures;
import org.edugraph.pairing.PairingFilter;
import org.edugraph.region.RegionLevel;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * The network science of the contract mapped to its services: rankings, communities,
 * flows, change, trends, counts and mentor suggestions, and the measures of the nodes and
 * edges of a drawn network.
 *
 * <p>The schools, regions, pairings and programs the answers name are refs their records
 * hold ({@link RankedSchool#school()}, {@link Community#mainRegion()}, {@link RegionFlow#from()},
 * {@link NetworkDiff#started()}, ...), read by the read compiler with what the request selects
 * under them, a level at a time in one statement per type (read/RowFields). The nested fields
 * that take an argument ({@code Community.schools(first)}, {@code RegionFlow.brokers(limit)},
 * ...) and those that read the drawn network's measures are plain data fetchers wired here,
 * not annotated handlers: those run on an executor, and the refs of one level would then be
 * read in several statements.
 */
@Controller
class NetworkScienceController implements RuntimeWiringConfigurer {

    private final NetworkScience science;
    private final MentorSuggestions suggestions;

    NetworkScienceController(NetworkScience science, MentorSuggestions suggestions) {
        this.science = science;
        this.suggestions = suggestions;
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
    List<LocalDate> pairingChangeDays(@Argument PairingFilter filter) {
        return science.changeDays(PairingFilter.orNone(filter));
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

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Community", type -> type
                .dataFetcher("schools", env -> env.<Community>getSource().schools(science.first(env.getArgument("first"))))
                .dataFetcher("topMentors", env -> {
                    Community community = env.getSource();
                    int n = NetworkScience.limit("topMentors", env.getArgument("limit"), 3);
                    return community.mentors().subList(0, Math.min(n, community.mentors().size()));
                }));
        wiring.type("RegionFlow", type -> type.dataFetcher("brokers",
                env -> env.<RegionFlow>getSource().brokers(NetworkScience.limit("brokers", env.getArgument("limit"), 3))));
        wiring.type("NetworkDiff", type -> type.dataFetcher("movers",
                env -> env.<NetworkDiff>getSource().movers().of(measure(env.getArgument("by")), env.getArgument("first"))));
        wiring.type("NetworkNode", type -> type.dataFetcher("measures", nodeMeasures()));
        wiring.type("NetworkEdge", type -> type.dataFetcher("bridge", edgeBridge()));
    }

    /** An enum argument as graphql-java gives it to a plain data fetcher: its name. */
    private static SchoolMeasure measure(Object argument) {
        return argument == null ? null
                : argument instanceof SchoolMeasure measure ? measure : SchoolMeasure.valueOf(argument.toString());
    }

    /** The measures of the drawn network's field (its local context), when they were asked for. */
    private static Measures measures(DataFetchingEnvironment env) {
        return env.getLocalContext() instanceof GraphQLContext context && context.get(MeasuresScope.KEY) instanceof MeasuresScope scope
                ? scope.measures() : null;
    }

    private static DataFetcher<NodeMeasures> nodeMeasures() {
        return env -> {
            NetworkNode node = env.getSource();
            Measures m = measures(env);
            return m == null || !NetworkNode.SCHOOL.equals(node.kind()) ? null : NodeMeasures.of(m, node.ref());
        };
    }

    private static DataFetcher<Boolean> edgeBridge() {
        return env -> {
            NetworkEdge edge = env.getSource();
            Measures m = measures(env);
            if (m == null || edge.pairingId() == null) {
                return null;
            }
            int pairing = m.graph().indexOfPairing(edge.pairingId());
            return pairing < 0 ? null : m.bridge(pairing);
        };
    }
}
