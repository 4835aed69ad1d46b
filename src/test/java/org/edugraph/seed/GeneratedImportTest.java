package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's CSV files go through the public imports as a user's would, and the
 * service then answers about the network the generator made: the path the national
 * benchmark takes, at a size for {@code mvn test}. In made-up regions (T-GEN) only.
 */
class GeneratedImportTest extends IntegrationTest {

    private static final String DATASET = "test-generated-import";

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        new GeneratedNetworkWriter(graph).remove(DATASET);
        removeWhatTestsWrote();
    }

    @Test
    void theGeneratedFilesImportAndTheServiceCountsWhatTheGeneratorMade() throws Exception {
        // The real counties of 三明市, which holds no school of the reports: the gazetteer's, loaded at start.
        var counties = GazetteerCounties.of(GazetteerCounties.read(GazetteerCounties.FILE), "350400");
        assertThat(counties).hasSizeGreaterThan(5).allSatisfy(c -> assertThat(c.parentCode()).isEqualTo("350400"));
        var spec = new NetworkGenerator.Spec(DATASET, "tgen-", 400, 900, 7, counties, LocalDate.now());
        var network = NetworkGenerator.generate(spec);
        GazetteerCounties.load(graph); // what the command does with --bolt: nothing here, where the service loaded it
        new GeneratedNetworkWriter(graph).writeBeforeImports(network);
        NetworkCsv.writeSchools(network, dir.resolve("schools.csv"));
        NetworkCsv.writePairings(network, dir.resolve("pairings.csv"));
        assertThat(Files.readAllLines(dir.resolve("pairings.csv"))).hasSize(1 + network.pairings().size())
                .first().isEqualTo("mentorId,menteeId,kind,programId,startDate,note");

        uploadAsAdmin("/import/schools", "schools.csv", Files.readAllBytes(dir.resolve("schools.csv"))).expectStatus().isOk().expectBody()
                .jsonPath("$.schoolsCreated").isEqualTo(400);
        uploadAsAdmin("/import/pairings", "pairings.csv", Files.readAllBytes(dir.resolve("pairings.csv"))).expectStatus().isOk().expectBody()
                .jsonPath("$.pairingsCreated").isEqualTo(network.pairings().size());
        new GeneratedNetworkWriter(graph).writeAfterImports(network);

        // What the generator made, counted from its own lists; what the service says, over GraphQL.
        var lead = network.groups().getFirst();
        String county = counties.get(1).code();
        graphQl.document("""
                { networkStats(filter: {regionCode: "350400"}) { schools pairings }
                  schools(filter: {regionCode: "%s"}, first: 1) { totalCount }
                  school(id: "%s") { name region { code } groups { role group { id } } } }""".formatted(county, lead.leadId()))
                .execute()
                .path("networkStats.pairings").entity(Integer.class).isEqualTo(network.pairings().size())
                .path("schools.totalCount").entity(Integer.class)
                .isEqualTo((int) network.schools().stream().filter(s -> s.regionCode().equals(county)).count())
                .path("school.name").entity(String.class).satisfies(name -> assertThat(name).contains("示例"))
                .path("school.region.code").entity(String.class).isEqualTo(lead.regionCode())
                .path("school.groups[?(@.role == 'LEAD')].group.id").entityList(String.class).contains(lead.id());
        long groupsOfTheNetwork = graph.read("MATCH (g:EducationGroup {dataset: $d}) RETURN count(g) AS n", Map.of("d", DATASET))
                .getFirst().get("n").asLong();
        assertThat(groupsOfTheNetwork).isEqualTo(network.groups().size());
    }

}
