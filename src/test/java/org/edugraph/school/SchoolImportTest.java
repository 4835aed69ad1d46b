package org.edugraph.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Analysts bring their own schools: a file is checked whole, against itself and the
 * graph, and written whole or not at all. Everything happens in test regions made here
 * (T-IMPORT under 福建省, T-IMPORT-CS under 仓山区), so no real region's data changes.
 */
class SchoolImportTest extends IntegrationTest {

    private static final String HEADER = "id,name,aliases,type,ownership,regionCode,nationalCode\n";

    private static final String CSV = HEADER
            + "test-imp-a,测试导入第一实验小学,测导一小|导入一小,PRIMARY,PUBLIC,T-IMPORT,3599000001\n"
            + "test-imp-b,测试导入第二中学,,junior_secondary,,T-IMPORT,\n"
            + "test-imp-c,测试导入幼儿园,测导幼,Kindergarten,private,T-IMPORT,3599000003\n";

    private static final String IMPORT = """
            mutation($csv: String!, $dry: Boolean) { importSchools(csv: $csv, dryRun: $dry) {
              dryRun rowsRead schoolsCreated schoolIds errors { row message } } }""";

    @BeforeEach
    void testRegions() {
        graph.write("""
                MATCH (fujian:Region {code: '350000'}), (cangshan:Region {code: '350104'})
                MERGE (t:Region {code: 'T-IMPORT'}) SET t.name = '测试导入区', t.level = 'COUNTY', t.official = false
                MERGE (t)-[:PART_OF]->(fujian)
                MERGE (c:Region {code: 'T-IMPORT-CS'}) SET c.name = '测试仓山导入区', c.level = 'COUNTY', c.official = false
                MERGE (c)-[:PART_OF]->(cangshan)""", Map.of());
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
        graph.write("MATCH (r:Region) WHERE r.code IN ['T-IMPORT', 'T-IMPORT-CS'] DETACH DELETE r", Map.of());
    }

    @Test
    void importedSchoolsAreSearchableInTheirRegionAndCanBePairedAndCounted() {
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", CSV).execute()
                .path("importSchools.dryRun").entity(Boolean.class).isEqualTo(false)
                .path("importSchools.rowsRead").entity(Integer.class).isEqualTo(3)
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(3)
                .path("importSchools.errors").entityList(Object.class).hasSize(0)
                .path("importSchools.schoolIds").entityList(String.class).containsExactly("test-imp-a", "test-imp-b", "test-imp-c");

        graphQl.document("""
                { school(id: "test-imp-a") { name aliases type typeCode ownership nationalCode region { code name } }
                  b: school(id: "test-imp-b") { type typeCode ownership nationalCode aliases }
                  c: school(id: "test-imp-c") { type ownership } }""").execute()
                .path("school.name").entity(String.class).isEqualTo("测试导入第一实验小学")
                .path("school.aliases").entityList(String.class).containsExactly("测导一小", "导入一小")
                .path("school.type").entity(String.class).isEqualTo("PRIMARY")
                .path("school.typeCode").entity(String.class).isEqualTo("211")
                .path("school.ownership").entity(String.class).isEqualTo("PUBLIC")
                .path("school.nationalCode").entity(String.class).isEqualTo("3599000001")
                .path("school.region.code").entity(String.class).isEqualTo("T-IMPORT")
                .path("school.region.name").entity(String.class).isEqualTo("测试导入区")
                .path("b.type").entity(String.class).isEqualTo("JUNIOR_SECONDARY")
                .path("b.typeCode").entity(String.class).isEqualTo("311")
                .path("b.ownership").entity(String.class).isEqualTo("UNKNOWN")
                .path("b.nationalCode").valueIsNull()
                .path("b.aliases").entityList(String.class).hasSize(0)
                .path("c.type").entity(String.class).isEqualTo("KINDERGARTEN")
                .path("c.ownership").entity(String.class).isEqualTo("PRIVATE");
        graphQl.document("{ byName: searchSchools(text: \"测试导入第二\") { id } byAlias: searchSchools(text: \"导入一小\") { id } }")
                .execute()
                .path("byName[0].id").entity(String.class).isEqualTo("test-imp-b")
                .path("byAlias[0].id").entity(String.class).isEqualTo("test-imp-a");
        graphQl.document("{ schools(filter: {regionCode: \"T-IMPORT\"}) { totalCount edges { node { id } } } }").execute()
                .path("schools.totalCount").entity(Integer.class).isEqualTo(3);
        assertThat(graph.read("MATCH (s:School {id: 'test-imp-a'}) RETURN s.createdBy AS by, s.createdAt IS NOT NULL AS at",
                Map.of()).getFirst().asMap()).containsEntry("by", "admin").containsEntry("at", true);

        as(TestUsers.ADMIN).document("""
                mutation($csv: String!) { importPairings(csv: $csv) { pairingsCreated errors { row message } } }""")
                .variable("csv", "mentorId,menteeId,kind\ntest-imp-a,test-imp-b,ONE_TO_ONE\ntest-imp-a,test-imp-c,OTHER\n")
                .execute()
                .path("importPairings.errors").entityList(Object.class).hasSize(0)
                .path("importPairings.pairingsCreated").entity(Integer.class).isEqualTo(2);
        graphQl.document("""
                { networkStats(filter: {regionCode: "T-IMPORT"}) { schools mentors mentees pairings maxMenteesPerMentor components } }""")
                .execute()
                .path("networkStats.schools").entity(Integer.class).isEqualTo(3)
                .path("networkStats.mentors").entity(Integer.class).isEqualTo(1)
                .path("networkStats.mentees").entity(Integer.class).isEqualTo(2)
                .path("networkStats.pairings").entity(Integer.class).isEqualTo(2)
                .path("networkStats.maxMenteesPerMentor").entity(Integer.class).isEqualTo(2)
                .path("networkStats.components").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aSuccessfulImportIsAuditedOnceWithTheIdsItCreated() {
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", CSV).execute()
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(3);
        as(TestUsers.ADMIN).document("{ auditEvents { edges { node { action user targetType before after } } } }").execute()
                .path("auditEvents.edges[*].node.action").entityList(String.class).containsExactly("importSchools")
                .path("auditEvents.edges[0].node.user").entity(String.class).isEqualTo("admin")
                .path("auditEvents.edges[0].node.targetType").entity(String.class).isEqualTo("SchoolImport")
                .path("auditEvents.edges[0].node.before").valueIsNull()
                .path("auditEvents.edges[0].node.after").entity(String.class).satisfies(after -> assertThat(after)
                        .contains("\"schoolIds\":[\"test-imp-a\",\"test-imp-b\",\"test-imp-c\"]").contains("\"rows\":3"));
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() {
        String before = testSchoolsAndAudit();
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", CSV).variable("dry", true).execute()
                .path("importSchools.dryRun").entity(Boolean.class).isEqualTo(true)
                .path("importSchools.rowsRead").entity(Integer.class).isEqualTo(3)
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(0)
                .path("importSchools.schoolIds").entityList(String.class).hasSize(0)
                .path("importSchools.errors").entityList(Object.class).hasSize(0);
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", CSV.replace("T-IMPORT,3599000003", "T-NOWHERE,3599000003"))
                .variable("dry", true).execute()
                .path("importSchools.errors[*].row").entityList(Integer.class).containsExactly(4);
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    @Test
    void eachKindOfBadRowIsReportedWithItsRowAndNothingIsWritten() {
        String csv = HEADER
                + "test-imp-ok,测试导入正常小学,,PRIMARY,,T-IMPORT,\n"          // 2: fine
                + "test:imp,测试导入冒号小学,,PRIMARY,,T-IMPORT,\n"             // 3: ':' in the id
                + ",测试导入无号小学,,PRIMARY,,T-IMPORT,\n"                     // 4: no id
                + "test-imp-4,  ,,PRIMARY,,T-IMPORT,\n"                         // 5: blank name
                + "test-imp-5," + "长".repeat(201) + ",,PRIMARY,,T-IMPORT,\n"   // 6: name too long
                + "test-imp-6,测试导入别名小学,甲||乙,PRIMARY,,T-IMPORT,\n"      // 7: blank alias
                + "test-imp-7,测试导入类型小学,,小学,,T-IMPORT,\n"               // 8: type
                + "test-imp-8,测试导入办别小学,,PRIMARY,公办,T-IMPORT,\n"        // 9: ownership
                + "test-imp-9,测试导入无区小学,,PRIMARY,,,\n"                    // 10: no regionCode
                + "test-imp-10,测试导入未知区小学,,PRIMARY,,T-NOWHERE,\n"        // 11: unknown region
                + "test-imp-11,测试导入代码小学,,PRIMARY,,T-IMPORT,35990001\n";  // 12: national code not 10 digits
        String before = testSchoolsAndAudit();
        long schools = schoolCount();
        List<Map> errors = as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).execute()
                .path("importSchools.rowsRead").entity(Integer.class).isEqualTo(11)
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(0)
                .path("importSchools.schoolIds").entityList(String.class).hasSize(0)
                .path("importSchools.errors").entityList(Map.class).get();
        assertThat(errors).extracting(e -> e.get("row")).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(errors).extracting(e -> (String) e.get("message")).satisfiesExactly(
                m -> assertThat(m).contains("id 'test:imp'"),
                m -> assertThat(m).isEqualTo("id is required"),
                m -> assertThat(m).isEqualTo("name must not be blank"),
                m -> assertThat(m).isEqualTo("name is longer than 200 characters"),
                m -> assertThat(m).startsWith("aliases must not be blank").contains("甲||乙"),
                m -> assertThat(m).contains("type '小学' is not one of").contains("PRIMARY"),
                m -> assertThat(m).isEqualTo("ownership '公办' is not one of PUBLIC, PRIVATE, UNKNOWN (in any case)"),
                m -> assertThat(m).isEqualTo("regionCode is required (or a town)"),
                m -> assertThat(m).startsWith("no region with code T-NOWHERE (regionCode); the nearest valid codes are "),
                m -> assertThat(m).contains("nationalCode must be the 10 digits").contains("35990001"));
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
        assertThat(schoolCount()).isEqualTo(schools);
    }

    @Test
    void namesAndAliasesMustBeTextOfBoundedSize() {
        String fiftyOne = aliases(51);
        String csv = HEADER
                + "test-imp-t1,\"测试导入\t制表符小学\",,PRIMARY,,T-IMPORT,\n"                 // 2: a tab in the name
                + "test-imp-t2,\"测试导入\n换行小学\",,PRIMARY,,T-IMPORT,\n"                 // 3: a line break in the name
                + "test-imp-t3,测试导入\u0085小学,,PRIMARY,,T-IMPORT,\n"                      // 4: C1 control (NEL)
                + "test-imp-t4,测试导入别名小学,\"甲|乙\u0000丙\",PRIMARY,,T-IMPORT,\n"        // 5: NUL in an alias
                + "test-imp-t5,测试导入多别名小学," + fiftyOne + ",PRIMARY,,T-IMPORT,\n"        // 6: 51 aliases
                + "test-imp-t6,测试导入长别名小学,甲|" + "长".repeat(201) + ",PRIMARY,,T-IMPORT,\n" // 7: an alias too long
                + "test-imp-t7,测试导入正常小学," + aliases(49) + "|" + "长".repeat(200)
                + ",PRIMARY,,T-IMPORT,\n";                                                    // 8: 50 aliases, one of 200: fine
        String before = testSchoolsAndAudit();
        List<Map> errors = as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).execute()
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(0)
                .path("importSchools.errors").entityList(Map.class).get();
        assertThat(errors).extracting(e -> e.get("row"), e -> e.get("message")).containsExactly(
                tuple(2, "name must be text; it has a control character (U+0009 at character 5)"),
                tuple(3, "name must be text; it has a control character (U+000A at character 5)"),
                tuple(4, "name must be text; it has a control character (U+0085 at character 5)"),
                tuple(5, "aliases must be text; alias 2 has a control character (U+0000 at character 2)"),
                tuple(6, "aliases are at most 50, got 51"),
                tuple(7, "aliases must each be at most 200 characters; alias 2 has 201"));
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    private static String aliases(int count) {
        return String.join("|", IntStream.rangeClosed(1, count).mapToObj(i -> "测别" + i).toList());
    }

    @Test
    void anIdThatDiffersOnlyInCaseFromAnotherIsRefused() {
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", CSV).execute()
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(3);
        // A school made through createSchool (an id the service chose), not one of the reports'.
        String made = testSchools.school("测试导入已建校", "T-IMPORT").id();
        String before = testSchoolsAndAudit();
        long schools = schoolCount();
        String csv = HEADER
                + "test-imp-Q,测试导入大写校,,PRIMARY,,T-IMPORT,\n"
                + "TEST-IMP-q,测试导入小写校,,PRIMARY,,T-IMPORT,\n"   // 3: row 2's id in other case
                + made.toUpperCase(java.util.Locale.ROOT) + ",测试导入仿校,,PRIMARY,,T-IMPORT,\n"  // 4: a made school's id in upper case
                + "Test-Imp-A,测试导入甲校,,PRIMARY,,T-IMPORT,\n";     // 5: an imported school's id in other case
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).execute()
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(0)
                .path("importSchools.errors[*].row").entityList(Integer.class).containsExactly(3, 4, 5)
                .path("importSchools.errors[0].message").entity(String.class)
                .isEqualTo("id TEST-IMP-q differs only in case from test-imp-Q, the id of row 2")
                .path("importSchools.errors[1].message").entity(String.class)
                .isEqualTo("id " + made.toUpperCase(java.util.Locale.ROOT) + " differs only in case from the school " + made
                        + "; ids must differ in more than case")
                .path("importSchools.errors[2].message").entity(String.class)
                .isEqualTo("id Test-Imp-A differs only in case from the school test-imp-a; ids must differ in more than case");
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
        assertThat(schoolCount()).isEqualTo(schools);
    }

    @Test
    void anExplicitNullDryRunIsABadRequestAndWritesNothing() {
        String before = testSchoolsAndAudit();
        Map<String, Object> literal = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .bodyValue(Map.of("query", "mutation($csv: String!) { importSchools(csv: $csv, dryRun: null) { schoolsCreated } }",
                        "variables", Map.of("csv", CSV)))
                .exchange().expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(classifications(literal)).containsExactly("BAD_REQUEST");
        assertThat(literal.toString()).contains("dryRun must be true or false");
        Map<String, Object> variable = importAs(TestUsers.ADMIN, CSV, null);
        assertThat(classifications(variable)).containsExactly("BAD_REQUEST");
        assertThat(variable.toString()).contains("dryRun must be true or false");
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    @Test
    void anIdGivenTwiceInTheFileOrTakenInTheGraphIsRefused() {
        // A school already in the graph, in a real region, made through createSchool.
        String taken = testSchools.school("测试导入已有中学", "JUNIOR_SECONDARY", "350104").id();
        long schools = schoolCount();
        String csv = HEADER
                + "test-imp-x,测试导入甲校,,PRIMARY,,T-IMPORT,\n"
                + "test-imp-x,测试导入乙校,,PRIMARY,,T-IMPORT,\n"   // 3: same id as row 2
                + taken + ",测试导入丙校,,PRIMARY,,T-IMPORT,\n"; // 4: the made school's id
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).execute()
                .path("importSchools.errors[*].row").entityList(Integer.class).containsExactly(3, 4)
                .path("importSchools.errors[0].message").entity(String.class).isEqualTo("id test-imp-x is also the id of row 2")
                .path("importSchools.errors[1].message").entity(String.class).isEqualTo("a school with id " + taken + " exists already");
        assertThat(schoolCount()).isEqualTo(schools);
        graphQl.document("query($id: ID!) { school(id: $id) { name region { code } } }").variable("id", taken).execute()
                .path("school.name").entity(String.class).isEqualTo("测试导入已有中学")
                .path("school.region.code").entity(String.class).isEqualTo("350104");
    }

    @Test
    void aNationalCodeGivenTwiceInTheFileOrTakenInTheGraphIsRefused() {
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", CSV).execute()
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(3);
        String before = testSchoolsAndAudit();
        String csv = HEADER
                + "test-imp-d,测试导入丁校,,PRIMARY,,T-IMPORT,3599000009\n"
                + "test-imp-e,测试导入戊校,,PRIMARY,,T-IMPORT,3599000009\n"  // 3: same code as row 2
                + "test-imp-f,测试导入己校,,PRIMARY,,T-IMPORT,3599000001\n"; // 4: test-imp-a's code
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).execute()
                .path("importSchools.errors[*].row").entityList(Integer.class).containsExactly(3, 4)
                .path("importSchools.errors[0].message").entity(String.class)
                .isEqualTo("nationalCode 3599000009 is also the nationalCode of row 2")
                .path("importSchools.errors[1].message").entity(String.class)
                .isEqualTo("nationalCode 3599000001 belongs to school test-imp-a already");
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    @Test
    void concurrentImportsOfOneFileCreateItsSchoolsOnce() throws Exception {
        int requests = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Map<String, Object>>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            calls.add(() -> {
                start.await();
                return importAs(TestUsers.ADMIN, CSV, false);
            });
        }
        List<Map<String, Object>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            List<Future<Map<String, Object>>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Map<String, Object>> f : futures) {
                responses.add(f.get());
            }
        }
        // The one that wins creates all three; each other one is refused whole: by the checks
        // (ids or codes taken) when it read after the winner's commit, or by the database (CONFLICT).
        assertThat(responses).filteredOn(r -> created(r) == 3).hasSize(1);
        assertThat(responses).filteredOn(r -> created(r) != 3).allSatisfy(r -> assertThat(
                classifications(r).equals(List.of("CONFLICT")) || created(r) == 0 && r.toString().contains("already"))
                .as(r.toString()).isTrue());
        assertThat(testSchoolsAndAudit()).isEqualTo("[test-imp-a, test-imp-b, test-imp-c] audit=1");
    }

    @Test
    void withoutSignInTheImportIsUnauthorizedAndTheUpload401() {
        String before = testSchoolsAndAudit();
        assertThat(classifications(importAs(null, CSV, false))).containsExactly("UNAUTHORIZED");
        upload(null, CSV, false).expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    @Test
    void aReaderIsForbiddenToImport() {
        String before = testSchoolsAndAudit();
        assertThat(classifications(importAs(TestUsers.READER, CSV, false))).containsExactly("FORBIDDEN");
        assertThat(classifications(importAs(TestUsers.READER, CSV, true))).containsExactly("FORBIDDEN");
        upload(TestUsers.READER, CSV, false).expectStatus().isForbidden().expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN");
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    @Test
    void aCangshanAdminImportsIntoItsOwnRegionsOnly() {
        String before = testSchoolsAndAudit();
        String mixed = HEADER
                + "test-imp-cs1,测试仓山导入小学,,PRIMARY,,T-IMPORT-CS,\n"
                + "test-imp-cs2,测试福建导入小学,,PRIMARY,,T-IMPORT,\n"; // 3: not under 仓山区
        as(TestUsers.CANGSHAN_ADMIN).document(IMPORT).variable("csv", mixed).execute()
                .path("importSchools.schoolsCreated").entity(Integer.class).isEqualTo(0)
                .path("importSchools.errors[*].row").entityList(Integer.class).containsExactly(3)
                .path("importSchools.errors[0].message").entity(String.class)
                .isEqualTo("region T-IMPORT lies outside the regions cangshan-admin may change (350104)");
        assertThat(testSchoolsAndAudit()).isEqualTo(before);

        as(TestUsers.CANGSHAN_ADMIN).document(IMPORT).variable("csv", HEADER + "test-imp-cs1,测试仓山导入小学,,PRIMARY,,T-IMPORT-CS,\n")
                .execute()
                .path("importSchools.schoolIds").entityList(String.class).containsExactly("test-imp-cs1");
        graphQl.document("{ school(id: \"test-imp-cs1\") { region { code } } }").execute()
                .path("school.region.code").entity(String.class).isEqualTo("T-IMPORT-CS");
        assertThat(graph.read("MATCH (s:School {id: 'test-imp-cs1'}) RETURN s.createdBy AS by", Map.of())
                .getFirst().get("by").asString()).isEqualTo("cangshan-admin");
    }

    @Test
    void theUploadTakesAnExcelFileAndAnswersTheSameReport() {
        // As Excel's "CSV UTF-8" writes it: a BOM, CRLF, header as typed, quoted cells with commas and quotes.
        String excel = "\uFEFFId,Name,Aliases,Type,Ownership,RegionCode,NationalCode\r\n"
                + "test-imp-xl1,\"测试导入\"\"启明\"\"小学, 东校区\",\"启明东校|测试启明\",PRIMARY,PUBLIC,T-IMPORT,3599000101\r\n"
                + "test-imp-xl2,测试导入实验中学,,COMPLETE_SECONDARY,,T-IMPORT,\r\n"
                + ",,,,,,\r\n";
        String before = testSchoolsAndAudit();
        upload(TestUsers.ADMIN, excel.replace("COMPLETE_SECONDARY", "HIGH_SCHOOL"), false)
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].row").isEqualTo(3)
                .jsonPath("$.schoolsCreated").isEqualTo(0);
        upload(TestUsers.ADMIN, excel, true).expectStatus().isOk().expectBody()
                .jsonPath("$.dryRun").isEqualTo(true)
                .jsonPath("$.rowsRead").isEqualTo(2)
                .jsonPath("$.schoolsCreated").isEqualTo(0);
        assertThat(testSchoolsAndAudit()).isEqualTo(before);

        upload(TestUsers.ADMIN, excel, false).expectStatus().isOk().expectBody()
                .jsonPath("$.rowsRead").isEqualTo(2)
                .jsonPath("$.schoolsCreated").isEqualTo(2)
                .jsonPath("$.schoolIds[0]").isEqualTo("test-imp-xl1")
                .jsonPath("$.schoolIds[1]").isEqualTo("test-imp-xl2");
        graphQl.document("{ school(id: \"test-imp-xl1\") { name aliases ownership } searchSchools(text: \"启明东校\") { id } }")
                .execute()
                .path("school.name").entity(String.class).isEqualTo("测试导入\"启明\"小学, 东校区")
                .path("school.aliases").entityList(String.class).containsExactly("启明东校", "测试启明")
                .path("searchSchools[0].id").entity(String.class).isEqualTo("test-imp-xl1");
        upload(TestUsers.ADMIN, excel, false).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(3); // both ids and the national code are taken now
    }

    @Test
    void aFileLargerThanTheUploadLimitIsRefusedWith413AndAReason() {
        StringBuilder big = new StringBuilder(HEADER);
        while (big.length() < 33 * 1024 * 1024) {
            big.append("test-imp-big,测试导入超大文件小学,,PRIMARY,,T-IMPORT,\n");
        }
        String before = testSchoolsAndAudit();
        upload(TestUsers.ADMIN, big.toString(), false).expectStatus().isEqualTo(413).expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("upload limit"));
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    @Test
    void anUploadToAnImportThatDoesNotExistIsNotFound() {
        upload("/import/teachers", TestUsers.ADMIN, CSV, false).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("NOT_FOUND")
                .jsonPath("$.errors[0].message").isEqualTo("No import at /import/teachers; there are [pairings, schools]");
    }

    private Map<String, Object> importAs(TestUsers.User user, String csv, Boolean dryRun) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("csv", csv);
        variables.put("dry", dryRun);
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user.name(), user.password());
                    }
                })
                .bodyValue(Map.of("query", IMPORT, "variables", variables))
                .exchange()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static int created(Map<String, Object> response) {
        Object data = response.get("data");
        if (!(data instanceof Map<?, ?> map) || !(map.get("importSchools") instanceof Map<?, ?> report)) {
            return -1;
        }
        return ((Number) ((Map<String, Object>) report).get("schoolsCreated")).intValue();
    }

    private WebTestClient.ResponseSpec upload(TestUsers.User user, String csv, boolean dryRun) {
        return upload("/import/schools", user, csv, dryRun);
    }

    private WebTestClient.ResponseSpec upload(String path, TestUsers.User user, String csv, boolean dryRun) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "schools.csv";
            }
        });
        body.add("dryRun", String.valueOf(dryRun));
        return http.post().uri(path)
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user.name(), user.password());
                    }
                })
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body).exchange();
    }

    /** The schools of the test regions and the number of audit records: what an import may change. */
    private String testSchoolsAndAudit() {
        return graph.read("""
                OPTIONAL MATCH (s:School)-[:LOCATED_IN]->(r:Region) WHERE r.code STARTS WITH 'T-IMPORT'
                WITH s ORDER BY s.id
                WITH collect(s.id) AS ids
                RETURN ids, COUNT { (:AuditEvent) } AS audit""", Map.of()).stream()
                .map(r -> r.get("ids").asList(v -> v.asString()) + " audit=" + r.get("audit").asLong())
                .findFirst().orElseThrow();
    }

    private long schoolCount() {
        return graph.read("MATCH (s:School) RETURN count(s) AS n", Map.of()).getFirst().get("n").asLong();
    }
}
