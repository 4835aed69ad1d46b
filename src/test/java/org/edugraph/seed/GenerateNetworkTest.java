package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator command: the files of the imports, the same for the same seed, and its options. */
class GenerateNetworkTest {

    @TempDir
    Path dir;

    @Test
    void writesTheImportFilesTheSameForTheSameSeed() throws Exception {
        GenerateNetwork.main(new String[] {"--schools=300", "--pairings=500", "--provinces=2", "--prefectures=2",
                "--counties=2", "--out=" + dir.resolve("a")});
        GenerateNetwork.main(new String[] {"--schools=300", "--pairings=500", "--provinces=2", "--prefectures=2",
                "--counties=2", "--out=" + dir.resolve("b")});
        List<String> schools = Files.readAllLines(dir.resolve("a/schools.csv"));
        List<String> pairings = Files.readAllLines(dir.resolve("a/pairings.csv"));
        assertThat(schools).hasSize(301).first().isEqualTo("id,name,aliases,type,ownership,regionCode,nationalCode");
        assertThat(schools.get(1)).startsWith("nat-s000001,").contains("示例").contains(",T-NAT-");
        assertThat(pairings).hasSize(501).first().isEqualTo("mentorId,menteeId,kind,programId,startDate,note");
        assertThat(pairings.get(1)).endsWith("," + NetworkCsv.NOTE);
        assertThat(Files.readAllLines(dir.resolve("b/pairings.csv"))).isEqualTo(pairings);
    }

    @Test
    void refusesWhatIsNotAnOptionAndAsksForSomewhereToWrite() {
        assertThatThrownBy(() -> GenerateNetwork.main(new String[] {"schools=3"})).hasMessageContaining("--name=value");
        assertThatThrownBy(() -> GenerateNetwork.main(new String[] {"--schools=10", "--pairings=5"}))
                .hasMessageContaining("--out=DIR");
        assertThat(GenerateNetwork.options(new String[] {"--out=x", "--groups-after-import"}))
                .containsEntry("out", "x").containsEntry("groups-after-import", "true");
    }
}
