package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.edugraph.EduGraphProperties;
import org.edugraph.neo4j.EmbeddedNeo4j;
import org.edugraph.neo4j.Graph;
import org.edugraph.neo4j.SchemaMigrations;
import org.edugraph.support.ChildApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The exports stream: their memory does not grow with the network. The application runs
 * as it does by default (embedded Neo4j, same heap) in a child JVM capped at 128 MiB,
 * over a network of 12,000 schools and 36,000 pairings (about 53,000 edges with groups and
 * programs, some 19 MiB of GraphML) prepared beforehand. It exports the whole network as GraphML twice; during
 * the second download the client stops reading two thirds of the way in, and the child's
 * live heap (every reachable object, counted by jcmd after a full collection) is compared with its live heap at
 * rest: a file built in memory would hold at least the size of what is still to come,
 * a streamed one only its buffers. The child's asynchronous-request limit is set to 1 s,
 * so the downloads (several seconds each, one with a pause of 1.5 s) also show that this
 * limit does not cut an export.
 *
 * <p>The size: the claim is relative (the growth must stay under a quarter of the file, where a
 * file built first would hold the third still to come), so it holds or fails the same at any
 * size where the file dwarfs the export's buffers: the growth measured was +2.0 MiB with a file of
 * 32 MiB (20,000 schools and 60,000 pairings, as it was) and -2.9 MiB with 18 MiB (these sizes),
 * against limits of 8 and 4.6 MiB, while the same export built in memory first fails it (its
 * child runs out of heap and the download breaks: checked by changing NetworkExport). The
 * smaller network cuts the writing beforehand, the download and the measures the file carries
 * (betweenness grows with schools times pairings).
 */
class ExportMemoryTest {

    private static final int SCHOOLS = 12_000;
    private static final int PAIRINGS = 36_000;
    private static final String HEAP = "128m";

    @TempDir
    Path dir;

    @Test
    void aLargeNetworkIsExportedWhileTheHeapStaysAsItWas() throws Exception {
        long started = System.nanoTime();
        Path data = dir.resolve("data");
        Expected expected = prepare(data);
        long prepared = System.nanoTime();

        Path log = dir.resolve("child.log");
        ChildApplication app = ChildApplication.start(log, List.of("-Xmx" + HEAP, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
                // Neither seeds nor gazetteer: what is measured is the export's heap, and the gazetteer's first load
                // (44,702 divisions in one transaction, so that nothing is half-loaded) needs more than this heap.
                "--edugraph.data-dir=" + data, "--edugraph.seeds.enabled=false", "--edugraph.gazetteer.enabled=false",
                "--server.port=0",
                "--edugraph.neo4j.bolt-port=0", "--edugraph.neo4j.page-cache=64m",
                "--edugraph.security.admin-password=" + UUID.randomUUID(), "--spring.mvc.async.request-timeout=1s");
        Process child = app.process();
        try {
            int port = app.awaitPort(Duration.ofMinutes(3));
            long running = System.nanoTime();
            String uri = "http://localhost:" + port + "/export/network.graphml?includeGroups=true&includePrograms=true";

            Download first = download(uri, Long.MAX_VALUE, () -> { });
            first.assertComplete(expected);
            long firstDone = System.nanoTime();

            long atRest = liveHeap(child);
            long[] during = new long[1];
            boolean[] exporting = new boolean[1];
            Download second = download(uri, first.bytes * 2 / 3, () -> {
                during[0] = liveHeap(child);
                exporting[0] = threads(child).contains(NetworkExport.class.getName());
                pause(Duration.ofMillis(1500));
            });
            second.assertComplete(expected);
            assertThat(exporting[0]).as("the export was still running when the heap was measured").isTrue();
            assertThat(second.bytes).isEqualTo(first.bytes);

            long rows = csvRows("http://localhost:" + port + "/export/pairings.csv");
            assertThat(rows).isEqualTo(PAIRINGS);
            assertThat(child.isAlive()).as("the child ran out of nothing").isTrue();

            System.out.printf("%nEXPORT MEMORY child -Xmx%s: GraphML %d bytes (%.1f MiB), %d nodes, %d edges%n", HEAP,
                    first.bytes, first.bytes / 1048576.0, first.nodes.size(), first.edges);
            System.out.printf("EXPORT MEMORY live heap at rest %.1f MiB, two thirds into the second download %.1f MiB (%+.1f MiB)%n",
                    atRest / 1048576.0, during[0] / 1048576.0, (during[0] - atRest) / 1048576.0);
            System.out.printf("EXPORT MEMORY prepare %d s, child start %d s, first GraphML download %.1f s, test %d s%n",
                    (prepared - started) / 1_000_000_000, (running - prepared) / 1_000_000_000,
                    (firstDone - running) / 1e9, (System.nanoTime() - started) / 1_000_000_000);
            // What an export still had to send when it was paused would all be in memory if it were built first.
            assertThat(during[0] - atRest).as("live heap growth mid-export, in bytes").isLessThan(first.bytes / 4);
        } catch (AssertionError | RuntimeException | IOException e) {
            // The child's own account, also when it died mid-download (the connection reset).
            System.out.println(Files.readString(log));
            throw e;
        } finally {
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /** What the file must hold. */
    private record Expected(int nodes, long edges) {
    }

    /**
     * Writes the network with its own embedded Neo4j (the migrations first, as the
     * application would), in statements of 10,000 rows, then closes it for the child.
     */
    private static Expected prepare(Path data) {
        EduGraphProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("edugraph.neo4j.query-timeout", "120s"))).bindOrCreate("edugraph", EduGraphProperties.class);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(data, 0, Duration.ofMinutes(2), "128m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            Graph graph = new Graph(driver, properties);
            new SchemaMigrations(new org.edugraph.neo4j.StartupWork(graph, properties), properties).migrate();
            graph.write("CREATE (:Region {code: 'T-BIG', name: '大网测试县', level: 'COUNTY', official: false})", Map.of());
            for (int from = 0; from < SCHOOLS; from += 10_000) {
                graph.write("""
                        MATCH (r:Region {code: 'T-BIG'})
                        UNWIND range($from, $to - 1) AS i
                        CREATE (s:School {id: 'big-s' + i, name: '大网测试县示例学校' + i, aliases: [], ownership: 'PUBLIC',
                                          type: ['PRIMARY', 'JUNIOR_SECONDARY', 'KINDERGARTEN'][i % 3], synthetic: true})
                        CREATE (s)-[:LOCATED_IN]->(r)""", Map.of("from", from, "to", Math.min(SCHOOLS, from + 10_000)));
            }
            graph.write("""
                    UNWIND range(0, 2) AS k
                    CREATE (:Program {id: 'big-program-' + k, name: '大网示例项目' + k, kind: 'PARTNERSHIP', synthetic: true})""",
                    Map.of());
            graph.write("""
                    UNWIND range(0, 499) AS g
                    CREATE (group:EducationGroup {id: 'big-g' + g, name: '大网示例教育集团' + g, kind: 'GROUP', synthetic: true})
                    WITH group, g
                    UNWIND range(0, 9) AS k
                    MATCH (s:School {id: 'big-s' + ((g * 40 + k * 3) % $schools)})
                    CREATE (s)-[:MEMBER_OF {role: CASE k WHEN 0 THEN 'LEAD' ELSE 'MEMBER' END, since: date('2018-09-01')}]->(group)""",
                    Map.of("schools", SCHOOLS));
            // A quarter of the schools mentors (3,000), the rest mentees (9,000; 7 is prime to their number, so
            // every one is reached); every fourth pairing is TARGETED_SUPPORT under no program.
            for (int from = 0; from < PAIRINGS; from += 10_000) {
                graph.write("""
                        UNWIND range($from, $to - 1) AS i
                        MATCH (a:School {id: 'big-s' + (i % $mentors)}), (b:School {id: 'big-s' + ($mentors + (i * 7) % ($schools - $mentors))})
                        CREATE (n:Pairing {id: 'big-p' + i, synthetic: true,
                                           kind: ['SPECIAL_DELIVERY_CLASSROOM', 'DEEP_ALLIANCE', 'ONE_TO_ONE', 'TARGETED_SUPPORT'][i % 4],
                                           startDate: date({year: 2016 + i % 8, month: 9, day: 1}),
                                           endDate: CASE WHEN i % 5 = 0 THEN date({year: 2025 + i % 2, month: 8, day: 31}) END})
                        CREATE (n)-[:MENTOR]->(a), (n)-[:MENTEE]->(b)
                        WITH n, i WHERE i % 4 <> 3
                        MATCH (p:Program {id: 'big-program-' + (i % 3)})
                        CREATE (n)-[:UNDER]->(p)""", Map.of("from", from, "to", Math.min(PAIRINGS, from + 10_000),
                        "mentors", SCHOOLS / 4, "schools", SCHOOLS));
            }
            for (String role : List.of("MENTOR", "MENTEE")) {
                graph.write("""
                        MATCH (p:Program)<-[:UNDER]-(:Pairing)-[:%s]->(s:School)
                        WITH DISTINCT s, p
                        CREATE (s)-[:PARTICIPATES_IN {role: $role}]->(p)""".formatted(role), Map.of("role", role));
            }
            var counts = graph.read("""
                    RETURN COUNT { (:Pairing) } + COUNT { ()-[:MEMBER_OF]->() } + COUNT { ()-[:PARTICIPATES_IN]->() } AS edges,
                           COUNT { (s:School) WHERE EXISTS { (s)<-[:MENTOR|MENTEE]-() } OR EXISTS { (s)-[:MEMBER_OF|PARTICIPATES_IN]->() } }
                           + COUNT { (:EducationGroup) } + COUNT { (:Program) } AS nodes""", Map.of()).getFirst();
            return new Expected(counts.get("nodes").asInt(), counts.get("edges").asLong());
        }
    }

    /**
     * The child's live heap: the bytes of every object still reachable, from jcmd's class
     * histogram, which collects the whole heap first and counts in the same pause (a
     * separate GC.run then GC.heap_info would also count what was allocated in between).
     */
    private static long liveHeap(Process child) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$")
                .matcher(run(jcmd, String.valueOf(child.pid()), "GC.class_histogram"));
        assertThat(total.find()).as("jcmd GC.class_histogram of the child ends with its total").isTrue();
        return Long.parseLong(total.group(1));
    }

    /** Every thread of the child, virtual ones (which serve the exports) included. */
    private static String threads(Process child) {
        try {
            Path dump = Files.createTempDirectory("threads").resolve("threads.txt");
            run(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(child.pid()),
                    "Thread.dump_to_file", "-format=text", dump.toString());
            return Files.readString(dump);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a download held: each node id once, the edges counted, whether the document ended. */
    private static final class Download {
        final Set<String> nodes = new HashSet<>();
        long edges;
        long bytes;
        boolean ended;
        int repeatedNodes;
        int danglingEdges;
        int status;

        void assertComplete(Expected expected) {
            assertThat(status).isEqualTo(200);
            assertThat(ended).as("the document ended").isTrue();
            assertThat(repeatedNodes).as("nodes given twice").isZero();
            assertThat(danglingEdges).as("edges to a node not given before").isZero();
            assertThat(nodes).hasSize(expected.nodes());
            assertThat(edges).isEqualTo(expected.edges());
        }
    }

    /** Downloads and reads the GraphML as it arrives; {@code atByte} runs once, when that many bytes were read. */
    private static Download download(String uri, long atByte, Runnable atThatByte) throws IOException, XMLStreamException {
        HttpURLConnection http = (HttpURLConnection) URI.create(uri).toURL().openConnection();
        http.setReadTimeout((int) Duration.ofMinutes(2).toMillis());
        Download d = new Download();
        d.status = http.getResponseCode();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream body = new Counting(http.getInputStream(), d, atByte, atThatByte)) {
            XMLStreamReader xml = factory.createXMLStreamReader(body);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("node")) {
                    if (!d.nodes.add(xml.getAttributeValue(null, "id"))) {
                        d.repeatedNodes++;
                    }
                } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("edge")) {
                    d.edges++;
                    if (!d.nodes.contains(xml.getAttributeValue(null, "source")) || !d.nodes.contains(xml.getAttributeValue(null, "target"))) {
                        d.danglingEdges++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("graphml")) {
                    d.ended = true;
                }
            }
        }
        return d;
    }

    private static final class Counting extends FilterInputStream {
        private final Download download;
        private final long atByte;
        private Runnable atThatByte;

        Counting(InputStream in, Download download, long atByte, Runnable atThatByte) {
            super(in);
            this.download = download;
            this.atByte = atByte;
            this.atThatByte = atThatByte;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            download.bytes += n;
            if (atThatByte != null && download.bytes >= atByte) {
                Runnable once = atThatByte;
                atThatByte = null;
                once.run();
            }
        }
    }

    private static long csvRows(String uri) throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create(uri).toURL().openConnection();
        assertThat(http.getResponseCode()).isEqualTo(200);
        try (var reader = new InputStreamReader(http.getInputStream(), StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            long rows = 0;
            for (var ignored : csv) {
                rows++;
            }
            return rows;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
