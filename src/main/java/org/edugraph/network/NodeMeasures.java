package org.edugraph.network;

import org.edugraph.network.measures.Measures;

/** A school's measures in a selected pairing network; {@code community} null for a school in no selected pairing. */
public record NodeMeasures(int inDegree, int outDegree, int degree, double betweenness, double pageRank, int reach2,
        int coreNumber, boolean articulation, Integer community, int cutOff) {

    /** A school in no selected pairing: drawn through a group or program only. */
    static final NodeMeasures OUTSIDE = new NodeMeasures(0, 0, 0, 0, 0, 0, 0, false, null, 0);

    /** The measures of school {@code id}, or {@link #OUTSIDE} when it is not in the measured network. */
    static NodeMeasures of(Measures m, String id) {
        int i = m.graph().indexOf(id);
        if (i < 0) {
            return OUTSIDE;
        }
        var g = m.graph();
        return new NodeMeasures(g.inDegree(i), g.outDegree(i), g.degree(i), m.betweenness(i), m.pageRank(i), m.reach2(i),
                m.coreNumber(i), m.articulation(i), m.community(i), m.cutOff(i));
    }
}
