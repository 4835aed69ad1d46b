package org.edugraph.network;

import java.util.List;

import org.edugraph.api.Ref;

/**
 * The selected pairings from mentors in one region to mentees in another (or the same).
 *
 * @param fromCode  the mentors' region
 * @param toCode    the mentees' region
 * @param brokerIds the schools of the flow in most of its pairings, most first, then by id
 */
public record RegionFlow(String fromCode, String toCode, int pairings, List<String> brokerIds) {

    // The regions, read with what the request selects under them (read/RowFields).

    public Ref from() {
        return Ref.region(fromCode);
    }

    public Ref to() {
        return Ref.region(toCode);
    }

    /** Its first {@code n} brokers (RegionFlow.brokers), as refs. */
    List<Ref> brokers(int n) {
        return brokerIds.subList(0, Math.min(n, brokerIds.size())).stream().map(Ref::school).toList();
    }
}
