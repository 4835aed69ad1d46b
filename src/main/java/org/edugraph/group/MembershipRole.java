package org.edugraph.group;

/** A school's place in a group: the lead school or a member. */
public enum MembershipRole {
    LEAD, MEMBER
}
