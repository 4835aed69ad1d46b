package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A changed seed file is loaded again without undoing what admins did: their edits,
 * ends, removals and pairings stand, an entry the file dropped stays while admin data
 * refers to it, and each such case is reported at start-up and in the load's audit record.
 * A made-up report and schools of its own, never the real seeds.
 */
@ExtendWith(OutputCaptureExtension.class)
class SeedOwnershipTest extends IntegrationTest {

    private static final String V1 = """
            document: { id: test-owned, title: 测试报告, issuer: 测试局, region: "350104", section: "一" }
            schools:
              - { id: own-a, name: 归属测试甲校, type: PRIMARY, region: "350104" }
              - { id: own-b, name: 归属测试乙校, type: PRIMARY, region: "350104" }
            programs:
              - { id: own-program, name: 归属测试帮扶, kind: PARTNERSHIP }
            pairings:
              - { id: own-pair, kind: ONE_TO_ONE, mentor: own-a, mentee: own-b, program: own-program }
            """;

    @TempDir
    Path dir;

    @Autowired
    SeedLoader loader;

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
        graph.write("MATCH (n) WHERE n.seed = 'test-owned' OR n.releasedFrom = 'test-owned' DETACH DELETE n", Map.of());
        graph.write("MATCH (f:SeedFile {name: 'owned.yaml'}) DELETE f", Map.of());
    }

    @Test
    void adminChangesStandWhenTheFileIsLoadedAgain(CapturedOutput output) throws IOException {
        load(V1);
        admin("mutation { updateSchool(id: \"own-a\", input: {name: \"管理员改的名\", regionCode: \"350583\"}) { id } }");
        admin("mutation { endPairing(id: \"own-pair\", endDate: \"2023-01-01\") { id } }");
        admin("mutation { importSchools(csv: \"id,name,type,regionCode\\nown-admin-x,管理员的学校,PRIMARY,350104\\n\") { schoolsCreated } }");
        String adminPairing = admin("mutation { addPairing(input: {mentorId: \"own-b\", menteeId: \"own-admin-x\", kind: OTHER})"
                + " { id } }").replaceAll("(?s).*id=(p-[0-9a-f-]+).*", "$1");

        // The file renames own-a, drops own-b and own-pair, adds own-c and a pairing an admin will remove.
        load(V1.replace("归属测试甲校", "文件里的新名")
                .replace("  - { id: own-b, name: 归属测试乙校, type: PRIMARY, region: \"350104\" }",
                        "  - { id: own-c, name: 归属测试丙校, type: PRIMARY, region: \"350104\" }")
                .replace("  - { id: own-pair, kind: ONE_TO_ONE, mentor: own-a, mentee: own-b, program: own-program }",
                        "  - { id: own-later, kind: OTHER, mentor: own-a, mentee: own-c }"));

        // The admin's name and move stand, in one region only.
        assertThat(read("MATCH (s:School {id: 'own-a'}) RETURN s.name + ' ' + "
                + "reduce(t = '', c IN [(s)-[:LOCATED_IN]->(r) | r.code] | t + c) AS n")).isEqualTo("管理员改的名 350583");
        // own-b left the file but the admin's pairing refers to it: kept, and that pairing's mentor still reads.
        assertThat(read("MATCH (p:Pairing {id: '" + adminPairing + "'})-[:MENTOR]->(m) RETURN m.name AS n")).isEqualTo("归属测试乙校");
        graphQl.document("{ pairing(id: \"" + adminPairing + "\") { mentor { id } } }").execute()
                .path("pairing.mentor.id").entity(String.class).isEqualTo("own-b");
        // own-pair left the file but an admin ended it: kept with its end.
        assertThat(read("MATCH (p:Pairing {id: 'own-pair'}) RETURN toString(p.endDate) AS n")).isEqualTo("2023-01-01");

        admin("mutation { removePairing(id: \"own-later\") }");
        admin("mutation { addPairing(input: {mentorId: \"own-c\", menteeId: \"own-a\", kind: ONE_TO_ONE, programId: \"own-program\"})"
                + " { id } }");
        // The file again, now with a pairing identical to the admin's: neither it nor the removed one comes back.
        load(V1.replace("  - { id: own-b, name: 归属测试乙校, type: PRIMARY, region: \"350104\" }",
                        "  - { id: own-c, name: 归属测试丙校, type: PRIMARY, region: \"350104\" }")
                .replace("  - { id: own-pair, kind: ONE_TO_ONE, mentor: own-a, mentee: own-b, program: own-program }",
                        "  - { id: own-later, kind: OTHER, mentor: own-a, mentee: own-c }\n"
                                + "  - { id: own-twin, kind: ONE_TO_ONE, mentor: own-c, mentee: own-a, program: own-program }"));
        assertThat(read("MATCH (p:Pairing) WHERE p.id IN ['own-later', 'own-twin'] RETURN count(p) AS n")).isEqualTo("0");
        assertThat(read("MATCH (:School {id: 'own-c'})<-[:MENTOR]-(p:Pairing)-[:MENTEE]->(:School {id: 'own-a'}) RETURN count(p) AS n"))
                .isEqualTo("1");

        assertThat(output.getOut())
                .contains("Seed file owned.yaml: school own-a: the file says 文件里的新名, PRIMARY, region 350104; admin changed it"
                        + " to 管理员改的名, PRIMARY, region 350583, and that stands")
                .contains("Seed file owned.yaml: School own-b is no longer in the file but admin data refers to it: kept")
                .contains("Seed file owned.yaml: Pairing own-pair is no longer in the file but admin data refers to it: kept")
                .contains("Seed file owned.yaml: pairing own-later not written: admin removed it, and that stands")
                .contains("Seed file owned.yaml: pairing own-twin not written: admin pairing p-");
        // Each load is audited as the seed loader, with what it kept of the admins'.
        assertThat(read("MATCH (e:AuditEvent {action: 'loadSeedFile', targetId: 'owned.yaml', user: 'seed-loader'})"
                + " RETURN count(e) AS n")).isEqualTo("3");
        assertThat(read("MATCH (e:AuditEvent {action: 'loadSeedFile'}) WITH e ORDER BY e.id DESC LIMIT 1 RETURN e.after AS n"))
                .contains("own-twin not written");
    }

    private void load(String yaml) throws IOException {
        // Every entry cites its section of the (made-up) report.
        String cited = yaml.lines().map(line -> line.startsWith("  - {") ? line.replaceFirst(" }$", ", section: \"一\" }") : line)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Files.writeString(dir.resolve("owned.yaml"), cited, StandardCharsets.UTF_8);
        loader.load(SeedLoader.read(dir.toUri().toString()));
    }

    private String admin(String document) {
        Map<String, Object> response = postAs(TestUsers.ADMIN, document);
        assertThat(response).as(document).doesNotContainKey("errors");
        return response.toString();
    }

    private String read(String cypher) {
        var value = graph.read(cypher, Map.of()).getFirst().get("n");
        return value.isNull() ? null : value.asObject().toString();
    }
}
