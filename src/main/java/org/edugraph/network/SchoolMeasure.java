package org.edugraph.network;

import org.edugraph.network.measures.Measures;

/** The measures a school can be ranked by; the contract's, and CUT_OFF (EduGraph). */
public enum SchoolMeasure {
    DEGREE, IN_DEGREE, OUT_DEGREE, BETWEENNESS, PAGE_RANK, REACH2, CORE_NUMBER, CUT_OFF;

    /** This measure of the school at {@code index} of the measured network. */
    double of(Measures m, int index) {
        var g = m.graph();
        return switch (this) {
            case DEGREE -> g.degree(index);
            case IN_DEGREE -> g.inDegree(index);
            case OUT_DEGREE -> g.outDegree(index);
            case BETWEENNESS -> m.betweenness(index);
            case PAGE_RANK -> m.pageRank(index);
            case REACH2 -> m.reach2(index);
            case CORE_NUMBER -> m.coreNumber(index);
            case CUT_OFF -> m.cutOff(index);
        };
    }
}
