package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.edugraph.EduGraphApplication;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Seed files load idempotently, follow edits, and a bad one is named precisely. */
class SeedLoadingTest extends IntegrationTest {

    private static final String FILE = """
            document: { id: test-seed, title: 测试报告, issuer: 测试局, region: "350104" }
            schools:
              - { id: t-seed-a, name: 测试甲小学, aliases: [甲小], type: PRIMARY, region: "350104", section: "一" }
              - { id: t-seed-b, name: 测试乙小学, type: PRIMARY, ownership: PUBLIC, region: "350104", section: "一" }
            programs:
              - id: t-seed-program
                name: 测试帮扶
                kind: PARTNERSHIP
                section: "二"
                participants: [ { school: t-seed-a, role: MENTOR } ]
                figures: [ { metric: schools, value: 2, unit: schools, qualifier: NEARLY, year: 2022, section: "二" } ]
            pairings:
              - { id: t-seed-pair, kind: ONE_TO_ONE, mentor: t-seed-a, mentee: t-seed-b, program: t-seed-program, section: "二" }
            """;

    @TempDir
    Path dir;

    @Autowired
    SeedLoader loader;

    @AfterEach
    void removeTestSeed() {
        graph.write("MATCH (n {seed: 'test-seed'}) DETACH DELETE n", Map.of());
        graph.write("MATCH (f:SeedFile) WHERE f.name IN ['test.yaml', 'renamed.yaml'] DELETE f", Map.of());
    }

    @Test
    void loadingTwiceCreatesNoDuplicates() throws IOException {
        write(FILE);
        loader.load(SeedLoader.read(dir.toUri().toString()));
        graph.write("MATCH (f:SeedFile {name: 'test.yaml'}) SET f.checksum = 'forced reload'", Map.of());
        loader.load(SeedLoader.read(dir.toUri().toString()));
        assertThat(count("MATCH (n {seed: 'test-seed'}) RETURN count(n) AS n")).isEqualTo(2 + 1 + 1 + 1 + 2);
        assertThat(count("MATCH (:School {id: 't-seed-a'})-[r]-() RETURN count(r) AS n")).isEqualTo(5);
        graphQl.document("{ school(id: \"t-seed-a\") { name mentoring { mentee { name } } programs { role } sources { section } } }")
                .execute()
                .path("school.mentoring[*].mentee.name").entityList(String.class).containsExactly("测试乙小学")
                .path("school.programs[*].role").entityList(String.class).containsExactly("MENTOR")
                .path("school.sources[*].section").entityList(String.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrder("一", "二"));
    }

    @Test
    void anEditedFileUpdatesTheGraphAndARemovedEntryLeavesIt() throws IOException {
        write(FILE);
        loader.load(SeedLoader.read(dir.toUri().toString()));
        write(FILE.replace("测试甲小学", "测试甲实验小学").replace("  - { id: t-seed-b", "  - { id: t-seed-c")
                .replace("mentee: t-seed-b", "mentee: t-seed-c"));
        loader.load(SeedLoader.read(dir.toUri().toString()));
        graphQl.document("{ school(id: \"t-seed-a\") { name mentoring { mentee { id } } } }")
                .execute()
                .path("school.name").entity(String.class).isEqualTo("测试甲实验小学")
                .path("school.mentoring[*].mentee.id").entityList(String.class).containsExactly("t-seed-c");
        assertThat(count("MATCH (n:School {id: 't-seed-b'}) RETURN count(n) AS n")).isZero();
    }

    @Test
    void aRenamedFileOfTheSameDocumentReplacesWhatItsDocumentWroteRatherThanAddingToIt() throws IOException {
        // The loader skips unlinking and removing for a document the graph holds nothing of (a fresh store):
        // a file under a new name whose document the graph does hold must still replace what that wrote.
        write(FILE);
        loader.load(SeedLoader.read(dir.toUri().toString()));
        Files.delete(dir.resolve("test.yaml"));
        Files.writeString(dir.resolve("renamed.yaml"), FILE.replace("  - { id: t-seed-b", "  - { id: t-seed-c")
                .replace("mentee: t-seed-b", "mentee: t-seed-c"));
        loader.load(SeedLoader.read(dir.toUri().toString()));
        assertThat(count("MATCH (n:School {id: 't-seed-b'}) RETURN count(n) AS n")).as("the entry the file dropped").isZero();
        assertThat(count("MATCH (n {seed: 'test-seed'}) RETURN count(n) AS n")).isEqualTo(2 + 1 + 1 + 1 + 2);
        // Its region, program and source once each, not once per load.
        assertThat(count("MATCH (:School {id: 't-seed-a'})-[r]-() RETURN count(r) AS n")).isEqualTo(5);
    }

    @Test
    void instancesStartingTogetherOnOneDatabaseLoadAFileOnce() throws Exception {
        // Three loaders at once, as three instances starting together on a fresh shared database: each reads that
        // nothing is loaded; the file's record, locked first in each load's transaction, makes the others wait and
        // then find it loaded. Without it a loader that had read "nothing held" linked the schools a second time.
        write(FILE);
        var files = SeedLoader.read(dir.toUri().toString());
        for (int round = 0; round < 5; round++) {
            removeTestSeed();
            var together = new java.util.concurrent.CyclicBarrier(3);
            try (var threads = java.util.concurrent.Executors.newFixedThreadPool(3)) {
                java.util.List<java.util.concurrent.Future<?>> loads = new java.util.ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    loads.add(threads.submit(() -> {
                        together.await();
                        loader.load(files);
                        return null;
                    }));
                }
                for (var load : loads) {
                    load.get(); // none failed
                }
            }
            assertThat(count("MATCH (n {seed: 'test-seed'}) RETURN count(n) AS n")).as("round %d", round).isEqualTo(2 + 1 + 1 + 1 + 2);
            assertThat(count("MATCH (:School {id: 't-seed-a'})-[r]-() RETURN count(r) AS n")).as("round %d", round).isEqualTo(5);
            assertThat(count("MATCH (f:SeedFile {name: 'test.yaml'}) RETURN count(f) AS n")).isEqualTo(1);
        }
    }

    /** Format v2: quotes on facts, and recognitions of a school and of a program. */
    private static final String QUOTED = """
            document: { id: test-seed, title: 测试报告, issuer: 测试局, region: "350104", text: reports/test.txt }
            schools:
              - { id: t-seed-a, name: 测试甲小学, type: PRIMARY, region: "350104", section: "一", quote: "测试甲小学建成" }
              - { id: t-seed-b, name: 测试乙小学, type: PRIMARY, region: "350104", section: "一" }
            programs:
              - id: t-seed-program
                name: 测试帮扶
                aliases: [帮扶工程]
                kind: PARTNERSHIP
                section: "二"
                quote: "实施测试帮扶"
                participants: [ { school: t-seed-a, role: PARTNER, quote: "测试甲小学参与测试帮扶" } ]
                figures: [ { metric: schools, value: 30000, unit: schools, qualifier: AT_LEAST, year: 2022, section: "二", quote: "惠及3万多所" } ]
            recognitions:
              - { of: t-seed-a, title: 全国文明校园, level: NATIONAL, year: 2022, section: "三", quote: "测试甲小学获评全国文明校园" }
              - { of: t-seed-program, title: 全省第一, rank: 1, section: "三", quote: "测试帮扶全省第一" }
            """;

    @Test
    void quotesAreTheSourcesOfTheirFactsAndRecognitionsAreServed() throws IOException {
        write(QUOTED);
        loader.load(SeedLoader.read(dir.toUri().toString()));
        graphQl.document("""
                { school(id: "t-seed-a") {
                    sources { id section quote }
                    recognitions { title level year rank source { section quote } } }
                  program(id: "t-seed-program") {
                    sources { quote }
                    figures { source { quote } }
                    recognitions { title level year rank } } }""")
                .execute()
                .path("school.sources[*].quote").entityList(String.class).satisfies(quotes -> assertThat(quotes)
                        .containsExactlyInAnyOrder("测试甲小学建成", "测试甲小学参与测试帮扶"))
                .path("school.sources[*].id").entityList(String.class).satisfies(ids -> assertThat(ids)
                        .allMatch(id -> id.matches("test-seed#[一二]#[0-9a-f]{10}")))
                .path("school.recognitions[0].title").entity(String.class).isEqualTo("全国文明校园")
                .path("school.recognitions[0].level").entity(String.class).isEqualTo("NATIONAL")
                .path("school.recognitions[0].year").entity(Integer.class).isEqualTo(2022)
                .path("school.recognitions[0].source.section").entity(String.class).isEqualTo("三")
                .path("school.recognitions[0].source.quote").entity(String.class).isEqualTo("测试甲小学获评全国文明校园")
                .path("program.sources[*].quote").entityList(String.class).containsExactly("实施测试帮扶")
                .path("program.figures[0].source.quote").entity(String.class).isEqualTo("惠及3万多所")
                .path("program.recognitions[0].title").entity(String.class).isEqualTo("全省第一")
                .path("program.recognitions[0].rank").entity(Integer.class).isEqualTo(1)
                .path("program.recognitions[0].level").valueIsNull();
        // A recognition the file no longer has leaves the graph, with its source.
        write(QUOTED.replaceAll("(?m)^  - \\{ of: t-seed-program.*\n", ""));
        loader.load(SeedLoader.read(dir.toUri().toString()));
        assertThat(count("MATCH (r:Recognition {seed: 'test-seed'}) RETURN count(r) AS n")).isEqualTo(1);
        assertThat(count("MATCH (s:Source {seed: 'test-seed', quote: '测试帮扶全省第一'}) RETURN count(s) AS n")).isZero();
    }

    @Test
    void aRecognitionOfNothingOrWithoutTitleIsRefused() throws IOException {
        write(QUOTED.replace("of: t-seed-program", "of: t-seed-nowhere"));
        assertThatThrownBy(() -> loader.load(SeedLoader.read(dir.toUri().toString())))
                .hasMessageContaining("test.yaml").hasMessageContaining("recognitions[1] (全省第一)")
                .hasMessageContaining("t-seed-nowhere");
        write(QUOTED.replace("title: 全国文明校园, ", ""));
        assertThatThrownBy(() -> loader.load(SeedLoader.read(dir.toUri().toString())))
                .hasMessageContaining("recognitions[0]").hasMessageContaining("`title` is required");
    }

    @Test
    void aSchoolTheFileNamesByItsTownIsPlacedInItsCountyAndAnAmbiguousOrStrayTownStopsTheLoad() throws IOException {
        String placed = """
                document: { id: test-seed, title: 测试报告, issuer: 测试局, region: "350500" }
                schools:
                  - { id: t-seed-town, name: 测试陈埭小学, type: PRIMARY, region: "350500", town: 陈埭, section: "一" }
                """;
        write(placed);
        loader.load(SeedLoader.read(dir.toUri().toString()));
        graphQl.document("{ school(id: \"t-seed-town\") { region { code } town { code } regionSource { kind section } } }")
                .execute()
                .path("school.region.code").entity(String.class).isEqualTo("350582")
                .path("school.town.code").entity(String.class).isEqualTo("350582103")
                .path("school.regionSource.kind").entity(String.class).isEqualTo("GAZETTEER")
                .path("school.regionSource.section").entity(String.class).isEqualTo("350582103 陈埭镇");
        write(placed.replace("region: \"350500\", town: 陈埭", "region: \"350000\", town: 城关"));
        assertThatThrownBy(() -> loader.load(SeedLoader.read(dir.toUri().toString()))).isInstanceOf(SeedException.class)
                .hasMessageContaining("test.yaml, entry schools[0] (t-seed-town)")
                .hasMessageContaining("town 城关 is the name of 3 towns in region 350000").hasMessageContaining("350426100 城关镇");
        write(placed.replace("region: \"350500\", town: 陈埭", "region: \"350104\", town: 陈埭"));
        assertThatThrownBy(() -> loader.load(SeedLoader.read(dir.toUri().toString())))
                .hasMessageContaining("town 陈埭 is not in region 350104");
        // Refused files changed nothing: the school is where the last good load put it.
        assertThat(count("MATCH (:School {id: 't-seed-town'})-[:LOCATED_IN]->(r:Region {code: '350582'}) RETURN count(r) AS n"))
                .isEqualTo(1);
    }

    @Test
    void aWrongEnumValueNamesTheFileAndTheEntry() throws IOException {
        write(FILE.replace("type: PRIMARY, ownership", "type: PRIMARYY, ownership"));
        assertThatThrownBy(() -> SeedLoader.read(dir.toUri().toString()))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining("schools[1].type")
                .hasMessageContaining("PRIMARYY");
    }

    @Test
    void aReferenceToAnUndefinedSchoolNamesTheFileAndTheEntry() throws IOException {
        write(FILE.replace("mentee: t-seed-b", "mentee: t-seed-zzz"));
        assertThatThrownBy(() -> loader.load(SeedLoader.read(dir.toUri().toString())))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining("pairings[0] (t-seed-pair)")
                .hasMessageContaining("t-seed-zzz");
        assertThat(count("MATCH (n {seed: 'test-seed'}) RETURN count(n) AS n")).isZero();
    }

    @Test
    void aMissingRequiredFieldAndAnUnknownFieldAreRefused() throws IOException {
        write(FILE.replace("name: 测试乙小学, ", ""));
        assertThatThrownBy(() -> loader.load(SeedLoader.read(dir.toUri().toString())))
                .hasMessageContaining("schools[1] (t-seed-b)").hasMessageContaining("`name` is required");
        write(FILE.replace("aliases: [甲小]", "alias: [甲小]"));
        assertThatThrownBy(() -> SeedLoader.read(dir.toUri().toString()))
                .hasMessageContaining("test.yaml").hasMessageContaining("alias");
    }

    @Test
    void aMalformedSeedFileStopsStartUpWithAMessageNamingFileAndEntry() throws IOException {
        write(FILE.replace("qualifier: NEARLY", "qualifier: ROUGHLY"));
        var app = new SpringApplicationBuilder(EduGraphApplication.class);
        assertThatThrownBy(() -> app.run(arguments("--edugraph.seeds.location=" + dir.toUri())))
                .satisfies(e -> assertThat(seedException(e))
                        .hasMessageContaining("test.yaml")
                        .hasMessageContaining("programs[0].figures[0].qualifier"));
    }

    @Test
    void aSeedLocationWithoutSeedFilesStopsStartUpRatherThanStartingEmpty() {
        String nowhere = dir.resolve("no-such-folder").toUri().toString();
        assertThatThrownBy(() -> SeedLoader.read(nowhere)).isInstanceOf(SeedException.class)
                .hasMessageContaining("No seed files (*.yaml) at edugraph.seeds.location=" + nowhere)
                .hasMessageContaining("edugraph.seeds.enabled=false");
        var app = new SpringApplicationBuilder(EduGraphApplication.class);
        assertThatThrownBy(() -> app.run(arguments("--edugraph.seeds.location=" + nowhere)))
                .satisfies(e -> assertThat(seedException(e)).hasMessageContaining("No seed files"));
    }

    private static String[] arguments(String location) {
        var arguments = TestNeo4j.get().arguments();
        arguments.add("--server.port=0");
        arguments.add(location);
        return arguments.toArray(String[]::new);
    }

    private static Throwable seedException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SeedException) {
                return t;
            }
        }
        throw new AssertionError("no SeedException in the causes of " + e);
    }

    private void write(String text) throws IOException {
        Files.writeString(dir.resolve("test.yaml"), text);
    }

    private long count(String cypher) {
        return graph.read(cypher, Map.of()).getFirst().get("n").asLong();
    }
}
