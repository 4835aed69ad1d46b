package org.edugraph.network;

import java.io.OutputStream;
import java.time.LocalDate;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a network as a file graph tools open, element by element as nodes and edges
 * arrive, holding nothing but the element being written: GraphML 1.0 (yEd, Cytoscape,
 * NetworkX, Gephi) or GEXF 1.2draft (Gephi, Cytoscape). Both are directed, with the same
 * attributes: label, kind, type, region, synthetic on nodes; kind, program, startDate,
 * endDate, synthetic on edges; and, when asked for, the schools' measures (inDegree ...
 * community, cutOff) and the pairings' bridge. An absent value is left out, not written empty.
 */
abstract sealed class NetworkXml permits NetworkXml.GraphMl, NetworkXml.Gexf {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    final XMLStreamWriter xml;

    NetworkXml(OutputStream out) {
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    static NetworkXml graphMl(OutputStream out) {
        return new GraphMl(out);
    }

    static NetworkXml gexf(OutputStream out) {
        return new Gexf(out);
    }

    /** The measures a file declares, in order: name and GraphML type (GEXF's is the same but for int: integer). */
    static final String[][] MEASURES = {{"inDegree", "int"}, {"outDegree", "int"}, {"degree", "int"},
            {"betweenness", "double"}, {"pageRank", "double"}, {"reach2", "int"}, {"coreNumber", "int"},
            {"articulation", "boolean"}, {"cutOff", "int"}, {"community", "int"}};

    /** Whether this file carries the measures (declared by {@link #begin(String, boolean)}). */
    boolean measures;

    /** The document's start and the attribute declarations, without measures. */
    void begin(String description) throws XMLStreamException {
        begin(description, false);
    }

    /**
     * The document's start and the attribute declarations; {@code description} says what the
     * file holds; with {@code measures}, the measures of the schools and the edges' bridge too.
     */
    abstract void begin(String description, boolean measures) throws XMLStreamException;

    void node(NetworkNode node) throws XMLStreamException {
        node(node, null);
    }

    /** A node, with its measures (null for none: a group, a program, or a file without measures). */
    abstract void node(NetworkNode node, NodeMeasures measures) throws XMLStreamException;

    /** Called once, after the last node and before the first edge. */
    abstract void edges() throws XMLStreamException;

    void edge(NetworkEdge edge) throws XMLStreamException {
        edge(edge, null);
    }

    /** An edge, with whether it is a bridge (null for none: not a pairing, or a file without measures). */
    abstract void edge(NetworkEdge edge, Boolean bridge) throws XMLStreamException;

    /** A measure's value as text, in the order of {@link #MEASURES}; null for a community not known. */
    static String measure(NodeMeasures m, int i) {
        return switch (i) {
            case 0 -> String.valueOf(m.inDegree());
            case 1 -> String.valueOf(m.outDegree());
            case 2 -> String.valueOf(m.degree());
            case 3 -> String.valueOf(m.betweenness());
            case 4 -> String.valueOf(m.pageRank());
            case 5 -> String.valueOf(m.reach2());
            case 6 -> String.valueOf(m.coreNumber());
            case 7 -> String.valueOf(m.articulation());
            case 8 -> String.valueOf(m.cutOff());
            case 9 -> m.community() == null ? null : String.valueOf(m.community());
            default -> throw new IllegalArgumentException("no measure " + i);
        };
    }

    /** Closes every open element and flushes. */
    void end() throws XMLStreamException {
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }

    /** A line break before each element, so that a file can be read and diffed by people. */
    void newLine(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /**
     * Text as XML 1.0 may carry it: a character XML forbids (a control character, a lone
     * surrogate) would make the whole file unreadable, so it becomes U+FFFD.
     */
    static String text(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!allowed(s, i)) {
                StringBuilder clean = new StringBuilder(s.length());
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (Character.isHighSurrogate(c) && j + 1 < s.length() && Character.isLowSurrogate(s.charAt(j + 1))) {
                        clean.append(c).append(s.charAt(++j));
                    } else {
                        clean.append(allowed(s, j) ? c : '\uFFFD');
                    }
                }
                return clean.toString();
            }
            if (Character.isHighSurrogate(s.charAt(i))) {
                i++;
            }
        }
        return s;
    }

    private static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /**
     * GraphML 1.0 (http://graphml.graphdrawing.org/xmlns). Its ids are XML name tokens,
     * so a character outside {@code A-Z a-z 0-9 . - _ :} is written {@code _xHHHH_} (its
     * code point in hex, as .NET's XmlConvert does), and so is the {@code _} of a literal
     * {@code _x}: the membership edge {@code s1>group:g1} has the id {@code s1_x003E_group:g1}.
     */
    static final class GraphMl extends NetworkXml {

        static final String NS = "http://graphml.graphdrawing.org/xmlns";

        GraphMl(OutputStream out) {
            super(out);
        }

        /** An id as a GraphML name token, reversibly. */
        static String id(String id) {
            StringBuilder token = null;
            for (int i = 0; i < id.length(); ) {
                int cp = id.codePointAt(i);
                boolean plain = cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == ':'
                        || cp == '_' && !(i + 1 < id.length() && id.charAt(i + 1) == 'x'));
                if (!plain && token == null) {
                    token = new StringBuilder(id.length() + 16).append(id, 0, i);
                }
                if (token != null) {
                    if (plain) {
                        token.appendCodePoint(cp);
                    } else {
                        token.append("_x").append("%04X".formatted(cp)).append('_');
                    }
                }
                i += Character.charCount(cp);
            }
            return token != null ? token.toString() : id;
        }

        @Override
        void begin(String description, boolean measures) throws XMLStreamException {
            this.measures = measures;
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            key("n_label", "node", "label", "string");
            key("n_kind", "node", "kind", "string");
            key("n_type", "node", "type", "string");
            key("n_region", "node", "region", "string");
            key("n_synthetic", "node", "synthetic", "boolean");
            key("e_kind", "edge", "kind", "string");
            key("e_program", "edge", "program", "string");
            key("e_startDate", "edge", "startDate", "string");
            key("e_endDate", "edge", "endDate", "string");
            key("e_synthetic", "edge", "synthetic", "boolean");
            if (measures) {
                for (String[] m : MEASURES) {
                    key("n_" + m[0], "node", m[0], m[1]);
                }
                key("e_bridge", "edge", "bridge", "boolean");
            }
            newLine(1);
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "edugraph");
            xml.writeAttribute("edgedefault", "directed");
            newLine(2);
            xml.writeStartElement("desc");
            xml.writeCharacters(text(description));
            xml.writeEndElement();
        }

        private void key(String id, String owner, String name, String type) throws XMLStreamException {
            newLine(1);
            xml.writeEmptyElement("key");
            xml.writeAttribute("id", id);
            xml.writeAttribute("for", owner);
            xml.writeAttribute("attr.name", name);
            xml.writeAttribute("attr.type", type);
        }

        private void data(String key, String value) throws XMLStreamException {
            if (value != null) {
                xml.writeStartElement("data");
                xml.writeAttribute("key", key);
                xml.writeCharacters(text(value));
                xml.writeEndElement();
            }
        }

        @Override
        void node(NetworkNode node, NodeMeasures m) throws XMLStreamException {
            newLine(2);
            xml.writeStartElement("node");
            xml.writeAttribute("id", id(node.id()));
            data("n_label", node.label());
            data("n_kind", node.kind());
            data("n_type", node.type());
            data("n_region", node.regionCode());
            data("n_synthetic", String.valueOf(node.synthetic()));
            if (measures && m != null) {
                for (int i = 0; i < MEASURES.length; i++) {
                    data("n_" + MEASURES[i][0], measure(m, i));
                }
            }
            xml.writeEndElement();
        }

        @Override
        void edges() {
            // GraphML puts nodes and edges side by side in the graph element.
        }

        @Override
        void edge(NetworkEdge edge, Boolean bridge) throws XMLStreamException {
            newLine(2);
            xml.writeStartElement("edge");
            xml.writeAttribute("id", id(edge.id()));
            xml.writeAttribute("source", id(edge.source()));
            xml.writeAttribute("target", id(edge.target()));
            data("e_kind", edge.kind());
            data("e_program", edge.programId());
            data("e_startDate", date(edge.startDate()));
            data("e_endDate", date(edge.endDate()));
            data("e_synthetic", String.valueOf(edge.synthetic()));
            if (measures && bridge != null) {
                data("e_bridge", bridge.toString());
            }
            xml.writeEndElement();
        }

        @Override
        void end() throws XMLStreamException {
            newLine(1);
            xml.writeEndElement(); // graph
            super.end();
        }
    }

    /**
     * GEXF 1.2draft (http://www.gexf.net/1.2draft), directed and dynamic: ids are the
     * GraphQL ids as they are, a node's label is its name and an edge's its kind. A pairing
     * edge lives from its start date to its end date (both included, as a pairing is active;
     * an absent date leaves that side open), so that Gephi's timeline plays the network over
     * the pairings' dates; other edges, nodes and attributes (measures included) are static. No viz: elements (positions and colours are the drawing tool's
     * business).
     */
    static final class Gexf extends NetworkXml {

        static final String NS = "http://www.gexf.net/1.2draft";

        Gexf(OutputStream out) {
            super(out);
        }

        @Override
        void begin(String description, boolean measures) throws XMLStreamException {
            this.measures = measures;
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("gexf");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    NS + " http://www.gexf.net/1.2draft/gexf.xsd");
            xml.writeAttribute("version", "1.2");
            newLine(1);
            xml.writeStartElement("meta");
            newLine(2);
            xml.writeStartElement("creator");
            xml.writeCharacters("EduGraph");
            xml.writeEndElement();
            newLine(2);
            xml.writeStartElement("description");
            xml.writeCharacters(text(description));
            xml.writeEndElement();
            newLine(1);
            xml.writeEndElement(); // meta
            newLine(1);
            xml.writeStartElement("graph");
            xml.writeAttribute("mode", "dynamic");
            xml.writeAttribute("timeformat", "date");
            xml.writeAttribute("defaultedgetype", "directed");
            xml.writeAttribute("idtype", "string");
            java.util.List<String> node = new java.util.ArrayList<>(java.util.List.of("kind", "string", "type", "string",
                    "region", "string", "synthetic", "boolean"));
            java.util.List<String> edge = new java.util.ArrayList<>(java.util.List.of("kind", "string", "program", "string",
                    "startDate", "string", "endDate", "string", "synthetic", "boolean"));
            if (measures) {
                for (String[] m : MEASURES) {
                    node.add(m[0]);
                    node.add(m[1].equals("int") ? "integer" : m[1]);
                }
                edge.add("bridge");
                edge.add("boolean");
            }
            attributes("node", node.toArray(String[]::new));
            attributes("edge", edge.toArray(String[]::new));
            newLine(2);
            xml.writeStartElement("nodes");
        }

        private void attributes(String owner, String... idsAndTypes) throws XMLStreamException {
            newLine(2);
            xml.writeStartElement("attributes");
            xml.writeAttribute("class", owner);
            xml.writeAttribute("mode", "static");
            for (int i = 0; i < idsAndTypes.length; i += 2) {
                newLine(3);
                xml.writeEmptyElement("attribute");
                xml.writeAttribute("id", idsAndTypes[i]);
                xml.writeAttribute("title", idsAndTypes[i]);
                xml.writeAttribute("type", idsAndTypes[i + 1]);
            }
            newLine(2);
            xml.writeEndElement();
        }

        private void value(String key, String value) throws XMLStreamException {
            if (value != null) {
                xml.writeEmptyElement("attvalue");
                xml.writeAttribute("for", key);
                xml.writeAttribute("value", text(value));
            }
        }

        @Override
        void node(NetworkNode node, NodeMeasures m) throws XMLStreamException {
            newLine(3);
            xml.writeStartElement("node");
            xml.writeAttribute("id", text(node.id()));
            xml.writeAttribute("label", text(node.label()));
            xml.writeStartElement("attvalues");
            value("kind", node.kind());
            value("type", node.type());
            value("region", node.regionCode());
            value("synthetic", String.valueOf(node.synthetic()));
            if (measures && m != null) {
                for (int i = 0; i < MEASURES.length; i++) {
                    value(MEASURES[i][0], measure(m, i));
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }

        @Override
        void edges() throws XMLStreamException {
            newLine(2);
            xml.writeEndElement(); // nodes
            newLine(2);
            xml.writeStartElement("edges");
        }

        @Override
        void edge(NetworkEdge edge, Boolean bridge) throws XMLStreamException {
            newLine(3);
            xml.writeStartElement("edge");
            xml.writeAttribute("id", text(edge.id()));
            xml.writeAttribute("source", text(edge.source()));
            xml.writeAttribute("target", text(edge.target()));
            xml.writeAttribute("label", text(edge.kind()));
            // The edge's life on Gephi's timeline: a pairing's dates.
            if (edge.startDate() != null) {
                xml.writeAttribute("start", date(edge.startDate()));
            }
            if (edge.endDate() != null) {
                xml.writeAttribute("end", date(edge.endDate()));
            }
            xml.writeStartElement("attvalues");
            value("kind", edge.kind());
            value("program", edge.programId());
            value("startDate", date(edge.startDate()));
            value("endDate", date(edge.endDate()));
            value("synthetic", String.valueOf(edge.synthetic()));
            if (measures && bridge != null) {
                value("bridge", bridge.toString());
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }

        @Override
        void end() throws XMLStreamException {
            newLine(2);
            xml.writeEndElement(); // edges
            newLine(1);
            xml.writeEndElement(); // graph
            super.end();
        }
    }
}
