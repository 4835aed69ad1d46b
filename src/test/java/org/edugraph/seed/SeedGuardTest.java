package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.SeedGuard;
import org.edugraph.support.TestSchools;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The guard of the reports' facts ({@link SeedGuard}) sees what a test does to seed data:
 * shown on a made-up seed file of its own, watched as the guard watches the real ones, so
 * that no real school is paired even for a moment.
 */
class SeedGuardTest extends IntegrationTest {

    private static final String FILE = """
            document: { id: test-guarded, title: 测试报告, issuer: 测试局, region: "350104", section: "一" }
            schools:
              - { id: guarded-a, name: 守卫测试甲校, type: PRIMARY, region: "350104", section: "一" }
              - { id: guarded-b, name: 守卫测试乙校, type: PRIMARY, region: "350104", section: "一" }
            programs:
              - { id: guarded-program, name: 守卫测试帮扶, kind: PARTNERSHIP, region: "350104", section: "一" }
            """;

    private static final String ADD = "mutation($m: ID!, $e: ID!) { addPairing(input: {mentorId: $m, menteeId: $e,"
            + " kind: DEEP_ALLIANCE}) { id } }";

    @TempDir
    Path dir;

    @Autowired
    SeedLoader loader;

    private SeedGuard.Watch watch;

    @BeforeEach
    void seedOfTheTestsOwn() throws IOException {
        Files.writeString(dir.resolve("guarded.yaml"), FILE);
        loader.load(SeedLoader.read(dir.toUri().toString()));
        watch = SeedGuard.watch(List.of("test-guarded"));
        assertThat(watch.problems(null)).as("nothing done yet").isEmpty();
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
        graph.write("MATCH (n {seed: 'test-guarded'}) DETACH DELETE n", Map.of());
        graph.write("MATCH (f:SeedFile {name: 'guarded.yaml'}) DELETE f", Map.of());
    }

    @Test
    void aPairingOfTwoSeedSchoolsIsSeenAsAChangeAndAsDataTheLoaderDidNotWrite() {
        Map<String, String> before = watch.fingerprint();
        as(TestUsers.ADMIN).document(ADD).variable("m", "guarded-a").variable("e", "guarded-b").execute()
                .path("addPairing.id").hasValue();
        List<String> problems = watch.problems(before);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("seed School:guarded-a changed during the test"))
                .anySatisfy(p -> assertThat(p).startsWith("seed School:guarded-b changed during the test"))
                .anySatisfy(p -> assertThat(p).startsWith("seed School:guarded-a has a relationship the seed loader did not write: MENTOR from Pairing:"))
                .anySatisfy(p -> assertThat(p).startsWith("seed School:guarded-b has a relationship the seed loader did not write: MENTEE from Pairing:"))
                .anySatisfy(p -> assertThat(p).startsWith("addPairing by admin").endsWith("names seed [guarded-a, guarded-b]"));
        // Made in an @BeforeEach, it would still be seen after the test: as data the loader did not write.
        assertThat(watch.problems(null)).anySatisfy(p -> assertThat(p).contains("has a relationship the seed loader did not write"));
    }

    @Test
    void aPairingAddedAndRemovedWithinTheTestIsSeenInTheAuditLog() {
        Map<String, String> before = watch.fingerprint();
        String id = as(TestUsers.ADMIN).document(ADD).variable("m", "guarded-a").variable("e", "guarded-b").execute()
                .path("addPairing.id").entity(String.class).get();
        as(TestUsers.ADMIN).document("mutation($id: ID!) { removePairing(id: $id) }").variable("id", id).execute();
        assertThat(watch.fingerprint()).as("no trace in the graph").isEqualTo(before);
        assertThat(watch.problems(before)).containsExactly(
                "addPairing by admin (audit %s) names seed [guarded-a, guarded-b]".formatted(auditId("addPairing", id)),
                "removePairing by admin (audit %s) names seed [guarded-a, guarded-b]".formatted(auditId("removePairing", id)));
        assertThat(watch.problems(before)).as("each record reported once").isEmpty();
    }

    @Test
    void anEditOfASeedSchoolAndAMembershipOfASeedProgramAreSeen() {
        Map<String, String> before = watch.fingerprint();
        as(TestUsers.ADMIN).document("mutation { updateSchool(id: \"guarded-a\", input: {name: \"守卫测试改名校\"}) { id } }")
                .execute().path("updateSchool.id").hasValue();
        graph.write("""
                MATCH (s:School {id: 'guarded-b'}), (p:Program {id: 'guarded-program'})
                CREATE (s)-[:PARTICIPATES_IN {role: 'MENTOR'}]->(p)""", Map.of());
        assertThat(watch.problems(before))
                .anySatisfy(p -> assertThat(p).startsWith("seed School:guarded-a changed during the test").contains("守卫测试改名校"))
                .anySatisfy(p -> assertThat(p).isEqualTo("seed School:guarded-a was changed by admin"))
                .anySatisfy(p -> assertThat(p).isEqualTo("seed Program:guarded-program has a relationship the seed loader did not"
                        + " write: PARTICIPATES_IN from School:guarded-b"));
    }

    @Test
    void schoolsOfTheTestsOwnInTheSeedsRegionChangeNothingThatIsWatched() {
        Map<String, String> before = watch.fingerprint();
        var mentor = testSchools.school("守卫测试自建甲校", TestSchools.CANGSHAN);
        var mentee = testSchools.school("守卫测试自建乙校", TestSchools.CANGSHAN);
        as(TestUsers.ADMIN).document(ADD).variable("m", mentor.id()).variable("e", mentee.id()).execute()
                .path("addPairing.id").hasValue();
        assertThat(watch.problems(before)).isEmpty();
    }

    private String auditId(String action, String target) {
        return graph.read("MATCH (e:AuditEvent {action: $action, targetId: $target}) RETURN e.id AS id",
                Map.of("action", action, "target", target)).getFirst().get("id").asString();
    }
}
