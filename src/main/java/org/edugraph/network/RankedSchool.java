package org.edugraph.network;

/** A school and its value of the measure it was ranked by. */
public record RankedSchool(String schoolId, double value) {
}
