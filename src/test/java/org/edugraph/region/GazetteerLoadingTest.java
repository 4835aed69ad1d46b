package org.edugraph.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.edugraph.EduGraphApplication;
import org.edugraph.EduGraphProperties;
import org.edugraph.neo4j.StartupWork;
import org.edugraph.seed.GazetteerLoader;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The gazetteer loaded at start: every county of China is a region as the reports' are, a
 * restart with the same file skips it, and a file that fails its checksum or format stops
 * start-up with a message while a load cut short leaves the graph as it was.
 */
class GazetteerLoadingTest extends IntegrationTest {

    private static final String FILE = "classpath:seeds/gazetteer/divisions-2023.tsv";

    @TempDir
    Path dir;

    @Autowired
    GazetteerLoader loader;

    @Autowired
    Driver driver;

    @AfterEach
    void theRealGazetteerAgain() {
        loader.load(FILE); // skipped when nothing changed it
    }

    @Test
    void everyProvincePrefectureAndCountyIsARegionQueryableAsTheReportsAreAndTheirZonesStay() {
        graphQl.document("""
                { gulou: region(code: "350102") { name level official parent { code name parent { code } } }
                  dongcheng: region(code: "110101") { name parent { name parent { name level } } }
                  zone: region(code: "130171") { name level official parent { name } }
                  taishang: region(code: "3505TS") { name level official parent { code } }
                  quanzhou: region(code: "350500") { children { code } }
                  jinjiang: region(code: "350582") { children { code } } }""")
                .execute()
                .path("gulou.name").entity(String.class).isEqualTo("鼓楼区")
                .path("gulou.level").entity(String.class).isEqualTo("COUNTY")
                .path("gulou.official").entity(Boolean.class).isEqualTo(true)
                .path("gulou.parent.name").entity(String.class).isEqualTo("福州市")
                .path("gulou.parent.parent.code").entity(String.class).isEqualTo("350000")
                .path("dongcheng.name").entity(String.class).isEqualTo("东城区")
                .path("dongcheng.parent.name").entity(String.class).isEqualTo("市辖区")
                .path("dongcheng.parent.parent.name").entity(String.class).isEqualTo("北京市")
                .path("dongcheng.parent.parent.level").entity(String.class).isEqualTo("PROVINCE")
                .path("zone.name").entity(String.class).isEqualTo("石家庄高新技术产业开发区")
                .path("zone.official").entity(Boolean.class).isEqualTo(false)
                .path("zone.parent.name").entity(String.class).isEqualTo("石家庄市")
                .path("taishang.name").entity(String.class).isEqualTo("泉州台商投资区")
                .path("taishang.official").entity(Boolean.class).isEqualTo(false)
                .path("taishang.parent.code").entity(String.class).isEqualTo("350500")
                // 12 counties of the list and the two zones of regions.yaml; towns are no regions.
                .path("quanzhou.children").entityList(Object.class).hasSize(14)
                .path("jinjiang.children").entityList(Object.class).hasSize(0);
        graphQl.document("{ regions(level: PROVINCE) { code } }").execute().path("regions").entityList(Object.class).hasSize(31);
        // Each region has one parent: the gazetteer's and regions.yaml's are the same edge.
        assertThat(graph.read("""
                MATCH (r:Region)-[p:PART_OF]->() WITH r, count(p) AS parents WHERE parents > 1 RETURN count(r) AS n""",
                Map.of()).getFirst().get("n").asLong()).isZero();
    }

    @Test
    void regionsHoldingSchoolsAreThoseASchoolIsLocatedInOrBelow() {
        // With and without the switch in one request, then each alone: each is its own statement.
        var both = graphQl.document("""
                { held: regions(level: PROVINCE, holdingSchools: true) { code }
                  all: regions(level: PROVINCE) { code } }""").execute();
        both.path("all").entityList(Object.class).hasSize(31);
        assertThat(both.path("held[*].code").entityList(String.class).get()).contains("350000").doesNotContain("110000", "440000");
        // The same request but for the switch's value: a statement compiled for one is not reused for the other.
        graphQl.document("{ regions(level: PROVINCE, holdingSchools: true) { code } }").execute()
                .path("regions").entityList(Object.class).hasSizeLessThan(31);
        graphQl.document("{ regions(level: PROVINCE, holdingSchools: false) { code } }").execute()
                .path("regions").entityList(Object.class).hasSize(31);
        // 仓山区 holds the Cangshan report's schools; 北京's 东城区 none; the prefecture above 仓山区 holds them too.
        List<String> held = graphQl.document("{ regions(holdingSchools: true) { code } }").execute()
                .path("regions[*].code").entityList(String.class).get();
        assertThat(held).contains("350104", "350100", "350000").doesNotContain("110101", "110000");
        assertThat(held.size()).isLessThan(200);
    }

    @Test
    void aRestartWithTheSameFileSkipsIt() {
        GazetteerLoader.Outcome again = loader.load(FILE);
        assertThat(again.written()).isFalse();
        assertThat(again.millis()).isLessThan(5_000);
    }

    @Test
    void aFileThatFailsItsChecksumStopsStartUpWithAMessageAndLoadsNothing() throws IOException {
        Path bad = dir.resolve("divisions-2023.tsv");
        Files.writeString(bad, Files.readString(GazetteerFileTest.FILE).replace("350582103\tTOWN\t陈埭镇", "350582103\tTOWN\t陈埭乡"));
        var app = new SpringApplicationBuilder(EduGraphApplication.class);
        var arguments = TestNeo4j.get().arguments();
        arguments.add("--server.port=0");
        arguments.add("--edugraph.gazetteer.file=" + bad.toUri());
        assertThatThrownBy(() -> app.run(arguments.toArray(String[]::new))).satisfies(e -> {
            GazetteerException cause = cause(e);
            assertThat(cause).hasMessageContaining("divisions-2023.tsv fails its checksum");
            FailureAnalysis analysis = new GazetteerFailureAnalyzer().analyze(e);
            assertThat(analysis.getDescription()).contains("fails its checksum").endsWith("Nothing of it was loaded.");
            assertThat(analysis.getAction()).contains("seeds/gazetteer/convert.mjs").contains("edugraph.gazetteer.enabled=false");
        });
        assertThat(townName("350582103")).isEqualTo("陈埭镇");
    }

    @Test
    void aNewGazetteerIsWhatTownLookupsFindAtOnce() throws IOException {
        String before = "{ towns(name: \"陈埭镇\") { code county { name } } renamed: towns(name: \"陈埭新镇\") { code } }";
        graphQl.document(before).execute()
                .path("towns[0].code").entity(String.class).isEqualTo("350582103")
                .path("towns[0].county.name").entity(String.class).isEqualTo("晋江市")
                .path("renamed").entityList(Object.class).hasSize(0);
        try {
            loader.load(renamedChenDai().toUri().toString());
            graphQl.document(before).execute()
                    .path("towns").entityList(Object.class).hasSize(0)
                    .path("renamed[0].code").entity(String.class).isEqualTo("350582103");
        } finally {
            loader.load(FILE); // the real list again, before the seed guard looks
        }
        graphQl.document(before).execute().path("towns[0].code").entity(String.class).isEqualTo("350582103");
    }

    /** The division list with 陈埭镇 renamed 陈埭新镇, its checksum made to match. */
    private Path renamedChenDai() throws IOException {
        String text = Files.readString(GazetteerFileTest.FILE);
        int body = text.indexOf("code\tlevel\t");
        String rows = text.substring(body).replace("350582103\tTOWN\t陈埭镇", "350582103\tTOWN\t陈埭新镇");
        String header = text.substring(0, body).replaceFirst("# sha256\t[0-9a-f]+",
                "# sha256\t" + Gazetteer.sha256(rows.getBytes(StandardCharsets.UTF_8)));
        Path renamed = dir.resolve("renamed.tsv");
        Files.writeString(renamed, header + rows);
        return renamed;
    }

    @Test
    void aLoadCutShortLeavesTheGraphAsItWas() throws Exception {
        // A good file, checksum and all, that renames a town: cut by its time limit, nothing of it may stay.
        Path renamed = renamedChenDai();
        var before = graph.read("""
                MATCH (f:GazetteerFile), (r:Region {code: '350102'}) RETURN f.checksum AS c, r.gazetteer AS token""",
                Map.of()).getFirst();

        EduGraphProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "edugraph.gazetteer.enabled", "false", "edugraph.startup.timeout", "700ms")))
                .bindOrCreate("edugraph", EduGraphProperties.class);
        GazetteerLoader hurried = new GazetteerLoader(new StartupWork(graph, properties), properties, java.time.Clock.systemUTC());
        // Another transaction holds the renamed town, so the load has written every region when it comes to the
        // towns and waits there until its time is up, however fast the machine.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            try (var session = driver.session(); var tx = session.beginTransaction()) {
                tx.run("MATCH (t:Town {code: '350582103'}) SET t.name = t.name").consume();
                held.countDown();
                done.await();
                tx.rollback();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> hurried.load(renamed.toUri().toString()))
                    .isInstanceOf(StartupWork.StartupTimeoutException.class)
                    .hasMessageStartingWith("Start-up step 'loading the gazetteer ");
        } finally {
            done.countDown();
            holder.join();
        }
        assertThat(townName("350582103")).isEqualTo("陈埭镇");
        assertThat(graph.read("""
                MATCH (f:GazetteerFile), (r:Region {code: '350102'})
                RETURN f.checksum AS c, f.loading AS loading, r.gazetteer AS token""", Map.of()).getFirst())
                .satisfies(r -> {
                    assertThat(r.get("c").asString()).isEqualTo(before.get("c").asString());
                    assertThat(r.get("loading").isNull()).isTrue();
                    // The regions, written before the towns, went with the rest.
                    assertThat(r.get("token").asString()).isEqualTo(before.get("token").asString());
                });
    }

    private String townName(String code) {
        return graph.read("MATCH (t:Town {code: $code}) RETURN t.name AS name", Map.of("code", code)).getFirst().get("name").asString();
    }

    private static GazetteerException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GazetteerException g) {
                return g;
            }
        }
        throw new AssertionError("no GazetteerException in the causes of " + e);
    }
}
