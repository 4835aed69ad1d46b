package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.edugraph.support.Unit;

/** The generator command: the files of the imports, the same for the same seed, and its options. */
@Unit
class GenerateNetworkTest {

    @TempDir
    Path dir;

    @Test
    void writesTheImportFilesTheSameForTheSameSeed() throws Exception {
        GenerateNetwork.main(new String[] {"--schools=300", "--pairings=500", "--within=350500", "--out=" + dir.resolve("a")});
        GenerateNetwork.main(new String[] {"--schools=300", "--pairings=500", "--within=350500", "--out=" + dir.resolve("b")});
        List<String> schools = Files.readAllLines(dir.resolve("a/schools.csv"));
        List<String> pairings = Files.readAllLines(dir.resolve("a/pairings.csv"));
        assertThat(schools).hasSize(301).first().isEqualTo("id,name,aliases,type,ownership,regionCode,nationalCode");
        // Real counties of the gazetteer, 泉州市's here: no made-up codes, 金门县 (no towns in the list) left out.
        assertThat(schools.get(1)).startsWith("nat-s000001,").contains("示例").contains(",350502,");
        assertThat(schools.stream().skip(1).map(line -> line.split(",")[5]).distinct())
                .allMatch(code -> code.matches("3505\\d\\d") && !code.equals("350527")).hasSize(11);
        assertThat(pairings).hasSize(501).first().isEqualTo("mentorId,menteeId,kind,programId,startDate,note");
        assertThat(pairings.get(1)).endsWith("," + NetworkCsv.NOTE);
        assertThat(Files.readAllLines(dir.resolve("b/pairings.csv"))).isEqualTo(pairings);
    }

    @Test
    void everyCountyOfChinaWithTownsIsARegionOfTheNationalNetwork() {
        var counties = GazetteerCounties.of(GazetteerCounties.read(GazetteerCounties.FILE), null);
        assertThat(counties).hasSizeGreaterThan(2800)
                .allSatisfy(c -> assertThat(c.code()).matches("\\d{6}"))
                .anySatisfy(c -> assertThat(c).isEqualTo(new NetworkGenerator.County("350582", "晋江市", "350500")))
                .noneSatisfy(c -> assertThat(c.code()).isIn("350527", "130171"));
        assertThatThrownBy(() -> GazetteerCounties.of(GazetteerCounties.read(GazetteerCounties.FILE), "999999"))
                .hasMessageContaining("No county of the gazetteer lies within 999999");
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
