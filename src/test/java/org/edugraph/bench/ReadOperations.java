package org.edugraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.edugraph.api.Page;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The operations of the read benchmarks (issue 8's a-f, the four analytics, one mutation),
 * each with the same answer as one raw Cypher statement, and the load that drives them:
 * concurrent clients posting GraphQL over HTTP to a running service, then the raw
 * statements through the driver from as many threads. Shared by {@link ReadBenchmark}
 * (20,000 schools, service in the test JVM) and {@link NationalBenchmark} (520,000
 * schools, service in a JVM of its own).
 */
final class ReadOperations {

    static final String NOTE = "ReadBenchmark";

    private static final String SCHOOL_DETAIL = """
            s {id: s.id, .name, .type,
               region: [(s)-[:LOCATED_IN]->(r:Region) | r {.code, .name}][0],
               groups: [(s)-[m:MEMBER_OF]->(g:EducationGroup) | {role: m.role, group: g {.id, .name}}],
               mentoring: [(s)<-[:MENTOR]-(p:Pairing)-[:MENTEE]->(o:School) | {id: p.id, kind: p.kind, mentee: o {.id, .name}}],
               mentoredBy: [(s)<-[:MENTEE]-(p2:Pairing)-[:MENTOR]->(o2:School) | {id: p2.id, kind: p2.kind, mentor: o2 {.id, .name}}],
               programs: [(s)-[q:PARTICIPATES_IN]->(g2:Program) | {role: q.role, program: g2 {.id, .name}}]}""";

    /** One operation: its GraphQL document and the same answer as raw Cypher, for round i; a mutation signs in. */
    record Operation(String name, IntFunction<String> graphQl, IntFunction<Map.Entry<String, Map<String, Object>>> cypher,
            boolean write) {
        Operation(String name, IntFunction<String> graphQl, IntFunction<Map.Entry<String, Map<String, Object>>> cypher) {
            this(name, graphQl, cypher, false);
        }
    }

    /** What the operations ask about: schools, counties and prefectures of the network, and a program. */
    record Network(List<String> schools, List<String> counties, List<String> prefectures, String program) {
        String school(int i) {
            return schools.get(Math.floorMod(i * 7919, schools.size()));
        }

        String county(int i) {
            return counties.get(Math.floorMod(i * 31, counties.size()));
        }

        String prefecture(int i) {
            return prefectures.get(Math.floorMod(i, prefectures.size()));
        }

        String afterId(int i) {
            return schools.get(Math.floorMod(i * 104_729, schools.size() - 200));
        }
    }

    /** A part of generated names that a few schools share: 示例小学 and a serial's first digits. */
    static String text(int i) {
        return "示例小学" + (100 + Math.floorMod(i * 37, 700));
    }

    static List<Operation> all(Network n) {
        return List.of(
                new Operation("a: one school with region, groups, pairings, programs", i -> """
                        { school(id: "%s") { id name type region { code name } groups { role group { id name } }
                          mentoring { id kind mentee { id name } } mentoredBy { id kind mentor { id name } }
                          programs { role program { id name } } } }""".formatted(n.school(i)),
                        i -> Map.entry("MATCH (s:School {id: $id}) RETURN " + SCHOOL_DETAIL + " AS school",
                                Map.of("id", n.school(i)))),
                new Operation("b: 50 schools of a county, nested", i -> """
                        { schools(filter: {regionCode: "%s"}, first: 50) { edges { node { id name type region { code name }
                          groups { role group { id name } } mentoring { id kind mentee { id name } } } } } }"""
                        .formatted(n.county(i)),
                        i -> Map.entry("""
                                MATCH (:Region {code: $region})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(s:School)
                                WITH s ORDER BY s.id LIMIT 50
                                RETURN s {.id, .name, .type, region: [(s)-[:LOCATED_IN]->(r:Region) | r {.code, .name}][0],
                                  groups: [(s)-[m:MEMBER_OF]->(g:EducationGroup) | {role: m.role, group: g {.id, .name}}],
                                  mentoring: [(s)<-[:MENTOR]-(p:Pairing)-[:MENTEE]->(o:School) | {id: p.id, kind: p.kind, mentee: o {.id, .name}}]
                                } AS school""", Map.of("region", n.county(i)))),
                new Operation("c: 100 pairings of a county, both schools", i -> """
                        { pairings(filter: {regionCode: "%s"}, first: 100) { edges { node { id kind startDate endDate
                          mentor { id name } mentee { id name } } } } }""".formatted(n.county(i)),
                        i -> Map.entry("""
                                MATCH (:Region {code: $region})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(:School)<-[:MENTOR|MENTEE]-(p:Pairing)
                                WITH DISTINCT p ORDER BY p.id LIMIT 100
                                RETURN p {.id, .kind, .startDate, .endDate, mentor: [(p)-[:MENTOR]->(s) | s {.id, .name}][0],
                                  mentee: [(p)-[:MENTEE]->(s) | s {.id, .name}][0]} AS pairing""", Map.of("region", n.county(i)))),
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
                          participants { role school { id name } } } }""".formatted(n.program()),
                        i -> Map.entry("""
                                MATCH (p:Program {id: $id})
                                RETURN p {.id, .name, figures: [(f:Figure)-[:ABOUT]->(p) | f {.metric, .value, .unit, .qualifier}],
                                  participants: [(s:School)-[q:PARTICIPATES_IN]->(p) | {role: q.role, school: s {.id, .name}}]} AS program""",
                                Map.of("id", n.program()))),
                new Operation("f: 100 schools, each with groups, pairings, programs", i -> """
                        { schools(first: 100, after: "%s") { edges { node { id name groups { role group { id name } }
                          mentoring { id kind mentee { id name } } mentoredBy { id kind mentor { id name } }
                          programs { role program { id name } } } } } }""".formatted(Page.cursor(n.afterId(i))),
                        // The page ordered by the id index, then projected: the projection in the same query part as
                        // ORDER BY s.id meets a planner error in Neo4j 2026.08 (insertCachedProperties).
                        i -> Map.entry("""
                                CALL () { MATCH (p:School) WHERE p.id > $after WITH p ORDER BY p.id LIMIT 100 RETURN collect(p) AS page }
                                UNWIND page AS s
                                RETURN %s AS school""".formatted(SCHOOL_DETAIL), Map.of("after", n.afterId(i)))),
                new Operation("networkStats, one prefecture", i -> """
                        { networkStats(filter: {regionCode: "%s"}) { schools pairings components largestComponent
                          topMentors { mentees } coverage { region { code } schools pairedSchools unpairedSchools } } }"""
                        .formatted(n.prefecture(i)), null),
                new Operation("partnershipNetwork, one county", i -> """
                        { partnershipNetwork(filter: {regionCode: "%s"}) { truncated nodes { id label kind }
                          edges { id source target kind } } }""".formatted(n.county(i)), null),
                new Operation("schoolNeighborhood, depth 2", i -> """
                        { schoolNeighborhood(schoolId: "%s", depth: 2) { truncated nodes { id label kind }
                          edges { id source target kind } } }""".formatted(n.school(i)), null),
                new Operation("partnershipPath, two schools", i -> """
                        { partnershipPath(fromSchoolId: "%s", toSchoolId: "%s") { id name } }"""
                        .formatted(n.school(i), n.school(i * 7 + 3)), null),
                new Operation("mutation: addPairing (checked, unique, audited)", i -> """
                        mutation { addPairing(input: {mentorId: "%s", menteeId: "%s", kind: OTHER, note: "%s"}) { id active } }"""
                        .formatted(n.school(i), n.school(i + 1), NOTE),
                        i -> Map.entry("""
                                MATCH (a:School {id: $mentor}), (b:School {id: $mentee})
                                CREATE (p:Pairing {id: randomUUID(), kind: 'OTHER', note: $note})-[:MENTOR]->(a), (p)-[:MENTEE]->(b)
                                RETURN p.id AS id""", Map.of("mentor", n.school(i), "mentee", n.school(i + 1), "note", NOTE)), true));
    }

    /** Requests per second, p50 and p99 of one measured phase. */
    record Result(int requests, double seconds, List<Long> micros, double serviceCpuMillis) {
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

    /** A request's work for round i; it throws when the answer is not a real one. */
    interface Work {
        void run(int i) throws Exception;
    }

    /**
     * The load on one service: {@code clients} threads for a given time per phase.
     *
     * @param statements Cypher statements the service has run so far (for statements per request)
     * @param transactions transactions the service has opened so far
     */
    record Load(String baseUri, String user, String password, Driver driver, int clients, int seconds, int warmUpSeconds,
            LongSupplier statements, LongSupplier transactions) {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private static final AtomicInteger ROUND = new AtomicInteger();

        static String header() {
            return "| operation | req/s | p50 ms | p99 ms | CPU ms/req | statements/req | transactions/req | raw Cypher req/s | ratio |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
        }

        /** Measures one operation, GraphQL then raw Cypher, and returns its table row. */
        String measure(Operation op) throws Exception {
            run(i -> graphQl(op.graphQl().apply(i), op.write()), warmUpSeconds);
            long statements0 = statements.getAsLong();
            long transactions0 = transactions.getAsLong();
            long from = System.currentTimeMillis();
            Result result = run(i -> graphQl(op.graphQl().apply(i), op.write()), seconds);
            // For a flight recording's breakdown of the measured phase (src/test/resources/bench/jfr_breakdown.py).
            System.out.printf("BENCHMARK window %s %d %d%n", op.name(), from, System.currentTimeMillis());
            double perRequestStatements = (statements.getAsLong() - statements0) / (double) result.requests();
            double perRequestTransactions = (transactions.getAsLong() - transactions0) / (double) result.requests();
            String raw = "n/a";
            String ratio = "";
            if (op.cypher() != null) {
                run(i -> cypher(op.cypher().apply(i), op.write()), warmUpSeconds);
                Result cypher = run(i -> cypher(op.cypher().apply(i), op.write()), seconds);
                raw = "%.1f".formatted(cypher.throughput());
                ratio = "%.2f×".formatted(result.throughput() / cypher.throughput());
            }
            return "| %s | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %s | %s |".formatted(op.name(), result.throughput(),
                    result.p50(), result.p99(), result.serviceCpuMillis() / result.requests(), perRequestStatements,
                    perRequestTransactions, raw, ratio);
        }

        /** Runs {@code work} from {@link #clients} threads for {@code seconds}, each taking the next round number. */
        Result run(Work work, int seconds) throws Exception {
            List<Long> micros = Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    futures.add(pool.submit(() -> {
                        long own0 = threads.getCurrentThreadCpuTime();
                        while (System.nanoTime() < end) {
                            int i = ROUND.getAndIncrement();
                            long t0 = System.nanoTime();
                            work.run(i);
                            micros.add((System.nanoTime() - t0) / 1000);
                        }
                        clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - own0);
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            // The JVM's CPU (service, in-process database, the HTTP client's own selector thread) less what the
            // client threads spent building requests and parsing answers.
            double serviceCpuMillis = (os.getProcessCpuTime() - cpu0 - clientCpu.get()) / 1e6;
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(Long::compare);
            return new Result(sorted.size(), elapsed, sorted, serviceCpuMillis);
        }

        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @SuppressWarnings("unchecked")
        void graphQl(String document, boolean admin) throws IOException, InterruptedException {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + "/graphql"));
            if (admin) {
                builder.header("Authorization", basic());
            }
            HttpRequest request = builder
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document))))
                    .timeout(Duration.ofSeconds(60)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = JSON.readValue(response.body(), Map.class);
            if (response.statusCode() != 200 || body.containsKey("errors") || body.get("data") == null) {
                throw new AssertionError(document + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
        }

        void cypher(Map.Entry<String, Map<String, Object>> statement, boolean write) {
            try (Session session = driver.session(SessionConfig.builder().build())) {
                int rows = write ? session.executeWrite(tx -> tx.run(statement.getKey(), statement.getValue()).list().size())
                        : session.executeRead(tx -> tx.run(statement.getKey(), statement.getValue()).list().size());
                if (rows == 0) {
                    throw new AssertionError("no rows from " + statement.getKey());
                }
            }
        }
    }

    private ReadOperations() {
    }
}
