package org.edugraph.network;

import java.util.List;

/**
 * What changed in a selected network between two days: pairing and school ids, in the
 * contract's orders; {@code movers} computes the measures of both days when asked for.
 */
public record NetworkDiff(List<String> started, List<String> ended, List<String> newlyCovered, List<String> noLongerCovered,
        Movers movers) {

    /** The schools whose measure changed most between the two days. */
    @FunctionalInterface
    public interface Movers {
        List<MeasureChange> of(SchoolMeasure by, Integer first);
    }
}
