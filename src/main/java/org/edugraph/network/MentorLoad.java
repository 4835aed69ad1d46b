package org.edugraph.network;

import org.edugraph.api.Ref;

/** A mentor and how many distinct schools it mentors. */
public record MentorLoad(String schoolId, int mentees) {

    /** The mentor, read with what the request selects under it (read/RowFields). */
    public Ref school() {
        return Ref.school(schoolId);
    }
}
