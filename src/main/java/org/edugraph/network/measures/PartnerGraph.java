package org.edugraph.network.measures;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The undirected simple graph of a {@link SchoolGraph} as a read-only JGraphT graph:
 * vertices are the school indexes, edges the link indexes, and every set is a view over
 * the arrays. JGraphT's algorithms run on it as on its own graphs, without the objects
 * its own graphs keep per vertex and per edge (a map entry, a set of edges, an edge
 * object), which for a national network would be hundreds of megabytes.
 */
final class PartnerGraph extends AbstractGraph<Integer, Integer> {

    private final SchoolGraph g;
    private final Set<Integer> vertices;
    private final Set<Integer> edges;
    /**
     * Every vertex and edge number boxed once: the algorithms take and give them as Integer,
     * and boxing each anew would make garbage at every step (label propagation visits every
     * edge a hundred times and more).
     */
    private final Integer[] boxedVertices;
    private final Integer[] boxedEdges;

    PartnerGraph(SchoolGraph g) {
        this.g = g;
        this.boxedVertices = boxed(g.size());
        this.boxedEdges = boxed(g.links());
        this.vertices = new Range(boxedVertices);
        this.edges = new Range(boxedEdges);
    }

    private static Integer[] boxed(int size) {
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        return boxed;
    }

    /** 0..size-1, as a set. */
    private static final class Range extends AbstractSet<Integer> {
        private final Integer[] boxed;
        private final int size;

        Range(Integer[] boxed) {
            this.boxed = boxed;
            this.size = boxed.length;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Integer next() {
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    return boxed[next++];
                }
            };
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Integer i && i >= 0 && i < size;
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** The edges at one vertex, a view over its adjacency slots. */
    private final class Incident extends AbstractSet<Integer> {
        private final int from;
        private final int to;

        Incident(int vertex) {
            this.from = g.first(vertex);
            this.to = g.first(vertex + 1);
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int slot = from;

                @Override
                public boolean hasNext() {
                    return slot < to;
                }

                @Override
                public Integer next() {
                    if (slot >= to) {
                        throw new NoSuchElementException();
                    }
                    return boxedEdges[g.slotEdge(slot++)];
                }
            };
        }

        @Override
        public int size() {
            return to - from;
        }
    }

    private int vertex(Integer v) {
        if (v == null || v < 0 || v >= g.size()) {
            throw new IllegalArgumentException("no vertex " + v);
        }
        return v;
    }

    @Override
    public Set<Integer> getAllEdges(Integer source, Integer target) {
        Integer e = getEdge(source, target);
        return e == null ? Collections.emptySet() : Set.of(e);
    }

    @Override
    public Integer getEdge(Integer source, Integer target) {
        int a = vertex(source);
        int b = vertex(target);
        for (int slot = g.first(a); slot < g.first(a + 1); slot++) {
            if (g.neighbour(slot) == b) {
                return boxedEdges[g.slotEdge(slot)];
            }
        }
        return null;
    }

    @Override
    public Supplier<Integer> getVertexSupplier() {
        return null;
    }

    @Override
    public Supplier<Integer> getEdgeSupplier() {
        return null;
    }

    @Override
    public Integer addEdge(Integer source, Integer target) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean addEdge(Integer source, Integer target, Integer e) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Integer addVertex() {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean addVertex(Integer v) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean containsEdge(Integer e) {
        return edges.contains(e);
    }

    @Override
    public boolean containsVertex(Integer v) {
        return vertices.contains(v);
    }

    @Override
    public Set<Integer> edgeSet() {
        return edges;
    }

    @Override
    public int degreeOf(Integer vertex) {
        return g.degree(vertex(vertex));
    }

    @Override
    public Set<Integer> edgesOf(Integer vertex) {
        return new Incident(vertex(vertex));
    }

    @Override
    public int inDegreeOf(Integer vertex) {
        return degreeOf(vertex);
    }

    @Override
    public Set<Integer> incomingEdgesOf(Integer vertex) {
        return edgesOf(vertex);
    }

    @Override
    public int outDegreeOf(Integer vertex) {
        return degreeOf(vertex);
    }

    @Override
    public Set<Integer> outgoingEdgesOf(Integer vertex) {
        return edgesOf(vertex);
    }

    @Override
    public Integer removeEdge(Integer source, Integer target) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean removeEdge(Integer e) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean removeVertex(Integer v) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Set<Integer> vertexSet() {
        return vertices;
    }

    @Override
    public Integer getEdgeSource(Integer e) {
        return boxedVertices[g.edgeA(e)];
    }

    @Override
    public Integer getEdgeTarget(Integer e) {
        return boxedVertices[g.edgeB(e)];
    }

    @Override
    public GraphType getType() {
        return new DefaultGraphType.Builder().undirected().allowMultipleEdges(false).allowSelfLoops(false)
                .weighted(false).modifiable(false).build();
    }

    @Override
    public double getEdgeWeight(Integer e) {
        return 1.0;
    }

    @Override
    public void setEdgeWeight(Integer e, double weight) {
        throw new UnsupportedOperationException("read-only");
    }
}
