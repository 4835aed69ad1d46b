package org.edugraph.program;

/** The contract's ProgramFilter. */
public record ProgramFilter(ProgramKind kind, String regionCode, Integer year) {
}
