package org.edugraph.network;

import java.util.List;

/** A candidate mentor, its score and what the score is made of. */
public record MentorSuggestion(String schoolId, double score, List<String> reasons) {
}
