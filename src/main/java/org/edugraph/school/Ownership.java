package org.edugraph.school;

/** Who runs a school, against the 办别码 (PUBLIC 21, PRIVATE 22). */
public enum Ownership {
    PUBLIC, PRIVATE, UNKNOWN
}
