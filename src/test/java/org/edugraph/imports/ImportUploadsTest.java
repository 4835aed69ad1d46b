package org.edugraph.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The upload at /import/{name} as a careless or hostile client uses it: there is no undoing
 * an import, so a request it cannot read exactly is refused (400, the API's error body)
 * before a row is read; a file that is not UTF-8 is refused rather than imported garbled;
 * and a file of bad rows gets a report of its first problems, not one larger than itself.
 * Schools go to a test region made here (T-UPLOAD, under 福建省).
 */
class ImportUploadsTest extends IntegrationTest {

    private static final String HEADER = "id,name,aliases,type,ownership,regionCode,nationalCode\n";
    private static final String CSV = HEADER + "test-upl-a,测试上传第一小学,,PRIMARY,,T-UPLOAD,\n";

    @BeforeEach
    void testRegion() {
        graph.write("""
                MATCH (fujian:Region {code: '350000'})
                MERGE (t:Region {code: 'T-UPLOAD'}) SET t.name = '测试上传区', t.level = 'COUNTY', t.official = false
                MERGE (t)-[:PART_OF]->(fujian)""", Map.of());
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
        graph.write("MATCH (r:Region {code: 'T-UPLOAD'}) DETACH DELETE r", Map.of());
    }

    @Test
    void aDryRunThatIsConflictingEmptyMisspeltOrNeitherTrueNorFalseIsRefusedAndWritesNothing() {
        String before = testSchoolsAndAudit();
        refused("?dryRun=true", form -> form.add("dryRun", "false"), "dryRun is given 2 times");
        refused("", form -> {
            form.add("dryRun", "true");
            form.add("dryRun", "true");
        }, "dryRun is given 2 times");
        refused("", form -> form.add("dryRun", ""), "dryRun must be true or false, got ''");
        refused("", form -> form.add("dryrun", "true"), "unknown parameter 'dryrun' (names are case-sensitive: dryRun)");
        refused("?dryrun=true", form -> { }, "unknown parameter 'dryrun'");
        refused("", form -> form.add("dryRun", "maybe"), "dryRun must be true or false, got 'maybe'");
        refused("?dryRun=1", form -> { }, "dryRun must be true or false, got '1'");
        refused("", form -> form.add("dryRun", " true"), "dryRun must be true or false");
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    @Test
    void anUploadWithoutExactlyOneFileOrWithOtherParametersIsRefusedAndWritesNothing() {
        String before = testSchoolsAndAudit();
        refused(form -> form.remove("file"), "no file");
        refused(form -> form.add("file", file(CSV, "again.csv")), "file is given 2 times");
        refused(form -> form.set("file", CSV), "file is a text field, not a file");
        refused(form -> form.add("schools", file(CSV, "more.csv")), "unknown parameter 'schools'");
        refused(form -> form.add("mode", "test"), "unknown parameter 'mode'");
        refused("?regionCode=350104", form -> { }, "unknown parameter 'regionCode'");
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    @Test
    void dryRunIsTrueOrFalseInAnyCaseInTheFormOrTheQueryString() {
        String before = testSchoolsAndAudit();
        upload("", form -> form.add("dryRun", "TRUE")).expectStatus().isOk().expectBody()
                .jsonPath("$.dryRun").isEqualTo(true).jsonPath("$.schoolsCreated").isEqualTo(0);
        upload("?dryRun=True", form -> { }).expectStatus().isOk().expectBody()
                .jsonPath("$.dryRun").isEqualTo(true).jsonPath("$.schoolsCreated").isEqualTo(0);
        assertThat(testSchoolsAndAudit()).isEqualTo(before);

        upload("", form -> form.add("dryRun", "False")).expectStatus().isOk().expectBody()
                .jsonPath("$.dryRun").isEqualTo(false).jsonPath("$.schoolIds[0]").isEqualTo("test-upl-a");
        assertThat(testSchoolsAndAudit()).isEqualTo("[test-upl-a] audit=1");
    }

    @Test
    void aFileSavedByExcelAsGbkIsRefusedAtRow1AndWritesNothing() {
        // Excel's default "CSV (逗号分隔)" on Chinese Windows writes GBK; read as UTF-8 its names would become ����.
        byte[] gbk = (HEADER + "test-upl-gbk,测试上传简体小学,测上小,PRIMARY,,T-UPLOAD,\n").getBytes(Charset.forName("GBK"));
        String before = testSchoolsAndAudit();
        upload(gbk, false).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.rowsRead").isEqualTo(0)
                .jsonPath("$.schoolsCreated").isEqualTo(0)
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].row").isEqualTo(1)
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .startsWith("the file is not UTF-8 text: it reads as GBK/GB18030")
                        .contains("in Excel save it as \"CSV UTF-8 (逗号分隔)\""));

        // Invalid UTF-8 in one cell of an otherwise good file: refused whole, with no guess at an encoding.
        byte[] good = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 1];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[bad.length - 1] = (byte) 0xC3;
        upload(bad, false).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].row").isEqualTo(1)
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("the file is not UTF-8 text;"));
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    @Test
    void aFileOf100000BadRowsIsAnsweredWithItsFirst1000ProblemsAndHowManyMore() {
        // Five problems a row: id, name, type, regionCode and nationalCode; 500,000 in all.
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            csv.append("a:b,,,x,,,1\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        String before = testSchoolsAndAudit();
        byte[] report = upload(bytes, false).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.rowsRead").isEqualTo(100_000)
                .jsonPath("$.errors.length()").isEqualTo(1_001)
                .jsonPath("$.errors[0].row").isEqualTo(2)
                .jsonPath("$.errors[2].message").isEqualTo("type 'x' is not one of KINDERGARTEN, PRIMARY, JUNIOR_SECONDARY, "
                        + "NINE_YEAR, SENIOR_SECONDARY, COMPLETE_SECONDARY, TWELVE_YEAR, SECONDARY_VOCATIONAL, "
                        + "HIGHER_VOCATIONAL, UNIVERSITY, SPECIAL_EDUCATION, TEACHER_DEVELOPMENT, OTHER (in any case)")
                .jsonPath("$.errors[7].message").isEqualTo("type 'x' is not one of the types listed at row 2")
                .jsonPath("$.errors[999].row").isEqualTo(201)
                .jsonPath("$.errors[1000].row").isEqualTo(202)
                .jsonPath("$.errors[1000].message")
                .isEqualTo("... and 499,000 more problems not listed, from this row on; the first 1,000 are")
                .returnResult().getResponseBody();
        assertThat(report.length).as("the report, against the upload's %d bytes", bytes.length).isLessThan(200_000);
        assertThat(testSchoolsAndAudit()).isEqualTo(before);
    }

    /** The school file for a real import, changed by {@code change}, must be refused with 400 naming the problem. */
    private void refused(Consumer<MultiValueMap<String, Object>> change, String message) {
        refused("", change, message);
    }

    private void refused(String query, Consumer<MultiValueMap<String, Object>> form, String message) {
        upload(query, form).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).as(query + " " + form)
                        .contains(message));
    }

    private WebTestClient.ResponseSpec upload(byte[] csv, boolean dryRun) {
        return upload("", form -> {
            form.set("file", file(csv, "schools.csv"));
            form.add("dryRun", String.valueOf(dryRun));
        });
    }

    /** The test file as the form's {@code file}, changed by {@code form}, posted to /import/schools{query}. */
    private WebTestClient.ResponseSpec upload(String query, Consumer<MultiValueMap<String, Object>> form) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", file(CSV, "schools.csv"));
        form.accept(body);
        return http.post().uri("/import/schools" + query)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body).exchange();
    }

    private static ByteArrayResource file(String csv, String name) {
        return file(csv.getBytes(StandardCharsets.UTF_8), name);
    }

    private static ByteArrayResource file(byte[] csv, String name) {
        return new ByteArrayResource(csv) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    /** The schools of the test region and the number of audit records: what an upload may change. */
    private String testSchoolsAndAudit() {
        return graph.read("""
                OPTIONAL MATCH (s:School)-[:LOCATED_IN]->(:Region {code: 'T-UPLOAD'})
                WITH s ORDER BY s.id
                WITH collect(s.id) AS ids
                RETURN ids, COUNT { (:AuditEvent) } AS audit""", Map.of()).stream()
                .map(r -> r.get("ids").asList(v -> v.asString()) + " audit=" + r.get("audit").asLong())
                .findFirst().orElseThrow();
    }
}
