package org.edugraph.region;

import org.edugraph.api.Ref;

/**
 * A town (乡镇, 街道 ...) of the gazetteer as the API shows it: a lookup entry, not a region; a
 * school whose record names it is located in its county ({@code countyCode}: for a city without
 * counties, 东莞市, the city).
 */
public record Town(String code, String name, String countyCode) {

    /**
     * The county, read with what the request selects under it (read/RowFields): a plain accessor, so
     * that the towns of one answer have their counties read in one statement. (A school's town is read
     * by the compiler with the school, county and all.)
     */
    public Ref county() {
        return Ref.region(countyCode);
    }
}
