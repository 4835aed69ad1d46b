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
        graph.write("MATCH (f:SeedFile {name: 'test.yaml'}) DELETE f", Map.of());
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
