package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.edugraph.EduGraphProperties;
import org.edugraph.neo4j.EmbeddedNeo4j;
import org.edugraph.neo4j.Graph;
import org.edugraph.neo4j.SchemaMigrations;
import org.edugraph.neo4j.StartupWork;
import org.edugraph.region.Region;
import org.edugraph.region.RegionCypher;
import org.edugraph.seed.GazetteerLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The gazetteer: how long its load takes on a new store (in-process Neo4j, as the service
 * embeds it), that a second load of the same file is skipped, and what keeping the towns as a
 * lookup table of their own saves against making them Regions of a level TOWN below COUNTY:
 * the same store, with 20,000 schools in the counties of 福建省, is measured with the towns as
 * {@code :Town} and again after turning them into {@code :Region {level: 'TOWN'}} PART_OF their
 * county. Each statement is the service's own (the region rule of every filter, the regions
 * query and the analytics' region tree), PROFILEd for database hits and timed (median of
 * {@code bench.repeats}, 20). Prints its figures; asserts only what it measured ran.
 * {@code mvn test -Pbench -Dtest=GazetteerBenchmark}
 */
class GazetteerBenchmark {

    private static final String FILE = "classpath:seeds/gazetteer/divisions-2023.tsv";
    private static final int SCHOOLS = 20_000;
    private static final int REPEATS = Integer.getInteger("bench.repeats", 20);

    @TempDir
    Path dir;

    @Test
    void loadOnAFreshStoreSkipOnRestartAndTheCostOfTownsAsRegions() {
        EduGraphProperties properties = properties();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir, 0, Duration.ofMinutes(5), "256m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
            Graph graph = new Graph(driver, properties);
            StartupWork startup = new StartupWork(graph, properties);
            new SchemaMigrations(startup, properties).migrate();
            GazetteerLoader loader = new GazetteerLoader(startup, properties, java.time.Clock.systemUTC());

            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            GazetteerLoader.Outcome first = loader.load(FILE);
            long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
            GazetteerLoader.Outcome again = loader.load(FILE);
            assertThat(first.written()).isTrue();
            assertThat(again.written()).isFalse();
            // The same load on an empty store again, in this JVM: what the load costs once the JIT and Cypher's
            // plan cache are warm (a service starts cold; the first figure is the one a start sees).
            graph.write("MATCH (n) WHERE n:Region OR n:Town OR n:FormerRegionCode OR n:GazetteerFile DETACH DELETE n", Map.of());
            GazetteerLoader.Outcome[] warmLoad = new GazetteerLoader.Outcome[1];
            if (Boolean.getBoolean("bench.profileLoad")) {
                org.edugraph.neo4j.Profiler.profile(graph, () -> warmLoad[0] = loader.load(FILE)).forEach(p -> System.out.printf(
                        "BENCHMARK   load statement, %,d db hits: %s%n", p.dbHits(), p.cypher().replaceAll("\\s+", " ")));
            } else {
                warmLoad[0] = loader.load(FILE);
            }
            GazetteerLoader.Outcome warm = warmLoad[0];
            long regions = count(graph, "MATCH (r:Region) RETURN count(r) AS n");
            long towns = count(graph, "MATCH (t:Town) RETURN count(t) AS n");
            System.out.printf("%nBENCHMARK gazetteer load on a new store: %,d ms %s, %,d ms of CPU (%,d regions, %,d towns);"
                    + " load average %.1f on %d cores%n", first.millis(), first.phases(), cpuMs, regions, towns,
                    os.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
            System.out.printf("BENCHMARK gazetteer load of the same file again: %,d ms (skipped: checksum unchanged)%n",
                    again.millis());
            System.out.printf("BENCHMARK gazetteer load on an emptied store, same JVM (warm): %,d ms %s%n", warm.millis(),
                    warm.phases());

            graph.write("""
                    MATCH (c:Region {level: 'COUNTY'})-[:PART_OF*]->(:Region {code: '350000'})
                    WITH collect(c) AS counties
                    UNWIND range(0, $n - 1) AS i
                    WITH counties[i % size(counties)] AS c, i
                    CREATE (:School {id: 'bench-gz-' + i, name: '基准学校' + i, type: 'PRIMARY', aliases: []})-[:LOCATED_IN]->(c)""",
                    Map.of("n", SCHOOLS));

            Map<String, Supplier<Long>> queries = new java.util.LinkedHashMap<>();
            String within = "MATCH " + RegionCypher.schoolsWithin("s", "$code") + " RETURN count(s) AS n";
            queries.put("schools within 福建省 (the region rule of every filter)", () -> count(graph, within, "350000"));
            queries.put("schools within 泉州市", () -> count(graph, within, "350500"));
            queries.put("schools within 晋江市", () -> count(graph, within, "350582"));
            queries.put("regions (no level): the regions query, the explorer's list, the analytics' region tree",
                    () -> (long) graph.read("MATCH (n:Region) RETURN " + Region.PROJECTION + " AS region", Map.of()).size());
            queries.put("regions(level: COUNTY)", () -> (long) graph.read(
                    "MATCH (n:Region) WHERE n.level = $level RETURN " + Region.PROJECTION + " AS region",
                    Map.of("level", "COUNTY")).size());

            List<String> lines = new ArrayList<>();
            Map<String, long[]> asTable = measure(graph, queries);
            graph.write("""
                    MATCH (t:Town), (c:Region {code: t.county})
                    SET t:Region, t.level = 'TOWN'
                    CREATE (t)-[:PART_OF]->(c)""", Map.of());
            Map<String, long[]> asRegions = measure(graph, queries);
            System.out.printf("BENCHMARK towns as a lookup table (:Town) against towns as Regions of level TOWN, %,d schools:%n",
                    SCHOOLS);
            System.out.printf("BENCHMARK   %-90s %26s %26s%n", "statement", "lookup table: rows, hits, ms", "TOWN regions: rows, hits, ms");
            asTable.forEach((name, t) -> {
                long[] r = asRegions.get(name);
                lines.add("BENCHMARK   %-90s %8d %9d %7.1f %8d %9d %7.1f".formatted(name, t[0], t[1], t[2] / 1000.0, r[0], r[1],
                        r[2] / 1000.0));
            });
            lines.forEach(System.out::println);
        }
    }

    /**
     * The service as it starts: on a new data folder and again on the same one, with the gazetteer and
     * without it ({@code edugraph.gazetteer.enabled=false}), each in a JVM of its own, timed to its
     * "Started" line; the gazetteer's own step from its log line.
     */
    @Test
    void startUpOnANewStoreAndARestartWithAndWithoutTheGazetteer(@TempDir Path logs) throws Exception {
        for (boolean gazetteer : new boolean[] {true, false}) {
            Path data = dir.resolve(gazetteer ? "with" : "without");
            for (String start : List.of("new store", "restart")) {
                long t0 = System.nanoTime();
                try (var child = org.edugraph.support.ChildApplication.start(logs.resolve(gazetteer + start + ".log"),
                        List.of("-Xmx1g"), "--edugraph.data-dir=" + data, "--edugraph.neo4j.bolt-port=0", "--server.port=0",
                        "--edugraph.gazetteer.enabled=" + gazetteer)) {
                    child.awaitPort(Duration.ofMinutes(5));
                    double answered = (System.nanoTime() - t0) / 1e9;
                    String out = child.output();
                    var started = java.util.regex.Pattern.compile("Started EduGraphApplication in ([0-9.]+) seconds").matcher(out);
                    var loaded = java.util.regex.Pattern.compile("(Loaded gazetteer .*|Gazetteer .* unchanged, not reloaded)").matcher(out);
                    System.out.printf("BENCHMARK start, gazetteer %s, %s: answers after %.1f s, %s s in the application; %s; load average %.1f%n",
                            gazetteer ? "on" : "off", start, answered, started.find() ? started.group(1) : "?",
                            loaded.find() ? loaded.group(1).replaceAll(" \\{.*\\}", "") : "no gazetteer step",
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    child.process().destroy(); // SIGTERM: a clean stop, so that the restart is not a recovery
                    child.process().waitFor(2, java.util.concurrent.TimeUnit.MINUTES);
                }
            }
        }
    }

    /** For each query: rows (or count), db hits, and the median time in microseconds of {@link #REPEATS} runs. */
    private static Map<String, long[]> measure(Graph graph, Map<String, Supplier<Long>> queries) {
        Map<String, long[]> out = new java.util.LinkedHashMap<>();
        queries.forEach((name, query) -> {
            for (int i = 0; i < 3; i++) {
                query.get(); // warm up the plan cache and the page cache
            }
            long[] rows = new long[1];
            long hits = org.edugraph.neo4j.Profiler.profile(graph, () -> rows[0] = query.get()).stream().mapToLong(Graph.Profiled::dbHits).sum();
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < REPEATS; i++) {
                long t0 = System.nanoTime();
                query.get();
                times.add((System.nanoTime() - t0) / 1000);
            }
            times.sort(Long::compare);
            out.put(name, new long[] {rows[0], hits, times.get(times.size() / 2)});
        });
        return out;
    }

    private static long count(Graph graph, String cypher) {
        return graph.read(cypher, Map.of()).getFirst().get("n").asLong();
    }

    private static long count(Graph graph, String cypher, String code) {
        return graph.read(cypher, Map.of("code", code)).getFirst().get("n").asLong();
    }

    private static EduGraphProperties properties() {
        // Gazetteer off for the constructor: the benchmark loads the file itself, and times it.
        return new Binder(new MapConfigurationPropertySource(Map.of("edugraph.gazetteer.enabled", "false",
                "edugraph.neo4j.query-timeout", "5m"))).bindOrCreate("edugraph", EduGraphProperties.class);
    }
}
