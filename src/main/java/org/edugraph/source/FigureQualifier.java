package org.edugraph.source;

/** How a report qualified a number: exact, 约 (about), 多/余/以上 (at least), 近 (nearly). */
public enum FigureQualifier {
    EXACT, APPROXIMATE, AT_LEAST, NEARLY
}
