package org.edugraph.program;

import org.edugraph.school.School;

/** A school taking part in a program, in a role, from a year. */
public record ProgramParticipation(School school, Program program, ParticipationRole role, Integer year) {
}
