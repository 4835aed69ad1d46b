package org.edugraph.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A school whose record names a town is located in that town's county, through the gazetteer,
 * and its region says so; a town name that several towns share is refused with the candidates,
 * never guessed; a school of any county of China can be brought in; a region code that is not
 * in the list is refused naming the nearest valid ones, and one the list replaced goes to its
 * successor with a notice. Every school here is made by the test (fictional names).
 */
class PlaceByTownTest extends IntegrationTest {

    private static final String CREATE = """
            mutation($input: CreateSchoolInput!) { createSchool(input: $input) {
              id region { code name } town { code name county { code name } }
              regionSource { kind title issuer published section quote } } }""";

    private static final String IMPORT = """
            mutation($csv: String!, $dry: Boolean) { importSchools(csv: $csv, dryRun: $dry) {
              rowsRead schoolsCreated schoolIds errors { row message } notices { row message } } }""";

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void aSchoolNamedByItsTownIsLocatedInTheTownsCountyWithTheGazetteerAsTheSourceOfIt() {
        for (Map<String, Object> input : List.<Map<String, Object>>of(
                Map.of("name", "测试陈埭某小学", "type", "PRIMARY", "town", "陈埭"),
                Map.of("name", "测试陈埭某幼儿园", "type", "KINDERGARTEN", "town", "陈埭镇", "regionCode", "350500"),
                Map.of("name", "测试陈埭某中学", "type", "OTHER", "town", "350582103"))) {
            as(TestUsers.ADMIN).document(CREATE).variable("input", input).execute()
                    .path("createSchool.region.code").entity(String.class).isEqualTo("350582")
                    .path("createSchool.region.name").entity(String.class).isEqualTo("晋江市")
                    .path("createSchool.town.code").entity(String.class).isEqualTo("350582103")
                    .path("createSchool.town.name").entity(String.class).isEqualTo("陈埭镇")
                    .path("createSchool.town.county.name").entity(String.class).isEqualTo("晋江市")
                    .path("createSchool.regionSource.kind").entity(String.class).isEqualTo("GAZETTEER")
                    .path("createSchool.regionSource.title").entity(String.class).isEqualTo("2023年统计用区划代码和城乡划分代码")
                    .path("createSchool.regionSource.issuer").entity(String.class).isEqualTo("国家统计局")
                    .path("createSchool.regionSource.published").entity(String.class).isEqualTo("2023-09-11")
                    .path("createSchool.regionSource.section").entity(String.class).isEqualTo("350582103 陈埭镇");
        }
        // The region filters find it where the gazetteer put it.
        graphQl.document("{ schools(filter: {regionCode: \"350582\", nameContains: \"测试陈埭\"}) { totalCount } }").execute()
                .path("schools.totalCount").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void aSchoolGivenItsRegionByAnAdminHasNoSourceForIt() {
        as(TestUsers.ADMIN).document(CREATE)
                .variable("input", Map.of("name", "测试鼓楼某小学", "type", "PRIMARY", "regionCode", "350102")).execute()
                .path("createSchool.region.name").entity(String.class).isEqualTo("鼓楼区")
                .path("createSchool.town").valueIsNull()
                .path("createSchool.regionSource").valueIsNull();
    }

    @Test
    void aTownNameSeveralTownsShareIsRefusedWithTheCandidatesAndNothingIsCreated() {
        Map<String, Object> response = postAs(TestUsers.ADMIN, """
                mutation { createSchool(input: {name: "测试城关某小学", type: PRIMARY, town: "城关", regionCode: "350000"}) { id } }""");
        assertThat(classifications(response)).containsExactly("BAD_REQUEST");
        assertThat(response.toString()).contains("Town 城关 is the name of 3 towns in region 350000 福建省")
                .contains("350404004 城关街道 (三元区, 三明市, 福建省)").contains("350421200 城关乡 (明溪县, 三明市, 福建省)")
                .contains("350426100 城关镇 (尤溪县, 三明市, 福建省)").contains("give its 9-digit code");
        Map<String, Object> anywhere = postAs(TestUsers.ADMIN, """
                mutation { createSchool(input: {name: "测试城关某小学", type: PRIMARY, town: "城关"}) { id } }""");
        assertThat(anywhere.toString()).contains("Town 城关 is the name of 132 towns:").contains("and 127 more")
                .contains("or a regionCode that holds only one of them");
        assertThat(graph.read("MATCH (s:School {name: '测试城关某小学'}) RETURN count(s) AS n", Map.of()).getFirst()
                .get("n").asLong()).isZero();
        // A region that holds one of them settles it; the full name is one town of Fujian's three.
        as(TestUsers.ADMIN).document(CREATE)
                .variable("input", Map.of("name", "测试城关某小学", "type", "PRIMARY", "town", "城关", "regionCode", "350426"))
                .execute().path("createSchool.region.name").entity(String.class).isEqualTo("尤溪县");
        as(TestUsers.ADMIN).document(CREATE)
                .variable("input", Map.of("name", "测试城关某中学", "type", "OTHER", "town", "城关镇", "regionCode", "350000"))
                .execute().path("createSchool.town.code").entity(String.class).isEqualTo("350426100");
    }

    @Test
    void aTownOutsideTheGivenRegionOrUnknownIsRefused() {
        Map<String, Object> outside = postAs(TestUsers.ADMIN, """
                mutation { createSchool(input: {name: "测试某小学", type: PRIMARY, town: "陈埭", regionCode: "350104"}) { id } }""");
        assertThat(classifications(outside)).containsExactly("BAD_REQUEST");
        assertThat(outside.toString()).contains("Town 陈埭 is not in region 350104 仓山区: it is 350582103 陈埭镇 (晋江市, 泉州市, 福建省)");
        Map<String, Object> unknown = postAs(TestUsers.ADMIN, """
                mutation { createSchool(input: {name: "测试某小学", type: PRIMARY, town: "不存在镇"}) { id } }""");
        assertThat(classifications(unknown)).containsExactly("NOT_FOUND");
        assertThat(unknown.toString()).contains("No town 不存在镇 in the gazetteer");
        Map<String, Object> neither = postAs(TestUsers.ADMIN, """
                mutation { createSchool(input: {name: "测试某小学", type: PRIMARY}) { id } }""");
        assertThat(classifications(neither)).containsExactly("BAD_REQUEST");
        assertThat(neither.toString()).contains("regionCode is required (or a town)");
    }

    @Test
    void anUnknownRegionCodeIsRefusedNamingTheNearestValidOnes() {
        Map<String, Object> response = postAs(TestUsers.ADMIN, """
                mutation { createSchool(input: {name: "测试某小学", type: PRIMARY, regionCode: "350199"}) { id } }""");
        assertThat(classifications(response)).containsExactly("NOT_FOUND");
        assertThat(response.toString())
                .contains("No region with code 350199 (regionCode); the nearest valid codes are 350181 福清市, 350128 平潭县, 350125 永泰县");
    }

    @Test
    void theImportPlacesRowsByTownAndRefusesEachBadRowWithItsReason() {
        String csv = """
                id,name,aliases,type,ownership,regionCode,nationalCode,town
                test-town-1,测试池店某小学,,PRIMARY,,,,池店
                test-town-2,测试东城某小学,,PRIMARY,,110101,,
                test-town-3,测试城关某小学,,PRIMARY,,350000,,城关
                test-town-4,测试某小学甲,,PRIMARY,,350199,,
                test-town-5,测试米林某小学,,PRIMARY,,540422,,
                test-town-6,测试某小学乙,,PRIMARY,,140471,,
                test-town-7,测试某小学丙,,PRIMARY,,350104,,陈埭
                """;
        var report = as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).variable("dry", true).execute();
        report.path("importSchools.rowsRead").entity(Integer.class).isEqualTo(7)
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(0)
                .path("importSchools.errors[*].row").entityList(Integer.class).containsExactly(4, 5, 7, 8)
                .path("importSchools.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).startsWith("town 城关 is the name of 3 towns in region 350000 福建省: 350404004 城关街道"))
                .path("importSchools.errors[1].message").entity(String.class).isEqualTo(
                        "no region with code 350199 (regionCode); the nearest valid codes are 350181 福清市, 350128 平潭县, 350125 永泰县")
                .path("importSchools.errors[2].message").entity(String.class).satisfies(m -> assertThat(m)
                        .startsWith("region code 140471 (山西长治高新技术产业园区) is no longer in the division list (abolished:")
                        .contains("the nearest valid codes are 140431 沁源县, 140430 沁县, 140429 武乡县"))
                .path("importSchools.errors[3].message").entity(String.class)
                .satisfies(m -> assertThat(m).startsWith("town 陈埭 is not in region 350104 仓山区"))
                .path("importSchools.notices[*].row").entityList(Integer.class).containsExactly(6)
                .path("importSchools.notices[0].message").entity(String.class).isEqualTo(
                        "regionCode 540422 (米林县) is no longer in the division list; placed in its successor 540481 米林市");

        String good = String.join("\n", csv.lines().filter(l -> !l.matches("test-town-[3467],.*")).toList());
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", good).variable("dry", false).execute()
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(3)
                .path("importSchools.notices[0].row").entity(Integer.class).isEqualTo(4);
        graphQl.document("""
                { chidian: school(id: "test-town-1") { region { code } town { name } regionSource { kind section } }
                  beijing: school(id: "test-town-2") { region { name parent { parent { name } } } regionSource { kind } }
                  milin: school(id: "test-town-5") { region { code name } } }""").execute()
                .path("chidian.region.code").entity(String.class).isEqualTo("350582")
                .path("chidian.town.name").entity(String.class).isEqualTo("池店镇")
                .path("chidian.regionSource.kind").entity(String.class).isEqualTo("GAZETTEER")
                .path("chidian.regionSource.section").entity(String.class).isEqualTo("350582107 池店镇")
                .path("beijing.region.name").entity(String.class).isEqualTo("东城区")
                .path("beijing.region.parent.parent.name").entity(String.class).isEqualTo("北京市")
                .path("beijing.regionSource").valueIsNull()
                .path("milin.region.code").entity(String.class).isEqualTo("540481")
                .path("milin.region.name").entity(String.class).isEqualTo("米林市");
    }

    @Test
    void aRegionScopedAdminPlacesByTownOnlyInItsRegions() {
        var report = as(TestUsers.CANGSHAN_ADMIN).document(IMPORT).variable("dry", true)
                .variable("csv", "id,name,aliases,type,ownership,regionCode,nationalCode,town\ntest-town-9,测试某小学,,PRIMARY,,,,陈埭\n")
                .execute();
        report.path("importSchools.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).startsWith("region 350582 lies outside the regions cangshan-admin may change"));
    }

    @Test
    void theTownsOfTheGazetteerCanBeLookedUpByNameOrCode() {
        graphQl.document("""
                { chendai: towns(name: "陈埭") { code name county { code name } }
                  byCode: towns(name: "350582107") { name }
                  chengguan: towns(name: "城关") { code }
                  fujian: towns(name: "城关", regionCode: "350000") { code county { name } }
                  none: towns(name: "不存在") { code } }""").execute()
                .path("chendai[*].code").entityList(String.class).containsExactly("350582103")
                .path("chendai[0].county.name").entity(String.class).isEqualTo("晋江市")
                .path("byCode[0].name").entity(String.class).isEqualTo("池店镇")
                .path("chengguan").entityList(Object.class).hasSize(132)
                .path("fujian[*].code").entityList(String.class).containsExactly("350404004", "350421200", "350426100")
                .path("none").entityList(Object.class).hasSize(0);
    }
}
