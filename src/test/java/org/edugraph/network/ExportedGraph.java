package org.edugraph.network;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An exported GraphML or GEXF file read back as a tool would: each node and edge by its
 * id with its attributes by their declared names ({@code label}, {@code kind} ...; an
 * edge's {@code source} and {@code target} too). GraphML ids are decoded from their
 * documented {@code _xHHHH_} form. Ids met twice are kept in {@link #repeated}.
 */
record ExportedGraph(String namespace, Map<String, Map<String, String>> nodes, Map<String, Map<String, String>> edges,
        List<String> repeated) {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-F]{4,6})_");

    static ExportedGraph read(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, String> keys = new HashMap<>(); // GraphML key id, or GEXF attribute id per class, to its name
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        Map<String, Map<String, String>> edges = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        String namespace = null;
        try {
            XMLStreamReader in = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            boolean graphMl = false;
            String attributeClass = null;
            Map<String, String> current = null;
            String owner = null;
            while (in.hasNext()) {
                if (in.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = in.getLocalName();
                switch (name) {
                    case "graphml" -> {
                        graphMl = true;
                        namespace = in.getNamespaceURI();
                    }
                    case "gexf" -> namespace = in.getNamespaceURI();
                    case "key" -> keys.put(in.getAttributeValue(null, "id"), in.getAttributeValue(null, "attr.name"));
                    case "attributes" -> attributeClass = in.getAttributeValue(null, "class");
                    case "attribute" -> keys.put(attributeClass + ":" + in.getAttributeValue(null, "id"),
                            in.getAttributeValue(null, "title"));
                    case "node", "edge" -> {
                        owner = name;
                        current = new LinkedHashMap<>();
                        String id = in.getAttributeValue(null, "id");
                        if (graphMl) {
                            id = decode(id);
                        }
                        if (name.equals("edge")) {
                            current.put("source", graphMl ? decode(in.getAttributeValue(null, "source")) : in.getAttributeValue(null, "source"));
                            current.put("target", graphMl ? decode(in.getAttributeValue(null, "target")) : in.getAttributeValue(null, "target"));
                        }
                        if (!graphMl && in.getAttributeValue(null, "label") != null) {
                            current.put("label", in.getAttributeValue(null, "label"));
                        }
                        if ((name.equals("node") ? nodes : edges).put(id, current) != null) {
                            repeated.add(id);
                        }
                    }
                    case "data" -> current.put(keys.get(in.getAttributeValue(null, "key")), in.getElementText());
                    case "attvalue" -> current.put(keys.get(owner + ":" + in.getAttributeValue(null, "for")),
                            in.getAttributeValue(null, "value"));
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The export is not well-formed XML", e);
        }
        return new ExportedGraph(namespace, nodes, edges, repeated);
    }

    /** The GraphML id form back to the GraphQL id: {@code _xHHHH_} is the character with that code point. */
    static String decode(String token) {
        Matcher m = ESCAPE.matcher(token);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
