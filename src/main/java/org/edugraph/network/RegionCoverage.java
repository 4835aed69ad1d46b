package org.edugraph.network;

import java.util.Map;

import org.edugraph.api.Ref;
import org.edugraph.region.Region;

/** One region's part in a network: its schools, those in a selected pairing, and those left out. */
public record RegionCoverage(Region place, int schools, int pairedSchools, int mentors, int mentees, int unpairedSchools) {

    public String regionCode() {
        return place.code();
    }

    /**
     * The region: its code, name and level as the analytic read them; anything else selected
     * under it is read by the compiler (read/RowFields).
     */
    public Ref.Known region() {
        return new Ref.Known(Ref.region(place.code()),
                Map.of("code", place.code(), "name", place.name(), "level", place.level().name(), "official", place.official()));
    }
}
