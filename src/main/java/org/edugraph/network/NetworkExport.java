package org.edugraph.network;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import javax.xml.stream.XMLStreamException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.edugraph.EduGraphProperties;
import org.edugraph.neo4j.Graph;
import org.edugraph.network.measures.Measures;
import org.edugraph.api.Gate;
import org.edugraph.api.Values;
import org.edugraph.pairing.PairingActivity;
import org.edugraph.pairing.PairingFilter;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * The network and its pairings as files, written while they are read: one read
 * transaction (not retried: what is sent cannot be taken back) streams the rows, and
 * each row is written out as it arrives, so memory stays the same whatever the size.
 * The ids a request names are checked ({@link #check}) before anything is sent.
 */
@Service
class NetworkExport {

    /** The CSV's columns, in order. */
    static final String[] PAIRING_COLUMNS = {"pairingId", "mentorId", "mentorName", "mentorRegionCode", "menteeId",
            "menteeName", "menteeRegionCode", "kind", "programId", "programName", "startDate", "endDate", "active", "synthetic"};
    private static final int BUFFER = 64 * 1024;

    private final Graph graph;
    private final NetworkAnalytics analytics;
    private final NetworkScience science;
    private final Duration timeout;
    private final Gate gate;
    private final Clock clock;

    NetworkExport(Graph graph, NetworkAnalytics analytics, NetworkScience science, EduGraphProperties properties, Clock clock) {
        this.clock = clock;
        this.graph = graph;
        this.analytics = analytics;
        this.science = science;
        this.timeout = properties.export().timeout();
        this.gate = new Gate("exports", properties.export().concurrency());
    }

    /**
     * The bound on exports streaming at once: each holds a read transaction, and a database
     * connection, for as long as its client takes to read the file.
     */
    Gate gate() {
        return gate;
    }

    /** How long an export's transaction may stay open. */
    Duration timeout() {
        return timeout;
    }

    /** NOT_FOUND when the request names a program, region or school that does not exist. */
    void check(ExportRequest request) {
        analytics.requireReferences(request.filter());
    }

    /**
     * For a network file with measures, the measures of the selected network (kept ones, or
     * computed now), before anything is sent, so that a network too large to measure is
     * refused with a whole JSON error; null when the file has no measures.
     */
    Measures measures(ExportRequest request) {
        return request.measures() ? science.measures(request.filter()) : null;
    }

    /** The network as GraphML 1.0. */
    void graphMl(ExportRequest request, Measures measures, OutputStream out) {
        network(request, measures, out, NetworkXml::graphMl);
    }

    /** The network as GEXF 1.2draft. */
    void gexf(ExportRequest request, Measures measures, OutputStream out) {
        network(request, measures, out, NetworkXml::gexf);
    }

    /**
     * Every node once, then every edge: the network partnershipNetwork draws for the same
     * filter and flags, without its limit.
     */
    private void network(ExportRequest request, Measures measures, OutputStream out, Function<OutputStream, NetworkXml> format) {
        PairingFilter.Cypher cypher = request.filter().cypher();
        boolean groups = request.groups();
        boolean programs = request.programs();
        graph.stream(timeout, tx -> xml(() -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
            NetworkXml file = format.apply(buffered);
            file.begin("EduGraph partnership network: " + request.summary(), measures != null);
            // Neo4j reads committed data statement by statement: a pairing added between the
            // two statements could bring an edge to a node not written. Such edges are left
            // out, so the file is whole; this is the one thing kept per node, not per edge.
            Set<String> written = new HashSet<>();
            tx.stream(NetworkCypher.exportNodes(cypher, groups, programs), cypher.parameters(), r -> xml(() -> {
                NetworkNode node = NetworkNode.from(r.get("node"));
                written.add(node.id());
                file.node(node, measures == null || !NetworkNode.SCHOOL.equals(node.kind()) ? null
                        : NodeMeasures.of(measures, node.ref()));
            }));
            file.edges();
            tx.stream(NetworkCypher.exportEdges(cypher, groups, programs), cypher.parameters(), r -> xml(() -> {
                NetworkEdge edge = NetworkEdge.from(r, NetworkNode.reference(r.get("source")), NetworkNode.reference(r.get("target")));
                if (written.contains(edge.source()) && written.contains(edge.target())) {
                    int pairing = measures == null || edge.pairingId() == null ? -1 : measures.graph().indexOfPairing(edge.pairingId());
                    file.edge(edge, pairing < 0 ? null : measures.bridge(pairing));
                }
            }));
            file.end();
            io(buffered::flush);
        }));
    }

    /**
     * The selected pairings as CSV (RFC 4180, UTF-8, CRLF), one a row with both schools,
     * and {@code active} for today by the same rule as the API's field.
     */
    void pairingsCsv(ExportRequest request, Measures measures, OutputStream out) {
        PairingFilter.Cypher cypher = request.filter().cypher();
        LocalDate today = LocalDate.now(clock);
        graph.stream(timeout, tx -> io(() -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
            if (request.bom()) {
                writer.write('\uFEFF');
            }
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(PAIRING_COLUMNS).get());
            tx.stream(NetworkCypher.exportPairings(cypher), cypher.parameters(), r -> io(() -> csv.printRecord(row(r, today))));
            csv.flush();
        }));
    }

    private static Object[] row(Record r, LocalDate today) {
        LocalDate start = Values.date(r, "startDate");
        LocalDate end = Values.date(r, "endDate");
        return new Object[] {r.get("id").asString(), r.get("mentorId").asString(), cell(Values.string(r, "mentorName")),
                Values.string(r, "mentorRegion"), r.get("menteeId").asString(), cell(Values.string(r, "menteeName")), Values.string(r, "menteeRegion"),
                Values.string(r, "kind"), Values.string(r, "programId"), cell(Values.string(r, "programName")), start, end,
                PairingActivity.isActive(start, end, today), r.get("synthetic").asBoolean()};
    }

    /**
     * A name as a spreadsheet cell that cannot run: a spreadsheet reads a cell that starts
     * with =, +, -, @ (or a tab or carriage return before one) as a formula, so such a name,
     * which an admin's import may carry, gets a leading apostrophe, as OWASP advises against
     * CSV injection. Every other name is written as it is.
     */
    static String cell(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return "=+-@\t\r".indexOf(name.charAt(0)) >= 0 ? "'" + name : name;
    }

    private interface XmlWork {
        void run() throws XMLStreamException;
    }

    private interface IoWork {
        void run() throws IOException;
    }

    /** Runs XML writing where only unchecked exceptions may pass (inside a transaction's callback). */
    private static void xml(XmlWork work) {
        try {
            work.run();
        } catch (XMLStreamException e) {
            // The JDK's writer wraps the output stream's IOException (a client gone away).
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("Could not write the export", e);
        }
    }

    private static void io(IoWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
