package org.edugraph.neo4j;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNeo4j;
import org.edugraph.support.TestSchools;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cluster form of the connection: a neo4j:// routing URI, reads routed by the
 * driver, and a read right after a write seeing it (the sessions share bookmarks).
 */
class RoutingUriTest extends IntegrationTest {

    @DynamicPropertySource
    static void routing(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", () -> TestNeo4j.get().uri().replaceFirst("^bolt", "neo4j"));
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void aReadAfterAWriteThroughARoutingUriSeesTheWrite() {
        var mentor = testSchools.school("测试路由第一中学", TestSchools.CANGSHAN);
        var mentee = testSchools.school("测试路由第二中学", TestSchools.CANGSHAN);
        String id = as(TestUsers.ADMIN).document("""
                mutation($m: ID!, $e: ID!) { addPairing(input: {mentorId: $m, menteeId: $e, kind: OTHER}) { id } }""")
                .variable("m", mentor.id()).variable("e", mentee.id())
                .execute().path("addPairing.id").entity(String.class).get();
        graphQl.document("query($id: ID!) { pairing(id: $id) { mentee { name } } }").variable("id", id).execute()
                .path("pairing.mentee.name").entity(String.class).isEqualTo("测试路由第二中学");
    }
}
