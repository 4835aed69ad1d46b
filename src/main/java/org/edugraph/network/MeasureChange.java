package org.edugraph.network;

import org.edugraph.api.Ref;

/** A school's measure on the first day and on the second of a networkDiff. */
public record MeasureChange(String schoolId, double before, double after) {

    public double change() {
        return after - before;
    }

    /** The school, read with what the request selects under it (read/RowFields). */
    public Ref school() {
        return Ref.school(schoolId);
    }
}
