package org.edugraph.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Admins create and correct schools and group memberships; bad input is refused and changes nothing. */
class SchoolMutationsTest extends IntegrationTest {

    private static final String CREATE = """
            mutation($input: CreateSchoolInput!) { createSchool(input: $input) {
              id name aliases type typeCode ownership nationalCode region { code } } }""";

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void aCreatedSchoolIsFoundBySearchAndRegionAtOnce() {
        String id = as(TestUsers.ADMIN).document(CREATE).variable("input", Map.of("name", "福州市仓山区测试实验小学",
                        "aliases", java.util.List.of("测试实小"), "type", "PRIMARY", "ownership", "PUBLIC",
                        "regionCode", "350104", "nationalCode", "2135000001"))
                .execute()
                .path("createSchool.typeCode").entity(String.class).isEqualTo("211")
                .path("createSchool.region.code").entity(String.class).isEqualTo("350104")
                .path("createSchool.id").entity(String.class).get();
        graphQl.document("{ searchSchools(text: \"测试实小\") { id } }").execute()
                .path("searchSchools[0].id").entity(String.class).isEqualTo(id);
        graphQl.document("{ region(code: \"350100\") { schools(first: 500) { edges { node { id } } } } }").execute()
                .path("region.schools.edges[*].node.id").entityList(String.class).contains(id);
    }

    @Test
    void anUpdateChangesOnlyWhatItNamesAndMovesTheSchool() {
        String id = as(TestUsers.ADMIN).document(CREATE).variable("input", Map.of("name", "旧名小学", "type", "PRIMARY",
                "regionCode", "350104")).execute().path("createSchool.id").entity(String.class).get();
        as(TestUsers.ADMIN).document("""
                mutation($id: ID!) { updateSchool(id: $id, input: {name: "新名小学", regionCode: "350582"}) {
                  name type ownership region { name } } }""").variable("id", id).execute()
                .path("updateSchool.name").entity(String.class).isEqualTo("新名小学")
                .path("updateSchool.type").entity(String.class).isEqualTo("PRIMARY")
                .path("updateSchool.ownership").entity(String.class).isEqualTo("UNKNOWN")
                .path("updateSchool.region.name").entity(String.class).isEqualTo("晋江市");
        as(TestUsers.ADMIN).document("{ auditEvents(filter: {action: \"updateSchool\"}) { edges { node { before after } } } }")
                .execute()
                .path("auditEvents.edges[0].node.before").entity(String.class).satisfies(b -> assertThat(b).contains("旧名小学", "350104"))
                .path("auditEvents.edges[0].node.after").entity(String.class).satisfies(a -> assertThat(a).contains("新名小学", "350582"));
    }

    @Test
    void badSchoolInputIsRefusedWithAReasonAndChangesNothing() {
        long schools = schools();
        assertClassified(Map.of("name", " ", "type", "PRIMARY", "regionCode", "350104"), "BAD_REQUEST", "name");
        assertClassified(Map.of("name", "某校", "type", "PRIMARY", "regionCode", "350104", "nationalCode", "123"),
                "BAD_REQUEST", "10 digits");
        assertClassified(Map.of("name", "某校", "type", "PRIMARY", "regionCode", "999999"), "NOT_FOUND", "999999");
        assertThat(classifications(postAs(TestUsers.ADMIN,
                "mutation { updateSchool(id: \"no-such-school\", input: {name: \"x\"}) { id } }"))).containsExactly("NOT_FOUND");
        assertThat(schools()).isEqualTo(schools);
    }

    @Test
    void namesAndAliasesMustBeTextOfBoundedSizeWhenCreatedOrUpdated() {
        long schools = schools();
        assertClassified(Map.of("name", "测试\u0007小学", "type", "PRIMARY", "regionCode", "350104"),
                "BAD_REQUEST", "name must be text; it has a control character (U+0007 at character 3)");
        assertClassified(Map.of("name", "测试小学", "aliases", List.of("测试", "测\u009b试"), "type", "PRIMARY", "regionCode", "350104"),
                "BAD_REQUEST", "aliases must be text; alias 2 has a control character (U+009B at character 2)");
        assertClassified(Map.of("name", "测试小学", "aliases", Collections.nCopies(51, "测试"), "type", "PRIMARY",
                "regionCode", "350104"), "BAD_REQUEST", "aliases are at most 50, got 51");
        assertClassified(Map.of("name", "测试小学", "aliases", List.of("长".repeat(201)), "type", "PRIMARY",
                "regionCode", "350104"), "BAD_REQUEST", "aliases must each be at most 200 characters; alias 1 has 201");
        // Half of a surrogate pair can only come as a JSON escape; it is no character at all.
        Map<String, Object> loneSurrogate = postJson(TestUsers.ADMIN, """
                {"query": "mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }",
                 "variables": {"input": {"name": "测试\\ud800小学", "type": "PRIMARY", "regionCode": "350104"}}}""");
        assertThat(classifications(loneSurrogate)).containsExactly("BAD_REQUEST");
        assertThat(loneSurrogate.toString()).contains("name must be text; it has half of a surrogate pair (U+D800 at character 3)");

        String id = as(TestUsers.ADMIN).document(CREATE).variable("input", Map.of("name", "测试原名小学", "type", "PRIMARY",
                "regionCode", "350104")).execute().path("createSchool.id").entity(String.class).get();
        String update = "mutation($id: ID!, $input: UpdateSchoolInput!) { updateSchool(id: $id, input: $input) { name } }";
        for (Map<String, Object> input : List.<Map<String, Object>>of(Map.of("name", "测试新名\n小学"),
                Map.of("aliases", List.of("测试\t别名")), Map.of("aliases", Collections.nCopies(51, "别名")))) {
            as(TestUsers.ADMIN).document(update).variable("id", id).variable("input", input).execute().errors().satisfy(errors ->
                    assertThat(errors).singleElement().satisfies(e ->
                            assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
        }
        graphQl.document("{ school(id: \"" + id + "\") { name aliases } }").execute()
                .path("school.name").entity(String.class).isEqualTo("测试原名小学")
                .path("school.aliases").entityList(String.class).hasSize(0);
        assertThat(schools()).isEqualTo(schools + 1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> postJson(TestUsers.User user, String json) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(user.name(), user.password()))
                .bodyValue(json).exchange().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void aNationalCodeBelongsToOneSchoolOnly() {
        Map<String, Object> input = Map.of("name", "甲校", "type", "PRIMARY", "regionCode", "350104", "nationalCode", "2135000002");
        as(TestUsers.ADMIN).document(CREATE).variable("input", input).execute().path("createSchool.id").hasValue();
        assertClassified(Map.of("name", "乙校", "type", "PRIMARY", "regionCode", "350104", "nationalCode", "2135000002"),
                "CONFLICT", "2135000002");
    }

    @Test
    void aSchoolJoinsAGroupOnce() {
        // A fictional kindergarten and group: no real school is said to join a real group.
        var kindergarten = testSchools.school("测试花园幼儿园", "KINDERGARTEN", org.edugraph.support.TestSchools.CANGSHAN);
        var group = testSchools.group("测试幼儿园教育集团", org.edugraph.support.TestSchools.CANGSHAN);
        String document = """
                mutation { addGroupMember(groupId: "%s", schoolId: "%s", role: MEMBER, since: "2022-09-01") {
                  role since school { name } group { name } } }""".formatted(group.id(), kindergarten.id());
        as(TestUsers.ADMIN).document(document).execute()
                .path("addGroupMember.school.name").entity(String.class).isEqualTo("测试花园幼儿园")
                .path("addGroupMember.since").entity(String.class).isEqualTo("2022-09-01");
        graphQl.document("query($id: ID!) { educationGroup(id: $id) { members { school { id } } } }").variable("id", group.id())
                .execute()
                .path("educationGroup.members[*].school.id").entityList(String.class).contains(kindergarten.id());
        assertThat(classifications(postAs(TestUsers.ADMIN, document))).containsExactly("CONFLICT");
        assertThat(classifications(postAs(TestUsers.ADMIN,
                "mutation { addGroupMember(groupId: \"no-group\", schoolId: \"" + kindergarten.id() + "\", role: MEMBER) { role } }")))
                .containsExactly("NOT_FOUND");
    }

    private void assertClassified(Map<String, Object> input, String classification, String message) {
        as(TestUsers.ADMIN).document(CREATE).variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("classification", classification);
            assertThat(errors.getFirst().getMessage()).contains(message);
        });
    }

    private long schools() {
        return graph.read("MATCH (s:School) RETURN count(s) AS n", Map.of()).getFirst().get("n").asLong();
    }
}
