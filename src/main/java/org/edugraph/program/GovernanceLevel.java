package org.edugraph.program;

/** The level of government that runs a program. */
public enum GovernanceLevel {
    NATIONAL, PROVINCIAL, MUNICIPAL, DISTRICT
}
