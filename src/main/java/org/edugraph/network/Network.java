package org.edugraph.network;

import java.util.List;

/** Nodes and edges ready to draw; {@code truncated} when a limit cut edges from it. */
public record Network(List<NetworkNode> nodes, List<NetworkEdge> edges, boolean truncated) {
}
