package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The data page (docs/seeds.md, once the README's data section) states how many facts of each kind
 * each report gives the graph; this holds the table to what the loaded graph has, so the page cannot
 * drift from the seeds.
 */
class SeedCountsTest extends IntegrationTest {

    /** Each row of the page's table, by its first cell, and how the graph counts it for one document. */
    private static final Map<String, String> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put("schools and other institutions", "MATCH (n:School {seed: $doc}) RETURN count(n) AS n");
        COUNTS.put("groups", "MATCH (n:EducationGroup {seed: $doc}) RETURN count(n) AS n");
        COUNTS.put("group memberships", "MATCH ()-[r:MEMBER_OF {seed: $doc}]->() RETURN count(r) AS n");
        COUNTS.put("programs", "MATCH (n:Program {seed: $doc}) RETURN count(n) AS n");
        COUNTS.put("program participations", "MATCH ()-[r:PARTICIPATES_IN {seed: $doc}]->() RETURN count(r) AS n");
        COUNTS.put("pairings", "MATCH (n:Pairing {seed: $doc}) RETURN count(n) AS n");
        COUNTS.put("mergers", "MATCH ()-[r:MERGED_INTO {seed: $doc}]->() RETURN count(r) AS n");
        COUNTS.put("figures", "MATCH (n:Figure {seed: $doc}) RETURN count(n) AS n");
        COUNTS.put("recognitions", "MATCH (n:Recognition {seed: $doc}) RETURN count(n) AS n");
    }

    @Test
    void theDataPagesTableOfSeedFactsIsWhatTheGraphHolds() throws Exception {
        List<String> page = Files.readAllLines(Path.of("docs/seeds.md"));
        Map<String, List<Long>> stated = new LinkedHashMap<>();
        for (String line : page) {
            String[] cells = line.split("\\|");
            if (cells.length == 5 && COUNTS.containsKey(cells[1].strip())) {
                stated.put(cells[1].strip(), List.of(Long.parseLong(cells[2].strip()), Long.parseLong(cells[3].strip()),
                        Long.parseLong(cells[4].strip())));
            }
        }
        assertThat(stated).as("the table of docs/seeds.md has a row for each kind of fact").containsOnlyKeys(COUNTS.keySet());
        COUNTS.forEach((kind, cypher) -> {
            long quanzhou = count(cypher, "quanzhou-2022");
            long cangshan = count(cypher, "cangshan-2022");
            assertThat(stated.get(kind)).as(kind).containsExactly(quanzhou, cangshan, quanzhou + cangshan);
        });
    }

    private long count(String cypher, String document) {
        return graph.read(cypher, Map.of("doc", document)).getFirst().get("n").asLong();
    }
}
