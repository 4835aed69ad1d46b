package org.edugraph.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A zone the division list has no code for can be added by an admin as a project-local region,
 * audited, and schools placed in it; never silently, never with a code that could be real, and
 * never outside an admin's regions.
 */
class AddRegionTest extends IntegrationTest {

    private static final String ADD = """
            mutation($input: AddRegionInput!) { addRegion(input: $input) { code name level official parent { code } } }""";

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
        graph.write("MATCH (r:Region) WHERE r.code STARTS WITH '3505ZT' OR r.code STARTS WITH '3501ZT' DETACH DELETE r", Map.of());
    }

    @Test
    void anAdminAddsAProjectLocalRegionWhichIsAuditedAndTakesSchools() {
        as(TestUsers.ADMIN).document(ADD)
                .variable("input", Map.of("code", "3505ZT1", "name", "测试新区", "level", "COUNTY", "parentCode", "350500"))
                .execute()
                .path("addRegion.code").entity(String.class).isEqualTo("3505ZT1")
                .path("addRegion.name").entity(String.class).isEqualTo("测试新区")
                .path("addRegion.level").entity(String.class).isEqualTo("COUNTY")
                .path("addRegion.official").entity(Boolean.class).isEqualTo(false)
                .path("addRegion.parent.code").entity(String.class).isEqualTo("350500");
        as(TestUsers.ADMIN).document("{ auditEvents(filter: {action: \"addRegion\"}) { edges { node { user targetType targetId after } } } }")
                .execute()
                .path("auditEvents.edges[0].node.user").entity(String.class).isEqualTo("admin")
                .path("auditEvents.edges[0].node.targetType").entity(String.class).isEqualTo("Region")
                .path("auditEvents.edges[0].node.targetId").entity(String.class).isEqualTo("3505ZT1")
                .path("auditEvents.edges[0].node.after").entity(String.class).satisfies(a -> assertThat(a)
                        .contains("\"name\":\"测试新区\"").contains("\"parent\":\"350500\"").contains("\"official\":false"));
        testSchools.school("测试新区某小学", "3505ZT1");
        graphQl.document("{ region(code: \"350500\") { schools(first: 100) { edges { node { name region { code } } } } } }")
                .execute().path("region.schools.edges[*].node.name").entityList(String.class).contains("测试新区某小学");
    }

    @Test
    void aCodeThatCouldBeRealOrIsTakenALevelThatDoesNotFitOrAnUnknownParentIsRefused() {
        assertRefused(Map.of("code", "350599", "name", "测试区", "level", "COUNTY", "parentCode", "350500"), "BAD_REQUEST",
                "code '350599' must be 3 to 12 letters A-Z and digits with at least one letter");
        assertRefused(Map.of("code", "3505TS", "name", "测试区", "level", "COUNTY", "parentCode", "350500"), "CONFLICT",
                "Region code 3505TS is taken already (泉州台商投资区)");
        assertRefused(Map.of("code", "3500ZT", "name", "测试区", "level", "COUNTY", "parentCode", "350000"), "BAD_REQUEST",
                "a COUNTY lies one level below its parent; 350000 福建省 is a PROVINCE");
        assertRefused(Map.of("code", "3505ZT2", "name", "测试区", "level", "COUNTY", "parentCode", "359999"), "NOT_FOUND",
                "No region with code 359999 (parentCode)");
        assertRefused(Map.of("code", "3505ZT3", "name", " ", "level", "COUNTY", "parentCode", "350500"), "BAD_REQUEST",
                "name must not be blank");
        assertThat(graph.read("MATCH (r:Region) WHERE r.code STARTS WITH '3505ZT' OR r.code = '3500ZT' RETURN count(r) AS n",
                Map.of()).getFirst().get("n").asLong()).isZero();
    }

    @Test
    void onlyAnAdminOfTheParentsRegionMayAddOne() {
        String add = """
                mutation { addRegion(input: {code: "3505ZT4", name: "测试区", level: COUNTY, parentCode: "350500"}) { code } }""";
        assertThat(classifications(postAs(null, add))).containsExactly("UNAUTHORIZED");
        assertThat(classifications(postAs(TestUsers.READER, add))).containsExactly("FORBIDDEN");
        assertThat(classifications(postAs(TestUsers.CANGSHAN_ADMIN, add))).containsExactly("FORBIDDEN");
        assertThat(classifications(postAs(TestUsers.CANGSHAN_ADMIN, add.replace("3505ZT4", "3501ZT4")
                .replace("350500", "350104").replace("COUNTY", "PREFECTURE")))).containsExactly("BAD_REQUEST");
        assertThat(graph.read("MATCH (r:Region {code: '3505ZT4'}) RETURN count(r) AS n", Map.of()).getFirst().get("n").asLong())
                .isZero();
    }

    private void assertRefused(Map<String, Object> input, String classification, String message) {
        Map<String, Object> response = postAs(TestUsers.ADMIN, "mutation { addRegion(input: {code: \"%s\", name: \"%s\", level: %s, parentCode: \"%s\"}) { code } }"
                .formatted(input.get("code"), input.get("name"), input.get("level"), input.get("parentCode")));
        assertThat(classifications(response)).as(message).containsExactly(classification);
        assertThat(response.toString()).contains(message);
    }
}
