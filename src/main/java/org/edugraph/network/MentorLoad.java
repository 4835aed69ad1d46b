package org.edugraph.network;

/** A mentor and how many distinct schools it mentors. */
public record MentorLoad(String schoolId, int mentees) {
}
