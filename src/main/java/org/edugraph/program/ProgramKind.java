package org.edugraph.program;

/** What a program is: pairing schools, designating them, reforming, a service, or other. */
public enum ProgramKind {
    PARTNERSHIP, DESIGNATION, REFORM, SERVICE, OTHER
}
