package org.edugraph.network;

import java.util.List;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.edugraph.api.Ref;
import org.edugraph.pairing.PairingFilter;
import org.edugraph.region.RegionLevel;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The network analytics of the contract, and what their nodes and edges stand for. */
@Controller
class NetworkController {

    private final NetworkAnalytics analytics;
    private final NetworkScience science;

    NetworkController(NetworkAnalytics analytics, NetworkScience science) {
        this.analytics = analytics;
        this.science = science;
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
    List<Ref> partnershipPath(@Argument String fromSchoolId, @Argument String toSchoolId, @Argument PairingFilter filter,
            @Argument Boolean includeGroups) {
        Network path = analytics.path(fromSchoolId, toSchoolId, PairingFilter.orNone(filter), !Boolean.FALSE.equals(includeGroups));
        if (path == null) {
            return null;
        }
        return path.nodes().stream().filter(n -> NetworkNode.SCHOOL.equals(n.kind())).map(n -> Ref.school(n.ref())).toList();
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

    // The schools, groups, programs, pairings and regions of an analytic's answer are Refs its records
    // hold (MentorLoad.school(), NetworkNode.school(), ...), read by the read compiler with what the
    // request selects under them, a level at a time in one statement per type (read/RowFields).

    @SchemaMapping(typeName = "NetworkStats")
    List<MentorLoad> topMentors(NetworkStats stats, @Argument Integer limit) {
        return stats.topMentors(limit);
    }

    @SchemaMapping(typeName = "NetworkStats")
    List<RegionCoverage> coverage(NetworkStats stats, @Argument RegionLevel level) {
        return stats.coverage(level);
    }
}
