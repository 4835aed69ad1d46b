package org.edugraph.region;

/**
 * A town (乡镇, 街道 ...) of the gazetteer as the API shows it: a lookup entry, not a region; a
 * school whose record names it is located in its county ({@code countyCode}: for a city without
 * counties, 东莞市, the city).
 */
public record Town(String code, String name, String countyCode) {
}
