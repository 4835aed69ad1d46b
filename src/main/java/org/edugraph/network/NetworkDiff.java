package org.edugraph.network;

import java.util.List;

import org.edugraph.api.Ref;

/**
 * What changed in a selected network between two days: pairing and school ids, in the
 * contract's orders; {@code movers} computes the measures of both days when asked for.
 * The pairings and schools are answered as refs, read with what the request selects under
 * them (read/RowFields).
 */
public record NetworkDiff(List<String> startedIds, List<String> endedIds, List<String> newlyCoveredIds,
        List<String> noLongerCoveredIds, Movers movers) {

    /** The schools whose measure changed most between the two days. */
    @FunctionalInterface
    public interface Movers {
        List<MeasureChange> of(SchoolMeasure by, Integer first);
    }

    public List<Ref.Known> started() {
        return startedIds.stream().map(id -> Ref.pairing(id).withKey()).toList();
    }

    public List<Ref.Known> ended() {
        return endedIds.stream().map(id -> Ref.pairing(id).withKey()).toList();
    }

    public List<Ref.Known> newlyCovered() {
        return newlyCoveredIds.stream().map(id -> Ref.school(id).withKey()).toList();
    }

    public List<Ref.Known> noLongerCovered() {
        return noLongerCoveredIds.stream().map(id -> Ref.school(id).withKey()).toList();
    }
}
