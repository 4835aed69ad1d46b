package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edugraph.EduGraphApplication;
import org.edugraph.EduGraphProperties;
import org.edugraph.neo4j.EmbeddedNeo4j;
import org.edugraph.neo4j.Graph;
import org.edugraph.neo4j.SchemaMigrations;
import org.edugraph.seed.GeneratedNetworkWriter;
import org.edugraph.seed.NetworkCsv;
import org.edugraph.seed.NetworkGenerator;
import org.edugraph.seed.GazetteerCounties;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Issue 8's national scale: a generated network over the real counties of the gazetteer
 * (every official county with towns, their GB/T 2260 codes; issue 21) with 520,000 schools
 * and 1,000,000 pairings, loaded the way a user would load it: the schools and pairings as CSV files through the public
 * import uploads of a running service, over HTTP; then the read benchmark's operations
 * against it. The service runs as it does by default (embedded Neo4j, seeds loaded) in a
 * JVM of its own, beside the clients on the same 2 cores.
 *
 * <p>Steps, each timed: generate the network and write its two files; create the store
 * with the schema, the regions and the three programs (which no importer creates); start
 * the service; import the schools in one file, then the pairings in files of 250,000
 * ({@code bench.pairingsPerFile}; each file one upload, one all-or-nothing transaction:
 * one of a million pairings needs more transaction memory than a 12 GiB heap allows); stop it and write the generated groups and program roles
 * (no importer creates them either); measure the store on disk; start the service again on
 * the full store; run every operation with 1 client (latency) and with
 * {@code bench.clients} clients beside raw Cypher through the driver (throughput); then 32
 * clients for 60 s ({@code bench.soakClients}, {@code bench.soakSeconds}; 0 skips it) with the
 * service's RSS before and after.
 * Not part of `mvn test`: {@code mvn test -Pbench -Dtest=NationalBenchmark}
 * [{@code -Dbench.schools=520000 -Dbench.pairings=1000000 -Dbench.seconds=10 -Dbench.clients=16
 * -Dbench.heap=6g -Dbench.pageCache=2g -Dbench.only=a,b}]. Asserts only that the service did
 * what it answered (every row imported, every answer a real one).
 */
class NationalBenchmark {

    private static final int SCHOOLS = Integer.getInteger("bench.schools", 520_000);
    private static final int PAIRINGS = Integer.getInteger("bench.pairings", 1_000_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 4);
    private static final String HEAP = System.getProperty("bench.heap", "6g");
    private static final String PAGE_CACHE = System.getProperty("bench.pageCache", "2g");
    /** Each file is one transaction; one of a million pairings needs more than 8.4 GiB (measured with -Xmx12g). */
    private static final int PAIRINGS_PER_FILE = Integer.getInteger("bench.pairingsPerFile", 250_000);
    private static final int SOAK_CLIENTS = Integer.getInteger("bench.soakClients", 32);
    private static final int SOAK_SECONDS = Integer.getInteger("bench.soakSeconds", 60);
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = UUID.randomUUID().toString();

    private final List<String> report = new ArrayList<>();

    @Test
    void aCountryImportedThroughTheUploadsAndRead() throws Exception {
        Path dir = Path.of("target", "national-benchmark").toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path data = dir.resolve("data");

        long t0 = System.nanoTime();
        List<NetworkGenerator.County> regions = GazetteerCounties.of(GazetteerCounties.read(GazetteerCounties.FILE), null);
        var spec = new NetworkGenerator.Spec("national-benchmark", "nat-", SCHOOLS, PAIRINGS, 2022, regions, LocalDate.now());
        NetworkGenerator.Network network = NetworkGenerator.generate(spec);
        Path schoolsCsv = dir.resolve("schools.csv");
        NetworkCsv.writeSchools(network, schoolsCsv);
        List<Path> pairingFiles = new ArrayList<>();
        long pairingBytes = 0;
        for (int from = 0; from < network.pairings().size(); from += PAIRINGS_PER_FILE) {
            Path file = dir.resolve("pairings-%d.csv".formatted(pairingFiles.size() + 1));
            NetworkCsv.writePairings(network, file, from, Math.min(network.pairings().size(), from + PAIRINGS_PER_FILE));
            pairingFiles.add(file);
            pairingBytes += Files.size(file);
        }
        note("generated over %,d real counties %,d schools, %,d groups, %,d pairings and wrote schools.csv (%.1f MiB) and %d pairings files"
                + " of at most %,d rows (%.1f MiB) in %.1f s", regions.size(), network.schools().size(), network.groups().size(),
                network.pairings().size(), Files.size(schoolsCsv) / 1048576.0, pairingFiles.size(), PAIRINGS_PER_FILE,
                pairingBytes / 1048576.0, seconds(t0));

        long t1 = System.nanoTime();
        withStore(data, graph -> {
            GazetteerCounties.load(graph);
            new GeneratedNetworkWriter(graph).writeBeforeImports(network);
        });
        note("created the store with the schema, the gazetteer's regions and the programs in %.1f s", seconds(t1));

        int bolt = freePort();
        Child child = Child.start(dir, data, bolt, "first");
        note("service started on the store of regions (seeds loaded at start) in %.1f s", child.startSeconds);
        try {
            long t2 = System.nanoTime();
            JsonNode schools = child.upload("/import/schools", schoolsCsv);
            assertThat(schools.path("schoolsCreated").asInt()).as(schools.toString()).isEqualTo(network.schools().size());
            double schoolSeconds = seconds(t2);
            long t3 = System.nanoTime();
            int created = 0;
            List<String> each = new ArrayList<>();
            for (Path file : pairingFiles) {
                long t = System.nanoTime();
                JsonNode pairings = child.upload("/import/pairings", file);
                created += pairings.path("pairingsCreated").asInt();
                each.add("%.1f s".formatted(seconds(t)));
            }
            assertThat(created).isEqualTo(network.pairings().size());
            double pairingSeconds = seconds(t3);
            note("imported %,d schools in one file in %.1f s (%,.0f rows/s) and %,d pairings in %d files in %.1f s (%s; %,.0f rows/s):"
                    + " %.1f s in all; peak RSS of the service %,d MiB",
                    network.schools().size(), schoolSeconds, network.schools().size() / schoolSeconds,
                    network.pairings().size(), pairingFiles.size(), pairingSeconds, String.join(", ", each),
                    network.pairings().size() / pairingSeconds, schoolSeconds + pairingSeconds, child.peakRss() >> 20);
        } finally {
            child.stop();
        }

        long t4 = System.nanoTime();
        withStore(data, graph -> new GeneratedNetworkWriter(graph).writeAfterImports(network));
        note("wrote %,d groups and the program roles through the driver in %.1f s", network.groups().size(), seconds(t4));
        note("on disk: store %.0f MiB (data/databases), transaction logs %.0f MiB (data/transactions, kept by Neo4j's retention"
                + " policy), %.0f MiB in all", size(data.resolve("data/databases")) / 1048576.0,
                size(data.resolve("data/transactions")) / 1048576.0, size(data) / 1048576.0);

        child = Child.start(dir, data, bolt, "second");
        note("service started on the full store in %.1f s (JVM launch to first answer)", child.startSeconds);
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic(EmbeddedNeo4j.USER, PASSWORD))) {
            String program;
            try (var session = driver.session()) {
                program = session.run("""
                        MATCH (p:Program) WHERE p.synthetic IS NULL
                        RETURN p.id AS id, COUNT { (p)<-[:PARTICIPATES_IN]-() } AS n ORDER BY n DESC, id LIMIT 1""")
                        .single().get("id").asString();
            }
            var operations = ReadOperations.all(new ReadOperations.Network(
                    network.schools().stream().map(NetworkGenerator.School::id).toList(),
                    spec.counties().stream().map(NetworkGenerator.County::code).toList(),
                    spec.counties().stream().map(NetworkGenerator.County::parentCode).distinct().toList(), program));
            Child running = child;
            var one = new ReadOperations.Load(child.baseUri, "admin", PASSWORD, driver, 1, SECONDS, WARM_UP_SECONDS,
                    () -> running.counter("statements"), () -> running.counter("transactions"));
            var many = new ReadOperations.Load(child.baseUri, "admin", PASSWORD, driver, CLIENTS, SECONDS, WARM_UP_SECONDS,
                    () -> running.counter("statements"), () -> running.counter("transactions"));
            List<String> only = List.of(System.getProperty("bench.only", "").split(","));
            // The service was just started: every operation runs a while first, so that none is measured while the JIT is cold.
            for (var op : operations) {
                if (!op.write()) {
                    many.run(i -> many.graphQl(op.graphQl().apply(i), false), WARM_UP_SECONDS);
                }
            }
            List<String> latency = new ArrayList<>(List.of("| operation (1 client) | req/s | p50 ms | p99 ms |", "|---|---:|---:|---:|"));
            List<String> throughput = new ArrayList<>(List.of(ReadOperations.Load.header()));
            for (var op : operations) {
                if (!only.equals(List.of("")) && only.stream().noneMatch(op.name()::startsWith)) {
                    continue;
                }
                one.run(i -> one.graphQl(op.graphQl().apply(i), op.write()), WARM_UP_SECONDS);
                var alone = one.run(i -> one.graphQl(op.graphQl().apply(i), op.write()), SECONDS);
                latency.add("| %s | %.1f | %.1f | %.1f |".formatted(op.name(), alone.throughput(), alone.p50(), alone.p99()));
                System.out.println("BENCHMARK " + latency.getLast());
                throughput.add(many.measure(op));
                System.out.println("BENCHMARK " + throughput.getLast());
            }
            note("service RSS after the reads: %d MiB (heap -Xmx%s, page cache %s)", child.rss() >> 20, HEAP, PAGE_CACHE);
            if (SOAK_SECONDS > 0) {
                soak(child, driver, operations);
            }
            report.addAll(latency);
            report.add("");
            report.add("%d clients:".formatted(CLIENTS));
            report.addAll(throughput);
        } finally {
            child.stop();
        }
        if (!"false".equals(System.getProperty("bench.rawImport"))) {
            rawImport(dir.resolve("raw"), regions, network);
        }
        report.forEach(line -> System.out.println("BENCHMARK " + line));
    }

    /**
     * The same rows written by hand-made Cypher through the driver into a fresh store of the
     * test JVM (the same properties and relationships the importers write, statements of
     * 10,000 rows, a transaction each, no checks): what the database itself takes for these
     * writes on this machine, beside the importers' time.
     */
    private void rawImport(Path data, List<NetworkGenerator.County> regions, NetworkGenerator.Network network) {
        withStore(data, graph -> {
            GazetteerCounties.load(graph);
            new GeneratedNetworkWriter(graph).writeBeforeImports(network);
            long t0 = System.nanoTime();
            for (int from = 0; from < network.schools().size(); from += 10_000) {
                List<Map<String, Object>> rows = network.schools().subList(from, Math.min(network.schools().size(), from + 10_000))
                        .stream().map(school -> Map.<String, Object>of("id", school.id(), "name", school.name(),
                                "type", school.type().name(), "typeCode", school.type().defaultCode(), "region", school.regionCode()))
                        .toList();
                graph.write("""
                        UNWIND $rows AS row
                        MATCH (r:Region {code: row.region})
                        CREATE (n:School {id: row.id, name: row.name, aliases: [], searchText: '', type: row.type, typeCode: row.typeCode,
                                          ownership: 'PUBLIC', createdAt: datetime(), createdBy: 'raw', importId: 'raw'})-[:LOCATED_IN]->(r)""",
                        Map.of("rows", rows));
            }
            double schools = seconds(t0);
            long t1 = System.nanoTime();
            for (int from = 0; from < network.pairings().size(); from += 10_000) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (var p : network.pairings().subList(from, Math.min(network.pairings().size(), from + 10_000))) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("id", "p-" + UUID.randomUUID());
                    row.put("mentor", p.mentorId());
                    row.put("mentee", p.menteeId());
                    row.put("kind", p.kind().name());
                    row.put("program", p.programId());
                    row.put("start", p.startDate());
                    rows.add(row);
                }
                graph.write("""
                        UNWIND $rows AS row
                        MATCH (mentor:School {id: row.mentor}), (mentee:School {id: row.mentee})
                        CREATE (n:Pairing {id: row.id, kind: row.kind, startDate: row.start, note: $note, createdAt: datetime(),
                                           createdBy: 'raw', importId: 'raw'})
                        CREATE (n)-[:MENTOR]->(mentor), (n)-[:MENTEE]->(mentee)
                        WITH n, row
                        CALL (n, row) { MATCH (p:Program {id: row.program}) CREATE (n)-[:UNDER]->(p) }""",
                        Map.of("rows", rows, "note", NetworkCsv.NOTE));
            }
            double pairings = seconds(t1);
            note("raw Cypher through the driver, same rows and properties, no checks, a transaction per 10,000 rows, in the test JVM:"
                    + " %,d schools in %.1f s (%,.0f rows/s), %,d pairings in %.1f s (%,.0f rows/s): %.1f s in all",
                    network.schools().size(), schools, network.schools().size() / schools,
                    network.pairings().size(), pairings, network.pairings().size() / pairings, schools + pairings);
        });
    }

    /**
     * 32 clients (bench.soakClients) for a minute (bench.soakSeconds) asking one school and a
     * county's pairings in turn: any error fails the run; the service's RSS before and after.
     */
    private void soak(Child child, Driver driver, List<ReadOperations.Operation> operations) throws Exception {
        var a = operations.get(0);
        var c = operations.get(2);
        var load = new ReadOperations.Load(child.baseUri, "admin", PASSWORD, driver, SOAK_CLIENTS, SOAK_SECONDS, 0,
                () -> 0, () -> 0);
        load.run(i -> load.graphQl((i % 2 == 0 ? a : c).graphQl().apply(i), false), WARM_UP_SECONDS);
        long before = child.rss();
        var result = load.run(i -> load.graphQl((i % 2 == 0 ? a : c).graphQl().apply(i), false), SOAK_SECONDS);
        long after = child.rss();
        note("%d clients for %d s asking a and c in turn: %,d requests, no error, %.1f requests/s, p99 %.0f ms;"
                + " service RSS %,d MiB before, %,d MiB after (%+.1f %%)", SOAK_CLIENTS, SOAK_SECONDS, result.requests(),
                result.throughput(), result.p99(), before >> 20, after >> 20, 100.0 * (after - before) / before);
    }

    private void note(String format, Object... args) {
        String line = format.formatted(args);
        System.out.println("BENCHMARK " + line);
        report.add("- " + line);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Opens the store with its own embedded Neo4j (the migrations first, as the service would), for what no importer writes. */
    private static void withStore(Path data, java.util.function.Consumer<Graph> work) {
        EduGraphProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("edugraph.neo4j.query-timeout", "10m"))).bindOrCreate("edugraph", EduGraphProperties.class);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(data, 0, Duration.ofMinutes(10), PAGE_CACHE);
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            Graph graph = new Graph(driver, properties);
            new SchemaMigrations(new org.edugraph.neo4j.StartupWork(graph, properties), properties).migrate();
            work.accept(graph);
        }
    }

    /** The service in a JVM of its own, started on {@code data}. */
    private static final class Child {
        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        final Process process;
        final String baseUri;
        final double startSeconds;

        private Child(Process process, String baseUri, double startSeconds) {
            this.process = process;
            this.baseUri = baseUri;
            this.startSeconds = startSeconds;
        }

        static Child start(Path dir, Path data, int bolt, String name) throws Exception {
            Path log = dir.resolve("service-" + name + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(java, "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
                    "-cp", System.getProperty("java.class.path"), EduGraphApplication.class.getName(),
                    "--edugraph.data-dir=" + data, "--server.port=0", "--edugraph.neo4j.bolt-port=" + bolt,
                    "--edugraph.neo4j.page-cache=" + PAGE_CACHE, "--edugraph.security.admin-password=" + PASSWORD,
                    "--edugraph.neo4j.password=" + PASSWORD,
                    "--spring.servlet.multipart.max-file-size=256MB", "--spring.servlet.multipart.max-request-size=256MB",
                    "--server.tomcat.max-swallow-size=512MB")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int port = awaitPort(process, log);
            String base = "http://localhost:" + port;
            HttpResponse<String> first = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ regions(level: PROVINCE) { code } }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            return new Child(process, base, seconds(t0));
        }

        /** Uploads a CSV file to an import, for real (dryRun false), and returns its report. */
        JsonNode upload(String path, Path file) throws Exception {
            String boundary = "----edugraph" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\nfalse\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + path))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body().substring(0, Math.min(2000, response.body().length())))
                    .isEqualTo(200);
            return JSON.readTree(response.body());
        }

        /** The service's count of Cypher statements or transactions so far, from its metrics. */
        long counter(String name) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUri + "/actuator/metrics/edugraph.neo4j." + name))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return JSON.readTree(response.body()).path("measurements").get(0).path("value").asLong();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        long rss() throws IOException {
            return status("VmRSS:");
        }

        long peakRss() throws IOException {
            return status("VmHWM:");
        }

        private long status(String field) throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return -1;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }

        private static int awaitPort(Process child, Path log) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!child.isAlive()) {
                    throw new IllegalStateException("The service stopped:\n" + Files.readString(log));
                }
                String out = Files.exists(log) ? Files.readString(log) : "";
                Matcher m = PORT.matcher(out);
                if (m.find() && out.contains("Started EduGraphApplication")) {
                    return Integer.parseInt(m.group(1));
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("The service did not start:\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
