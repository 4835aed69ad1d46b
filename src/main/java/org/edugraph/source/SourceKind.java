package org.edugraph.source;

/**
 * What a source is: a report (the bureaus' words), the gazetteer (the division list a school's
 * county was looked up in, by its town), or the generator of synthetic demonstration data.
 */
public enum SourceKind {
    REPORT, GAZETTEER, GENERATED
}
