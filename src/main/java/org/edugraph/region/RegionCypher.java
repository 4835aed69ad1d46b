package org.edugraph.region;

/**
 * The region rule of every read filter, written once: a region filter takes in the region
 * and every region below it, down the PART_OF hierarchy. Two forms: a condition on a node
 * already bound, and an anchored pattern that starts at the region's index entry and walks
 * down, which is what a statement should start from when the region is its most selective
 * part.
 */
public final class RegionCypher {

    private RegionCypher() {
    }

    /** A condition: the node bound to {@code located} is LOCATED_IN the region {@code $parameter} or below it. */
    public static String locatedWithin(String located, String parameter) {
        return "EXISTS { (%s)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $%s}) }".formatted(located, parameter);
    }

    /** A pattern binding {@code school} to every school in the region {@code $parameter} or below it. */
    public static String schoolsWithin(String school, String parameter) {
        return "(:Region {code: $%s})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(%s:School)".formatted(parameter, school);
    }
}
