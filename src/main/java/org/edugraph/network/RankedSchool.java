package org.edugraph.network;

import org.edugraph.api.Ref;

/** A school and its value of the measure it was ranked by. */
public record RankedSchool(String schoolId, double value) {

    /** The school, read with what the request selects under it (read/RowFields). */
    public Ref school() {
        return Ref.school(schoolId);
    }
}
