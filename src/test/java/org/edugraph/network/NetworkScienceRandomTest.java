package org.edugraph.network;

import java.time.LocalDate;
import java.util.List;

import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.ExpectedNetwork.Filter;
import org.edugraph.support.TestNetwork;

/**
 * The network science on a random generated network (400 schools, 700 pairings: many
 * components, chains, lone pairs). The seed is printed; rerun one with
 * {@code -Dedugraph.test.network-seed=...}.
 */
class NetworkScienceRandomTest extends NetworkScienceChecks {

    @Override
    NetworkGenerator.Network create() {
        long seed = Long.getLong("edugraph.test.network-seed", System.nanoTime());
        System.out.println("NetworkScienceRandomTest: network seed " + seed);
        return TestNetwork.create(graph, 400, 700, seed);
    }

    @Override
    List<Filter> filters() {
        return List.of(all(), Filter.region("T-NET-A1"), all().activeOn(LocalDate.of(2021, 9, 1)),
                all().kinds("DEEP_ALLIANCE", "ONE_TO_ONE"), all().program("tnet-program-5g").activeOn(LocalDate.of(2020, 3, 1)),
                new Filter(null, null, null, network.pairings().getFirst().mentorId(), null, null));
    }
}
