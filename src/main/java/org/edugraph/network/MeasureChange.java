package org.edugraph.network;

/** A school's measure on the first day and on the second of a networkDiff. */
public record MeasureChange(String schoolId, double before, double after) {

    public double change() {
        return after - before;
    }
}
