package org.edugraph.network;

import java.util.List;
import java.util.Map;

import org.edugraph.api.Ref;
import org.edugraph.region.Region;

/**
 * The selected pairings from mentors in one region to mentees in another (or the same).
 *
 * @param source    the mentors' region
 * @param target    the mentees' region
 * @param brokerIds the schools of the flow in most of its pairings, most first, then by id
 */
public record RegionFlow(Region source, Region target, int pairings, List<String> brokerIds) {

    // A flow's regions and brokers are read with what the request selects under them (read/RowFields); what the
    // analytic already holds (a region's code, name, level, a school's id) costs no statement: the whole
    // network's flows by county are ten thousand of them.

    public Ref.Known from() {
        return known(source);
    }

    public Ref.Known to() {
        return known(target);
    }

    private static Ref.Known known(Region place) {
        return new Ref.Known(Ref.region(place.code()),
                Map.of("code", place.code(), "name", place.name(), "level", place.level().name(), "official", place.official()));
    }

    /** Its first {@code n} brokers (RegionFlow.brokers), as refs. */
    List<Ref.Known> brokers(int n) {
        return brokerIds.subList(0, Math.min(n, brokerIds.size())).stream()
                .map(id -> new Ref.Known(Ref.school(id), Map.of("id", id))).toList();
    }
}
