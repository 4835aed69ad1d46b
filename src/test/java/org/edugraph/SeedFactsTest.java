package org.edugraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What an analyst asks of the two 2022 reports, through GraphQL, and what the reports say. */
class SeedFactsTest extends IntegrationTest {

    @Test
    void fiveGClassroomHas56MentorsHelping118SchoolsWithQualifiedFiguresAndTheirSource() {
        var figures = graphQl.document("""
                { program(id: "qz-5g-classroom") {
                    name kind region { code }
                    figures { metric value unit qualifier year source { title issuer published section } } } }""")
                .execute()
                .path("program.name").entity(String.class).isEqualTo("5G+专递课堂")
                .path("program.kind").entity(String.class).isEqualTo("PARTNERSHIP")
                .path("program.region.code").entity(String.class).isEqualTo("350500")
                .path("program.figures").entityList(Map.class).get();
        assertThat(figures).anySatisfy(f -> assertThat(f).containsEntry("metric", "mentor_schools")
                .containsEntry("value", 56.0).containsEntry("qualifier", "EXACT"));
        assertThat(figures).anySatisfy(f -> assertThat(f).containsEntry("metric", "mentee_schools")
                .containsEntry("value", 118.0).containsEntry("unit", "schools"));
        assertThat(figures).anySatisfy(f -> assertThat(f).containsEntry("value", 30000.0)
                .containsEntry("unit", "students").containsEntry("qualifier", "NEARLY"));
        assertThat(figures).anySatisfy(f -> assertThat(f).containsEntry("value", 1000.0)
                .containsEntry("qualifier", "AT_LEAST").containsEntry("unit", "activities"));
        assertThat(figures).allSatisfy(f -> assertThat(f.get("source")).isEqualTo(Map.of(
                "title", "2022年泉州市教育工作总结", "issuer", "泉州市教育局", "published", "2023-02-28", "section", "二(三)二")));
    }

    @Test
    void fiveGClassroomNamesNoPairOfSchoolsSoNoneIsInvented() {
        graphQl.document("""
                { program(id: "qz-5g-classroom") { pairings { totalCount } participants { school { id } } } }""")
                .execute()
                .path("program.pairings.totalCount").entity(Integer.class).isEqualTo(0)
                .path("program.participants").entityList(Object.class).hasSize(0);
    }

    @Test
    void theCangshanTeacherDevelopmentSchoolGivesTargetedSupportToPanyuAndNo12() {
        var mentees = graphQl.document("""
                { pairings(filter: {mentorId: "cs-jinxiuxiao"}) {
                    totalCount
                    edges { node { kind active mentor { name aliases } mentee { name } program { name }
                                   sources { title section } } } } }""")
                .execute()
                .path("pairings.totalCount").entity(Integer.class).isEqualTo(2)
                .path("pairings.edges[*].node.kind").entityList(String.class).containsExactly("TARGETED_SUPPORT", "TARGETED_SUPPORT")
                .path("pairings.edges[0].node.mentor.aliases").entityList(String.class).contains("进修校")
                .path("pairings.edges[*].node.program.name").entityList(String.class).containsExactly("定向帮扶", "定向帮扶")
                .path("pairings.edges[0].node.sources[0].section").entity(String.class).isEqualTo("三.1")
                .path("pairings.edges[*].node.mentee.name").entityList(String.class).get();
        assertThat(mentees).containsExactlyInAnyOrder("福州市仓山区盘屿中学", "福州第十二中学");
    }

    /** 与十六中的深度联盟结对帮扶: the words pair the district with 十六中 but, unlike 进修校对..., give no direction. */
    @Test
    void theDeepAllianceNamesSixteenthMiddleSchoolAsPartnerSinceTheWordsGiveNoDirectionAndInventsNoMentee() {
        graphQl.document("""
                { program(id: "cs-deep-alliance") { name note participants { role school { name } } pairings { totalCount } } }""")
                .execute()
                .path("program.participants[*].role").entityList(String.class).containsExactly("PARTNER")
                .path("program.participants[0].school.name").entity(String.class).isEqualTo("福州第十六中学")
                .path("program.pairings.totalCount").entity(Integer.class).isEqualTo(0)
                .path("program.note").entity(String.class).satisfies(note -> assertThat(note)
                        .contains("与十六中的深度联盟结对帮扶").contains("do not say who helps whom"));
    }

    @Test
    void searchFindsPanyuMiddleSchoolByPartOfItsName() {
        graphQl.document("{ searchSchools(text: \"盘屿\") { name region { code name } } }")
                .execute()
                .path("searchSchools[0].name").entity(String.class).isEqualTo("福州市仓山区盘屿中学")
                .path("searchSchools[0].region.name").entity(String.class).isEqualTo("仓山区");
    }

    @Test
    void searchFindsASchoolByItsAliasBestMatchFirst() {
        graphQl.document("{ searchSchools(text: \"十六中\") { name aliases } }")
                .execute()
                .path("searchSchools[0].name").entity(String.class).isEqualTo("福州第十六中学");
        graphQl.document("{ searchSchools(text: \"泉州五中\") { name } }")
                .execute()
                .path("searchSchools[0].name").entity(String.class).isEqualTo("福建省泉州第五中学");
    }

    @Test
    void searchTakesAnyTextLiterallyIncludingLuceneOperatorsAndSyntax() {
        for (String text : new String[] {"AND", "NOT OR", "\"", "中学 AND (", "*", "a:b~", "\\"}) {
            Map<String, Object> response = post("query($t: String!) { searchSchools(text: $t) { id } }", Map.of("t", text));
            assertThat(response).as(text).doesNotContainKey("errors");
        }
        graphQl.document("{ searchSchools(text: \"中学 AND\") { name } }").execute()
                .path("searchSchools").entityList(Object.class).hasSizeGreaterThan(5);
    }

    @Test
    void twoSchoolsJoinedTheMinistrysIdeologyCourseCommunityAGroupOfKindCommunity() {
        graphQl.document("""
                { educationGroup(id: "qz-moe-sizheng-community") { name kind members { role school { name } } } }""")
                .execute()
                .path("educationGroup.name").entity(String.class).isEqualTo("大中小学思政课一体化共同体")
                .path("educationGroup.kind").entity(String.class).isEqualTo("COMMUNITY")
                .path("educationGroup.members[*].school.name").entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder("泉州师范学院", "福建省泉州第五中学"));
    }

    /** 结对互助 is mutual aid: the words give no direction, so neither side is a mentee. */
    @Test
    void theOneToOneMutualAidNamesItsTwoSchoolsAsPartnersAndNoPairingIsInvented() {
        graphQl.document("""
                { program(id: "qz-one-to-one-chendai-chidian") { name note participants { role school { name } }
                    pairings { totalCount } } }""")
                .execute()
                .path("program.name").entity(String.class).isEqualTo("“一对一”结对互助")
                .path("program.note").entity(String.class).satisfies(note -> assertThat(note).contains("结对互助, mutual aid"))
                .path("program.participants[*].role").entityList(String.class).containsExactly("PARTNER", "PARTNER")
                .path("program.participants[*].school.name").entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder("陈埭小学", "池店小学"))
                .path("program.pairings.totalCount").entity(Integer.class).isEqualTo(0);
    }

    /**
     * Kept: 福建师范大学 takes part through its professors, who are people; docs/domain.md makes a university whose
     * professors lecture a PARTNER, and each program's note says so.
     */
    @Test
    void aUniversityWhoseProfessorsLectureIsKeptAsPartnerWithTheReasonInTheProgramsNote() {
        graphQl.document("""
                { school(id: "cs-fjnu") { programs { role program { id note } } mentoring { id } } }""")
                .execute()
                .path("school.programs[*].program.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("cs-calligraphy", "cs-teacher-ethics"))
                .path("school.programs[*].role").entityList(String.class).satisfies(roles -> assertThat(roles).containsOnly("PARTNER"))
                .path("school.programs[*].program.note").entityList(String.class).satisfies(notes -> assertThat(notes)
                        .allSatisfy(note -> assertThat(note).contains("kept as a PARTNER").contains("docs/domain.md")
                                .contains("a university whose professors lecture")))
                .path("school.mentoring").entityList(Object.class).hasSize(0);
    }

    /** 组团远赴千里之外的西安电子科技大学参加...培训: the university is where the training was, nothing more. */
    @Test
    void theUniversityWhereATrainingWasHeldIsItsVenueNotAParticipant() {
        graphQl.document("""
                { school(id: "cs-xidian") { name programs { role } }
                  program(id: "cs-psych-teacher-training") { note participants { school { id } } } }""")
                .execute()
                .path("school.name").entity(String.class).isEqualTo("西安电子科技大学")
                .path("school.programs").entityList(Object.class).hasSize(0)
                .path("program.participants").entityList(Object.class).hasSize(0)
                .path("program.note").entity(String.class).satisfies(note -> assertThat(note).contains("venue"));
    }

    /** The report names 陈埭、池店小学 and no county: the gazetteer's one town of each name puts them in 晋江市. */
    @Test
    void chendaiAndChidianPrimarySchoolsLieInJinjiangByTheGazetteerNotByTheReport() {
        for (var school : java.util.List.of(java.util.List.of("qz-chendai-primary", "陈埭小学", "350582103", "陈埭镇"),
                java.util.List.of("qz-chidian-primary", "池店小学", "350582107", "池店镇"))) {
            graphQl.document("""
                    query($id: ID!) { school(id: $id) { name type region { code name parent { code } } town { code name }
                      regionSource { kind title issuer section } sources { kind section quote } } }""")
                    .variable("id", school.get(0)).execute()
                    .path("school.name").entity(String.class).isEqualTo(school.get(1))
                    .path("school.type").entity(String.class).isEqualTo("PRIMARY")
                    .path("school.region.code").entity(String.class).isEqualTo("350582")
                    .path("school.region.name").entity(String.class).isEqualTo("晋江市")
                    .path("school.region.parent.code").entity(String.class).isEqualTo("350500")
                    .path("school.town.code").entity(String.class).isEqualTo(school.get(2))
                    .path("school.regionSource.kind").entity(String.class).isEqualTo("GAZETTEER")
                    .path("school.regionSource.title").entity(String.class).isEqualTo("2023年统计用区划代码和城乡划分代码")
                    .path("school.regionSource.section").entity(String.class).isEqualTo(school.get(2) + " " + school.get(3))
                    // The report is the source of the school itself, in its words: 陈埭、池店小学.
                    .path("school.sources[*].kind").entityList(String.class).satisfies(kinds -> assertThat(kinds).containsOnly("REPORT"))
                    .path("school.sources[*].quote").entityList(String.class)
                    .satisfies(quotes -> assertThat(quotes).allSatisfy(q -> assertThat(q).contains("陈埭、池店小学")));
        }
    }

    @Test
    void aSchoolTheReportPlacesHasTheReportsWordsAsTheSourceOfItsRegion() {
        graphQl.document("{ school(id: \"qz-hqu\") { region { code } town { code } regionSource { kind title section quote } } }")
                .execute()
                .path("school.region.code").entity(String.class).isEqualTo("350500")
                .path("school.town").valueIsNull()
                .path("school.regionSource.kind").entity(String.class).isEqualTo("REPORT")
                .path("school.regionSource.title").entity(String.class).isEqualTo("2022年泉州市教育工作总结")
                .path("school.regionSource.quote").entity(String.class).isEqualTo("华侨大学入选第二轮省级“双一流”高校");
    }

    /** 乙组包揽冠亚季军 at the city championship (市级冠军赛), 各组别团体前六 at the city competition (市级比赛). */
    @Test
    void theFootballAndBadmintonResultsBelongToTheCityCompetitionsWhereTheyWereWon() {
        graphQl.document("""
                { football: program(id: "cs-football-city-championship") { name level region { code }
                    recognitions { title level rank } figures { metric value } }
                  league: program(id: "cs-football-league") { recognitions { title } figures { metric value } }
                  badminton: program(id: "cs-badminton-city-competition") { name level recognitions { title level rank } }
                  games: program(id: "cs-badminton-league") { recognitions { title } figures { metric } } }""")
                .execute()
                .path("football.name").entity(String.class).isEqualTo("市级冠军赛")
                .path("football.level").entity(String.class).isEqualTo("MUNICIPAL")
                .path("football.region.code").entity(String.class).isEqualTo("350100")
                .path("football.recognitions[*].title").entityList(String.class).containsExactly("乙组包揽了冠军、亚军、季军")
                .path("football.recognitions[0].rank").entity(Integer.class).isEqualTo(1)
                .path("football.figures[*].metric").entityList(String.class).containsExactly("teams_awarded")
                .path("league.recognitions").entityList(Object.class).hasSize(0)
                .path("league.figures[*].metric").entityList(String.class).containsExactly("teams_to_city_final")
                .path("badminton.name").entity(String.class).isEqualTo("市级比赛")
                .path("badminton.recognitions[*].title").entityList(String.class).containsExactly("各组别均获得团体前六")
                .path("badminton.recognitions[0].level").entity(String.class).isEqualTo("MUNICIPAL")
                .path("badminton.recognitions[0].rank").valueIsNull()
                .path("games.recognitions").entityList(Object.class).hasSize(0)
                .path("games.figures[*].metric").entityList(String.class).containsExactly("players_to_city");
    }

    /** 省级以上科技创新获奖总数全省第一, parallel to the 五大学科竞赛 ranking the seeds kept. */
    @Test
    void theCitysFirstPlaceInScienceInnovationAwardsIsARecognitionLikeTheSubjectContests() {
        graphQl.document("""
                { program(id: "qz-sci-tech-innovation-awards") { name level recognitions { title level rank source { section quote } } } }""")
                .execute()
                .path("program.name").entity(String.class).isEqualTo("科技创新")
                .path("program.level").valueIsNull()
                .path("program.recognitions[0].title").entity(String.class).isEqualTo("获奖总数全省第一")
                .path("program.recognitions[0].level").entity(String.class).isEqualTo("PROVINCIAL")
                .path("program.recognitions[0].rank").entity(Integer.class).isEqualTo(1)
                .path("program.recognitions[0].source.section").entity(String.class).isEqualTo("二(二)三")
                .path("program.recognitions[0].source.quote").entity(String.class).isEqualTo("省级以上科技创新获奖总数全省第一");
    }

    /** An institution that is not a school is held as OTHER, as the seeds' rule says: the renamed inspection centre too. */
    @Test
    void theCitysEducationInspectionCentreIsAnInstitutionOfTypeOther() {
        graphQl.document("{ searchSchools(text: \"督导评估监测中心\") { id name aliases type region { code } sources { section quote } } }")
                .execute()
                .path("searchSchools[0].id").entity(String.class).isEqualTo("qz-supervision-centre")
                .path("searchSchools[0].name").entity(String.class).isEqualTo("泉州市教育督导评估监测中心")
                .path("searchSchools[0].aliases").entityList(String.class).contains("市教育督导评估监测中心", "市政府教育督导室")
                .path("searchSchools[0].type").entity(String.class).isEqualTo("OTHER")
                .path("searchSchools[0].region.code").entity(String.class).isEqualTo("350500")
                .path("searchSchools[0].sources[0].quote").entity(String.class).isEqualTo("原市政府教育督导室更名为市教育督导评估监测中心");
    }

    /** Item 三.2 opens with 区属环保职专 and names no other school: its contest prizes and its training base are its own. */
    @Test
    void theEnvironmentalVocationalSchoolTakesPartInTheSkillsContestAndHoldsItsTrainingBase() {
        graphQl.document("""
                { school(id: "cs-hbzz") { programs { role program { id note } } }
                  base: program(id: "cs-public-training-base") { participants { role school { id } } } }""")
                .execute()
                .path("school.programs[?(@.program.id == 'cs-voc-skills-contest')].role").entityList(String.class).containsExactly("MEMBER")
                .path("school.programs[?(@.program.id == 'cs-public-training-base')].role").entityList(String.class).containsExactly("DESIGNATED")
                .path("school.programs[?(@.program.id == 'cs-vocational-joint')].role").entityList(String.class).containsExactly("MEMBER")
                .path("school.programs[?(@.program.id == 'cs-voc-skills-contest')].program.note").entityList(String.class)
                .satisfies(notes -> assertThat(notes.getFirst()).contains("item 三.2 opens with 区属环保职专"))
                .path("base.participants[*].school.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("cs-cooking-training-base", "cs-hbzz"));
    }

    @Test
    void aSchoolWhoseCountyTheReportDoesNotStateIsPlacedNoLowerThanTheCityAndItsStagesAreNotGuessed() {
        graphQl.document("{ school(id: \"qz-yicong\") { type ownership region { code } } }")
                .execute()
                .path("school.region.code").entity(String.class).isEqualTo("350500")
                .path("school.type").entity(String.class).isEqualTo("OTHER")
                .path("school.ownership").entity(String.class).isEqualTo("UNKNOWN");
    }

    @Test
    void theLargeClassThresholdOf56IsNotAFigureButThe56MentorSchoolsAre() {
        var cityFigures = graphQl.document("{ region(code: \"350500\") { figures { metric value } } }")
                .execute().path("region.figures").entityList(Map.class).get();
        assertThat(cityFigures).isNotEmpty().noneSatisfy(f -> assertThat(f.get("value")).isEqualTo(56.0));
        var fiveG = graphQl.document("{ program(id: \"qz-5g-classroom\") { figures { metric value } } }")
                .execute().path("program.figures").entityList(Map.class).get();
        assertThat(fiveG).contains(Map.of("metric", "mentor_schools", "value", 56.0));
    }

    @Test
    void rankingsAndAwardsAreRecognitionsWithTheWordsThatStateThem() {
        graphQl.document("{ school(id: \"qz-hqu\") { recognitions { title level year rank source { section quote } } } }")
                .execute()
                .path("school.recognitions[0].title").entity(String.class).isEqualTo("第二轮省级“双一流”高校")
                .path("school.recognitions[0].level").entity(String.class).isEqualTo("PROVINCIAL")
                .path("school.recognitions[0].year").entity(Integer.class).isEqualTo(2022)
                .path("school.recognitions[0].source.quote").entity(String.class).isEqualTo("华侨大学入选第二轮省级“双一流”高校");
        graphQl.document("{ program(id: \"qz-standard-school\") { recognitions { title rank source { quote } } } }")
                .execute()
                .path("program.recognitions[0].title").entity(String.class).isEqualTo("数量居全省第一")
                .path("program.recognitions[0].rank").entity(Integer.class).isEqualTo(1)
                .path("program.recognitions[0].source.quote").entity(String.class)
                .satisfies(quote -> assertThat(quote).contains("1152所").contains("数量居全省第一"));
    }

    @Test
    void everyFactCarriesTheReportsOwnWords() {
        graphQl.document("""
                { pairings(filter: {mentorId: "cs-jinxiuxiao"}) { edges { node { sources { quote } } } }
                  program(id: "qz-5g-classroom") { sources { quote } figures { value source { quote } } } }""")
                .execute()
                .path("pairings.edges[*].node.sources[*].quote").entityList(String.class)
                .satisfies(quotes -> assertThat(quotes).isNotEmpty().allSatisfy(q -> assertThat(q).contains("进修校")))
                .path("program.sources[*].quote").entityList(String.class)
                .satisfies(quotes -> assertThat(quotes).isNotEmpty().allSatisfy(q -> assertThat(q).contains("5G+专递课堂")))
                .path("program.figures[*].source.quote").entityList(String.class)
                .satisfies(quotes -> assertThat(quotes).hasSizeGreaterThan(4).doesNotContainNull());
    }

    @Test
    void theFinanceAndTradeCadreSchoolWasMergedIntoTheOverseasChineseVocationalSchool() {
        graphQl.document("{ searchSchools(text: \"财贸干校\") { aliases mergedInto { name } } }")
                .execute()
                .path("searchSchools[0].aliases").entityList(String.class).contains("泉州财贸干校")
                .path("searchSchools[0].mergedInto.name").entity(String.class).isEqualTo("泉州华侨职业中专学校");
    }

    /** The report names the group only inside its annex's name (二.2): the annex is its member, and no lead is stated. */
    @Test
    void theExperimentalKindergartenGroupHasItsAnnexAsMemberAndNoLeadTheReportDoesNotState() {
        graphQl.document("""
                { educationGroup(id: "cs-shiyou-kg-group") { name kind region { code }
                    members { role school { id name type } group { id } } } }""")
                .execute()
                .path("educationGroup.name").entity(String.class).isEqualTo("仓山区实验幼儿园教育集团")
                .path("educationGroup.region.code").entity(String.class).isEqualTo("350104")
                .path("educationGroup.members[*].role").entityList(String.class).satisfies(roles -> assertThat(roles).doesNotContain("LEAD"))
                .path("educationGroup.members[?(@.school.id == 'cs-shiyou-kg-annex')].role").entityList(String.class).containsExactly("MEMBER")
                .path("educationGroup.members[?(@.school.id == 'cs-shiyou-kg-annex')].school.name").entityList(String.class)
                .containsExactly("仓山区实验幼儿园教育集团附属幼儿园")
                .path("educationGroup.members[*].school.type").entityList(String.class).satisfies(list -> assertThat(list).containsOnly("KINDERGARTEN"))
                .path("educationGroup.members[*].group.id").entityList(String.class).satisfies(list -> assertThat(list).containsOnly("cs-shiyou-kg-group"));
        // 仓山区实验幼儿园 is named only in the group's name: no such school is made up.
        assertThat(classifications(post("{ school(id: \"cs-shiyou-kg\") { id } }"))).containsExactly("NOT_FOUND");
    }

    @Test
    void afterSchoolServiceReachedAboutAMillionTeachersAndStudents() {
        var figures = graphQl.document("{ program(id: \"qz-after-school-2n\") { kind figures { value qualifier } } }")
                .execute()
                .path("program.kind").entity(String.class).isEqualTo("SERVICE")
                .path("program.figures").entityList(Map.class).get();
        assertThat(figures).contains(Map.of("value", 1000000.0, "qualifier", "APPROXIMATE"));
    }

    @Test
    void quanzhouReportsProvincialStandardisedSchoolsAs1152Or72Percent() {
        var figures = graphQl.document("{ program(id: \"qz-standard-school\") { figures { value unit } } }")
                .execute().path("program.figures").entityList(Map.class).get();
        assertThat(figures).contains(Map.of("value", 1152.0, "unit", "schools"), Map.of("value", 72.23, "unit", "%"));
    }

    @Test
    void regionsCarryTheirGbT2260CodesAndZonesWithoutOneAreMarked() {
        graphQl.document("""
                { region(code: "350104") { name level parent { code name parent { name } } } }""")
                .execute()
                .path("region.name").entity(String.class).isEqualTo("仓山区")
                .path("region.level").entity(String.class).isEqualTo("COUNTY")
                .path("region.parent.name").entity(String.class).isEqualTo("福州市")
                .path("region.parent.parent.name").entity(String.class).isEqualTo("福建省");
        var counties = graphQl.document("{ regions(level: COUNTY) { code name official } }")
                .execute().path("regions").entityList(Map.class).get();
        assertThat(counties).contains(Map.of("code", "350582", "name", "晋江市", "official", true));
        assertThat(counties).anySatisfy(r -> assertThat(r).containsEntry("name", "泉州台商投资区").containsEntry("official", false));
        graphQl.document("{ region(code: \"350500\") { children { code } } }")
                .execute().path("region.children[*].code").entityList(String.class).hasSize(14).contains("350502", "350583");
    }

    @Test
    void aRegionFilterIncludesEveryRegionBelowIt() {
        int fuzhou = totalSchools("350100");
        int cangshan = totalSchools("350104");
        int quanzhou = totalSchools("350500");
        int fujian = totalSchools("350000");
        assertThat(cangshan).isGreaterThan(15);
        assertThat(fuzhou).isGreaterThan(cangshan);
        assertThat(quanzhou).as("the Quanzhou report's 14 schools and institutions, none placed outside the city").isEqualTo(14);
        assertThat(fujian).isEqualTo(fuzhou + quanzhou);
        graphQl.document("{ region(code: \"350100\") { schools(first: 500) { totalCount edges { node { id } } } } }")
                .execute()
                .path("region.schools.totalCount").entity(Integer.class).isEqualTo(fuzhou)
                .path("region.schools.edges").entityList(Object.class).hasSize(fuzhou);
    }

    @Test
    void programsAndGroupsFilterByRegionKindAndYear() {
        var cangshan = graphQl.document("{ programs(filter: {regionCode: \"350104\", kind: PARTNERSHIP}) { id } }")
                .execute().path("programs[*].id").entityList(String.class).get();
        assertThat(cangshan).contains("cs-deep-alliance", "cs-targeted-support").doesNotContain("qz-5g-classroom");
        graphQl.document("{ programs(filter: {regionCode: \"350000\", year: 2022}) { id } }")
                .execute().path("programs[*].id").entityList(String.class).contains("qz-5g-classroom", "cs-deep-alliance");
        graphQl.document("{ educationGroups(filter: {kind: CONSORTIUM}) { totalCount edges { node { name } } } }")
                .execute()
                .path("educationGroups.edges[*].node.name").entityList(String.class).contains("G20优质高中联合体");
    }

    @Test
    void schoolsFilterByTypeOwnershipProgramAndGroup() {
        graphQl.document("{ schools(filter: {types: [UNIVERSITY], regionCode: \"350500\"}) { edges { node { name typeCode } } } }")
                .execute()
                .path("schools.edges[*].node.name").entityList(String.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrder("华侨大学", "泉州师范学院"));
        graphQl.document("{ schools(filter: {programId: \"cs-targeted-support\"}) { totalCount } }")
                .execute().path("schools.totalCount").entity(Integer.class).isEqualTo(3);
        graphQl.document("{ schools(filter: {groupId: \"cs-shiyou-kg-group\", ownership: PUBLIC, nameContains: \"附属\"}) { edges { node { id } } } }")
                .execute().path("schools.edges[*].node.id").entityList(String.class).containsExactly("cs-shiyou-kg-annex");
    }

    @Test
    void everySchoolGroupProgramAndPairingSaysWhichReportStatedIt() {
        Map<String, Object> response = post("""
                { schools(first: 500) { edges { node { sources { title section } } } }
                  programs { sources { title section } figures { source { title section } } }
                  pairings(first: 500) { edges { node { sources { title } } } }
                  educationGroups(first: 500) { edges { node { sources { title } } } } }""");
        assertThat(response).doesNotContainKey("errors");
        String json = response.toString();
        assertThat(json).doesNotContain("sources=[]").doesNotContain("source=null");
    }

    private int totalSchools(String regionCode) {
        return graphQl.document("query($r: ID) { schools(filter: {regionCode: $r}) { totalCount } }")
                .variable("r", regionCode).execute().path("schools.totalCount").entity(Integer.class).get();
    }

}
