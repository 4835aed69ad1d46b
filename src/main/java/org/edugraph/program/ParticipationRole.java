package org.edugraph.program;

/** A school's part in a program. */
public enum ParticipationRole {
    MENTOR, MENTEE, MEMBER, DESIGNATED, PILOT, PARTNER
}
