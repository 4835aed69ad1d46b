package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.edugraph.api.Page;
import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNetwork;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read benchmark of issue 8: the running service over HTTP with concurrent clients
 * (16 by default), on a generated network of 20,000 schools and 40,000 pairings, each
 * operation beside the same answer asked as one raw Cypher statement through the driver
 * with as many concurrent sessions, in the same run. Prints per operation: requests per
 * second, p50 and p99, Cypher statements and transactions per request, the raw
 * statement's requests per second and the ratio; then heap and RSS of the JVM (service
 * and test Neo4j together). Not part of `mvn test`:
 * {@code mvn test -Pbench -Dtest=ReadBenchmark [-Dbench.clients=16 -Dbench.seconds=10 -Dbench.only=a,b,networkStats]}.
 * Asserts only that every answer is a real one (no errors, rows where rows are expected).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadBenchmark extends IntegrationTest {

    private static final int SCHOOLS = Integer.getInteger("bench.schools", 20_000);
    private static final int PAIRINGS = Integer.getInteger("bench.pairings", 40_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 4);

    private static final String SCHOOL_DETAIL = """
            s {id: s.id, .name, .type,
               region: [(s)-[:LOCATED_IN]->(r:Region) | r {.code, .name}][0],
               groups: [(s)-[m:MEMBER_OF]->(g:EducationGroup) | {role: m.role, group: g {.id, .name}}],
               mentoring: [(s)<-[:MENTOR]-(p:Pairing)-[:MENTEE]->(o:School) | {id: p.id, kind: p.kind, mentee: o {.id, .name}}],
               mentoredBy: [(s)<-[:MENTEE]-(p2:Pairing)-[:MENTOR]->(o2:School) | {id: p2.id, kind: p2.kind, mentor: o2 {.id, .name}}],
               programs: [(s)-[q:PARTICIPATES_IN]->(g2:Program) | {role: q.role, program: g2 {.id, .name}}]}""";

    @Autowired
    private Driver driver;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> table = new ArrayList<>();
    /** Round numbers, never reused across runs: the mutation needs a new pair of schools each time. */
    private final AtomicInteger round = new AtomicInteger();
    private static final String NOTE = "ReadBenchmark";
    private NetworkGenerator.Network network;
    private List<String> schools;
    private List<String> counties;

    /** One operation: its GraphQL document and the same answer as raw Cypher, for round i; a mutation signs in. */
    record Operation(String name, IntFunction<String> graphQl, IntFunction<Map.Entry<String, Map<String, Object>>> cypher,
            boolean write) {
        Operation(String name, IntFunction<String> graphQl, IntFunction<Map.Entry<String, Map<String, Object>>> cypher) {
            this(name, graphQl, cypher, false);
        }
    }

    @BeforeAll
    void generate() {
        long t0 = System.nanoTime();
        network = TestNetwork.create(graph, SCHOOLS, PAIRINGS, 2022, TestNetwork.counties(10, 10));
        System.out.printf("%nBENCHMARK wrote %d schools, %d groups, %d pairings in %d ms%n", network.schools().size(),
                network.groups().size(), network.pairings().size(), (System.nanoTime() - t0) / 1_000_000);
        schools = network.schools().stream().map(NetworkGenerator.School::id).toList();
        counties = TestNetwork.counties(10, 10).stream().map(NetworkGenerator.County::code).toList();
    }

    @AfterAll
    void remove() {
        graph.write("MATCH (p:Pairing {note: $note}) DETACH DELETE p", Map.of("note", NOTE));
        graph.write("MATCH (e:AuditEvent) WHERE e.user = $user DELETE e", Map.of("user", TestUsers.ADMIN.name()));
        TestNetwork.remove(graph);
    }

    @Test
    void reads() throws Exception {
        String program = graph.read("""
                MATCH (p:Program) WHERE p.synthetic IS NULL
                RETURN p.id AS id, COUNT { (p)<-[:PARTICIPATES_IN]-() } AS n ORDER BY n DESC, id LIMIT 1""", Map.of())
                .getFirst().get("id").asString();
        List<Operation> operations = List.of(
                new Operation("a: one school with region, groups, pairings, programs", i -> """
                        { school(id: "%s") { id name type region { code name } groups { role group { id name } }
                          mentoring { id kind mentee { id name } } mentoredBy { id kind mentor { id name } }
                          programs { role program { id name } } } }""".formatted(school(i)),
                        i -> Map.entry("MATCH (s:School {id: $id}) RETURN " + SCHOOL_DETAIL + " AS school",
                                Map.of("id", school(i)))),
                new Operation("b: 50 schools of a county, nested", i -> """
                        { schools(filter: {regionCode: "%s"}, first: 50) { edges { node { id name type region { code name }
                          groups { role group { id name } } mentoring { id kind mentee { id name } } } } } }"""
                        .formatted(county(i)),
                        i -> Map.entry("""
                                MATCH (:Region {code: $region})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(s:School)
                                WITH s ORDER BY s.id LIMIT 50
                                RETURN s {.id, .name, .type, region: [(s)-[:LOCATED_IN]->(r:Region) | r {.code, .name}][0],
                                  groups: [(s)-[m:MEMBER_OF]->(g:EducationGroup) | {role: m.role, group: g {.id, .name}}],
                                  mentoring: [(s)<-[:MENTOR]-(p:Pairing)-[:MENTEE]->(o:School) | {id: p.id, kind: p.kind, mentee: o {.id, .name}}]
                                } AS school""", Map.of("region", county(i)))),
                new Operation("c: 100 pairings of a county, both schools", i -> """
                        { pairings(filter: {regionCode: "%s"}, first: 100) { edges { node { id kind startDate endDate
                          mentor { id name } mentee { id name } } } } }""".formatted(county(i)),
                        i -> Map.entry("""
                                MATCH (:Region {code: $region})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(:School)<-[:MENTOR|MENTEE]-(p:Pairing)
                                WITH DISTINCT p ORDER BY p.id LIMIT 100
                                RETURN p {.id, .kind, .startDate, .endDate, mentor: [(p)-[:MENTOR]->(s) | s {.id, .name}][0],
                                  mentee: [(p)-[:MENTEE]->(s) | s {.id, .name}][0]} AS pairing""", Map.of("region", county(i)))),
                new Operation("d: nameContains, 20 schools", i -> """
                        { schools(filter: {nameContains: "%s"}, first: 20) { edges { node { id name } } } }"""
                        .formatted(text(i)),
                        i -> Map.entry("""
                                CALL () {
                                  MATCH (s:School) WHERE s.name CONTAINS $text RETURN s
                                  UNION
                                  MATCH (s:School) WHERE s.searchText CONTAINS $text RETURN s
                                }
                                WITH s WHERE s.name CONTAINS $text OR any(a IN s.aliases WHERE a CONTAINS $text)
                                WITH s ORDER BY s.id LIMIT 20
                                RETURN s {.id, .name} AS school""", Map.of("text", text(i)))),
                new Operation("e: a program, its figures and participants", i -> """
                        { program(id: "%s") { id name figures { metric value unit qualifier }
                          participants { role school { id name } } } }""".formatted(program),
                        i -> Map.entry("""
                                MATCH (p:Program {id: $id})
                                RETURN p {.id, .name, figures: [(f:Figure)-[:ABOUT]->(p) | f {.metric, .value, .unit, .qualifier}],
                                  participants: [(s:School)-[q:PARTICIPATES_IN]->(p) | {role: q.role, school: s {.id, .name}}]} AS program""",
                                Map.of("id", program))),
                new Operation("f: 100 schools, each with groups, pairings, programs", i -> """
                        { schools(first: 100, after: "%s") { edges { node { id name groups { role group { id name } }
                          mentoring { id kind mentee { id name } } mentoredBy { id kind mentor { id name } }
                          programs { role program { id name } } } } } }""".formatted(Page.cursor(afterId(i))),
                        i -> Map.entry("""
                                MATCH (s:School)
                                WITH s, s.id AS sid WHERE sid > $after
                                WITH s ORDER BY sid LIMIT 100
                                RETURN %s AS school""".formatted(SCHOOL_DETAIL), Map.of("after", afterId(i)))),
                new Operation("networkStats, one prefecture", i -> """
                        { networkStats(filter: {regionCode: "%s"}) { schools pairings components largestComponent
                          topMentors { mentees } coverage { region { code } schools pairedSchools unpairedSchools } } }"""
                        .formatted(TestNetwork.ROOT + "-" + (char) ('A' + i % 10)), null),
                new Operation("partnershipNetwork, one county", i -> """
                        { partnershipNetwork(filter: {regionCode: "%s"}) { truncated nodes { id label kind }
                          edges { id source target kind } } }""".formatted(county(i)), null),
                new Operation("schoolNeighborhood, depth 2", i -> """
                        { schoolNeighborhood(schoolId: "%s", depth: 2) { truncated nodes { id label kind }
                          edges { id source target kind } } }""".formatted(school(i)), null),
                new Operation("partnershipPath, two schools", i -> """
                        { partnershipPath(fromSchoolId: "%s", toSchoolId: "%s") { id name } }"""
                        .formatted(school(i), school(i * 7 + 3)), null),
                new Operation("mutation: addPairing (checked, unique, audited)", i -> """
                        mutation { addPairing(input: {mentorId: "%s", menteeId: "%s", kind: OTHER, note: "%s"}) { id active } }"""
                        .formatted(school(i), school(i + 1), NOTE),
                        i -> Map.entry("""
                                MATCH (a:School {id: $mentor}), (b:School {id: $mentee})
                                CREATE (p:Pairing {id: randomUUID(), kind: 'OTHER', note: $note})-[:MENTOR]->(a), (p)-[:MENTEE]->(b)
                                RETURN p.id AS id""", Map.of("mentor", school(i), "mentee", school(i + 1), "note", NOTE)), true));
        System.gc();
        long heapBefore = usedHeap();
        long rssBefore = rss();
        System.out.printf("BENCHMARK %d clients, %d s per operation after %d s of warm-up%n", CLIENTS, SECONDS, WARM_UP_SECONDS);
        table.add("| operation | req/s | p50 ms | p99 ms | statements/req | transactions/req | raw Cypher req/s | ratio |");
        table.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        List<String> only = List.of(System.getProperty("bench.only", "").split(","));
        for (Operation op : operations) {
            if (only.equals(List.of("")) || only.stream().anyMatch(op.name()::startsWith)) {
                measure(op);
            }
        }
        System.gc();
        String memory = "heap in use %d MiB before, %d MiB after; RSS %d MiB before, %d MiB after (service and test Neo4j in one JVM)"
                .formatted(heapBefore >> 20, usedHeap() >> 20, rssBefore >> 20, rss() >> 20);
        System.out.println("BENCHMARK " + memory);
        table.forEach(line -> System.out.println("BENCHMARK " + line));
    }

    private void measure(Operation op) throws Exception {
        run(i -> graphQl(op.graphQl().apply(i), op.write()), WARM_UP_SECONDS);
        long statements = graph.statementsRun();
        long transactions = graph.transactionsRun();
        Result result = run(i -> graphQl(op.graphQl().apply(i), op.write()), SECONDS);
        double perRequestStatements = (graph.statementsRun() - statements) / (double) result.requests();
        double perRequestTransactions = (graph.transactionsRun() - transactions) / (double) result.requests();
        String raw = "n/a";
        String ratio = "";
        if (op.cypher() != null) {
            run(i -> cypher(op.cypher().apply(i), op.write()), WARM_UP_SECONDS);
            Result cypher = run(i -> cypher(op.cypher().apply(i), op.write()), SECONDS);
            raw = "%.1f".formatted(cypher.throughput());
            ratio = "%.2f×".formatted(result.throughput() / cypher.throughput());
        }
        String line = "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s |".formatted(op.name(), result.throughput(),
                result.p50(), result.p99(), perRequestStatements, perRequestTransactions, raw, ratio);
        System.out.println("BENCHMARK " + line);
        table.add(line);
    }

    /** A request's work for round i; it throws when the answer is not a real one. */
    interface Work {
        void run(int i) throws Exception;
    }

    record Result(int requests, double seconds, List<Long> micros) {
        double throughput() {
            return requests / seconds;
        }

        double p50() {
            return micros.get(micros.size() / 2) / 1000.0;
        }

        double p99() {
            return micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0;
        }
    }

    /** Runs {@code work} from {@link #CLIENTS} threads for {@code seconds}, each taking the next round number. */
    private Result run(Work work, int seconds) throws Exception {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int i = round.getAndIncrement();
                        long t0 = System.nanoTime();
                        work.run(i);
                        micros.add((System.nanoTime() - t0) / 1000);
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(Long::compare);
        return new Result(sorted.size(), elapsed, sorted);
    }

    @SuppressWarnings("unchecked")
    private void graphQl(String document, boolean admin) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"));
        if (admin) {
            builder.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (TestUsers.ADMIN.name() + ":" + TestUsers.ADMIN.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        HttpRequest request = builder
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", document))))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, Object> body = json.readValue(response.body(), Map.class);
        if (response.statusCode() != 200 || body.containsKey("errors") || body.get("data") == null) {
            throw new AssertionError(document + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    private void cypher(Map.Entry<String, Map<String, Object>> statement, boolean write) {
        try (Session session = driver.session(SessionConfig.builder().build())) {
            int rows = write ? session.executeWrite(tx -> tx.run(statement.getKey(), statement.getValue()).list().size())
                    : session.executeRead(tx -> tx.run(statement.getKey(), statement.getValue()).list().size());
            assertThat(rows).isPositive();
        }
    }

    private String school(int i) {
        return schools.get(Math.floorMod(i * 7919, schools.size()));
    }

    private String county(int i) {
        return counties.get(Math.floorMod(i * 31, counties.size()));
    }

    private String afterId(int i) {
        return schools.get(Math.floorMod(i * 104_729, schools.size() - 200));
    }

    /** A part of generated names that a few schools share: 示例小学 and a serial's first digits. */
    private static String text(int i) {
        return "示例小学" + (100 + Math.floorMod(i * 37, 700));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
