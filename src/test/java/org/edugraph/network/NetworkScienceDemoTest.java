package org.edugraph.network;

import java.time.LocalDate;
import java.util.List;

import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.ExpectedNetwork.Filter;
import org.edugraph.support.TestNetwork;

/**
 * The network science on a network the size and shape of the demo profile's: 2,000
 * schools and 4,000 pairings, seed 2022, over twelve counties in two prefectures (the demo
 * spreads the same over the seeds' twelve real counties; these are the tests' own).
 */
class NetworkScienceDemoTest extends NetworkScienceChecks {

    @Override
    NetworkGenerator.Network create() {
        return TestNetwork.create(graph, 2000, 4000, 2022, TestNetwork.counties(2, 6));
    }

    @Override
    List<Filter> filters() {
        return List.of(all(), Filter.region("T-NET-B3"));
    }

    /** The bounds of the days are the random network's business; here two spans, for time. */
    @Override
    List<LocalDate[]> spans() {
        return List.of(new LocalDate[] {LocalDate.of(2019, 9, 1), LocalDate.of(2021, 8, 31)},
                new LocalDate[] {LocalDate.of(2018, 9, 1), LocalDate.of(2023, 9, 1)});
    }
}
