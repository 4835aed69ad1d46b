package org.edugraph.group;

import java.time.LocalDate;

import org.edugraph.school.School;

/** A school in a group, with its role and since when. */
public record GroupMembership(School school, EducationGroup group, MembershipRole role, LocalDate since) {
}
