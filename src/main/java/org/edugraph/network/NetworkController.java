package org.edugraph.network;

import java.util.List;

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

    NetworkController(NetworkAnalytics analytics) {
        this.analytics = analytics;
    }

    @QueryMapping
    Network partnershipNetwork(@Argument PairingFilter filter, @Argument Boolean includeGroups,
            @Argument Boolean includePrograms, @Argument Integer limit) {
        return analytics.network(PairingFilter.orNone(filter), Boolean.TRUE.equals(includeGroups),
                Boolean.TRUE.equals(includePrograms), limit);
    }

    @QueryMapping
    Network schoolNeighborhood(@Argument String schoolId, @Argument Integer depth, @Argument Integer limit,
            @Argument PairingFilter filter, @Argument Boolean includeGroups) {
        return analytics.neighbourhood(schoolId, depth, limit, PairingFilter.orNone(filter), !Boolean.FALSE.equals(includeGroups));
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
    Network partnershipPathNetwork(@Argument String fromSchoolId, @Argument String toSchoolId, @Argument PairingFilter filter,
            @Argument Boolean includeGroups) {
        return analytics.path(fromSchoolId, toSchoolId, PairingFilter.orNone(filter), !Boolean.FALSE.equals(includeGroups));
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
