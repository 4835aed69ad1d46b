package org.edugraph.network;

import java.util.List;

import org.edugraph.api.Ref;

/** A candidate mentor, its score and what the score is made of. */
public record MentorSuggestion(String schoolId, double score, List<String> reasons) {

    /** The candidate, read with what the request selects under it (read/RowFields). */
    public Ref school() {
        return Ref.school(schoolId);
    }
}
