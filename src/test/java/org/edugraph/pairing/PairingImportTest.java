package org.edugraph.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestSchools;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk import: all rows are checked first; one bad row writes nothing and is named.
 * The files pair fictional schools under fictional programs made by the test.
 */
class PairingImportTest extends IntegrationTest {

    /** Written as Excel writes it: a BOM, CRLF, quoted fields with commas, quotes and Chinese. */
    private String csv;
    /** A mentor of two schools, the schools it helps, and two pairs of other schools. */
    private String mentor;
    private String first;
    private String second;
    private String third;
    private String fourth;
    private String fifth;
    private String sixth;
    /** The programs of the file's first two rows and of its third. */
    private String targeted;
    private String alliance;

    @BeforeEach
    void schoolsAndPrograms() {
        mentor = testSchools.school("测试导入进修学校", TestSchools.CANGSHAN).id();
        first = testSchools.school("测试导入第一中学", TestSchools.CANGSHAN).id();
        second = testSchools.school("测试导入第二中学", TestSchools.CANGSHAN).id();
        third = testSchools.school("测试导入第三中学", TestSchools.CANGSHAN).id();
        fourth = testSchools.school("测试导入第四中学", TestSchools.CANGSHAN).id();
        fifth = testSchools.school("测试导入第五中学", TestSchools.CANGSHAN).id();
        sixth = testSchools.school("测试导入第一小学", TestSchools.CANGSHAN).id();
        targeted = testSchools.program("测试导入定向帮扶", TestSchools.CANGSHAN).id();
        alliance = testSchools.program("测试导入深度联盟", TestSchools.CANGSHAN).id();
        csv = "\uFEFFmentorId,menteeId,kind,programId,startDate,note\r\n"
                + mentor + "," + first + ",TARGETED_SUPPORT," + targeted + ",2022-09-01,\"帮扶测试导入第一中学, 第一期\"\r\n"
                + mentor + "," + second + ",TARGETED_SUPPORT," + targeted + ",2022-09-01,\"他说 \"\"同步课堂\"\"\"\r\n"
                + third + "," + fourth + ",DEEP_ALLIANCE," + alliance + ",2022-10-01,\r\n"
                + fifth + "," + sixth + ",one_to_one,,,\r\n";
    }

    private static final String IMPORT = """
            mutation($csv: String!, $dry: Boolean) { importPairings(csv: $csv, dryRun: $dry) {
              dryRun rowsRead pairingsCreated errors { row message } } }""";

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void aFileWithOneBadRowAmongManyWritesNothingAndNamesThatRow() {
        String bad = csv.replace(third + "," + fourth, third + ",test-no-such-school");
        long before = pairings();
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", bad).execute()
                .path("importPairings.rowsRead").entity(Integer.class).isEqualTo(4)
                .path("importPairings.pairingsCreated").entity(Integer.class).isEqualTo(0)
                .path("importPairings.errors[*].row").entityList(Integer.class).containsExactly(4)
                .path("importPairings.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("test-no-such-school").contains("menteeId"));
        assertThat(pairings()).isEqualTo(before);

        as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).execute()
                .path("importPairings.pairingsCreated").entity(Integer.class).isEqualTo(4)
                .path("importPairings.errors").entityList(Object.class).hasSize(0);
        assertThat(pairings()).isEqualTo(before + 4);
        graphQl.document("query($id: ID!) { pairings(filter: {mentorId: $id, kinds: [TARGETED_SUPPORT]}) { edges { node { mentee { id } note startDate createdBy } } } }")
                .variable("id", mentor)
                .execute()
                .path("pairings.edges[*].node.note").entityList(String.class)
                .contains("帮扶测试导入第一中学, 第一期", "他说 \"同步课堂\"")
                .path("pairings.edges[*].node.createdBy").entityList(String.class).contains("admin");
    }

    @Test
    void everyBadRowIsReportedWithItsReason() {
        // The pairing that row 8 repeats, for no dates as the row.
        as(TestUsers.ADMIN).document("mutation($m: ID!, $e: ID!, $p: ID) { addPairing(input: {mentorId: $m, menteeId: $e,"
                        + " kind: TARGETED_SUPPORT, programId: $p}) { id } }")
                .variable("m", mentor).variable("e", third).variable("p", targeted).execute().path("addPairing.id").hasValue();
        String csv = "mentorId,menteeId,kind,programId,startDate,note\n"
                + mentor + "," + mentor + ",OTHER,,,\n"            // row 2: itself
                + mentor + "," + first + ",FRIENDSHIP,,,\n"        // row 3: kind
                + mentor + "," + first + ",OTHER,,2022-02-30,\n"   // row 4: date
                + mentor + "," + first + ",OTHER,nope,,\n"         // row 5: program
                + fifth + "," + sixth + ",OTHER,,,\n"              // row 6: fine
                + fifth + "," + sixth + ",OTHER,,,\n"              // row 7: same as row 6
                + mentor + "," + third + ",TARGETED_SUPPORT," + targeted + ",,\n" // row 8: exists already
                + "," + first + ",OTHER,,,\n";                     // row 9: no mentor
        long before = pairings();
        List<Map> errors = as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).execute()
                .path("importPairings.errors").entityList(Map.class).get();
        assertThat(errors).extracting(e -> e.get("row")).containsExactly(2, 3, 4, 5, 7, 8, 9);
        assertThat(errors.toString()).contains("mentor itself", "FRIENDSHIP", "2022-02-30", "nope",
                "same pairing as row 6", "of the same mentor, mentee, kind and program runs (no start) to (no end)",
                "mentorId is required");
        assertThat(pairings()).isEqualTo(before);
    }

    @Test
    void aDryRunOnlyReports() {
        long before = pairings();
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).variable("dry", true).execute()
                .path("importPairings.dryRun").entity(Boolean.class).isEqualTo(true)
                .path("importPairings.rowsRead").entity(Integer.class).isEqualTo(4)
                .path("importPairings.pairingsCreated").entity(Integer.class).isEqualTo(0)
                .path("importPairings.errors").entityList(Object.class).hasSize(0);
        assertThat(pairings()).isEqualTo(before);
    }

    @Test
    void anExplicitNullDryRunIsABadRequestAndWritesNothing() {
        long before = pairings();
        Map<String, Object> literal = postAs(TestUsers.ADMIN,
                "mutation { importPairings(csv: \"mentorId,menteeId,kind\\n" + fifth + "," + sixth + ",OTHER\", dryRun: null) { pairingsCreated } }");
        assertThat(classifications(literal)).containsExactly("BAD_REQUEST");
        assertThat(literal.toString()).contains("dryRun must be true or false");
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).variable("dry", null).execute().errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST");
                assertThat(e.getMessage()).isEqualTo("dryRun must be true or false");
            });
        });
        assertThat(pairings()).isEqualTo(before);
    }

    @Test
    void theKindsAreListedOnceAndRepeatedCellsAreCut() {
        String csv = "mentorId,menteeId,kind\n"
                + fifth + "," + sixth + ",FRIENDSHIP\n"
                + fifth + "," + sixth + ",PARTNERSHIP\n"
                + fifth + "," + "x".repeat(5_000) + ",OTHER\n";
        long before = pairings();
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", csv).execute()
                .path("importPairings.errors[*].message").entityList(String.class).containsExactly(
                        "kind 'FRIENDSHIP' is not one of SPECIAL_DELIVERY_CLASSROOM, DEEP_ALLIANCE, TARGETED_SUPPORT, "
                                + "ONE_TO_ONE, OTHER (in any case)",
                        "kind 'PARTNERSHIP' is not one of the kinds listed at row 2",
                        "no school with id " + "x".repeat(40) + "… (5000 characters) (menteeId)");
        assertThat(pairings()).isEqualTo(before);
    }

    @Test
    void aWrongHeaderIsRow1() {
        as(TestUsers.ADMIN).document(IMPORT).variable("csv", "mentor,mentee,kind\na,b,OTHER\n").execute()
                .path("importPairings.errors[0].row").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void theMultipartUploadSharesTheImport() {
        long before = pairings();
        var bad = uploadAsAdmin("/import/pairings", "pairings.csv", csv.replace("DEEP_ALLIANCE", "DEEP").getBytes(StandardCharsets.UTF_8));
        bad.expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].row").isEqualTo(4)
                .jsonPath("$.pairingsCreated").isEqualTo(0);
        assertThat(pairings()).isEqualTo(before);
        uploadAsAdmin("/import/pairings", "pairings.csv", csv.getBytes(StandardCharsets.UTF_8)).expectStatus().isOk().expectBody()
                .jsonPath("$.rowsRead").isEqualTo(4)
                .jsonPath("$.pairingsCreated").isEqualTo(4);
        assertThat(pairings()).isEqualTo(before + 4);
        uploadAsAdmin("/import/pairings", "pairings.csv", csv.getBytes(StandardCharsets.UTF_8)).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(4);
    }

    private long pairings() {
        return graph.read("MATCH (p:Pairing) RETURN count(p) AS n", Map.of()).getFirst().get("n").asLong();
    }
}
