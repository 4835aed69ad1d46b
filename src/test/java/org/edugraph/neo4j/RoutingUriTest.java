package org.edugraph.neo4j;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestNeo4j;
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
        String id = as(TestUsers.ADMIN).document("""
                mutation { addPairing(input: {mentorId: "cs-jinxiuxiao", menteeId: "cs-chengmen-ms", kind: OTHER}) { id } }""")
                .execute().path("addPairing.id").entity(String.class).get();
        graphQl.document("query($id: ID!) { pairing(id: $id) { mentee { name } } }").variable("id", id).execute()
                .path("pairing.mentee.name").entity(String.class).isEqualTo("城门中学");
    }
}
