package org.edugraph.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;

import org.edugraph.support.ClockedIntegrationTest;
import org.edugraph.support.TestSchools;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every time an admin's write records comes from the application's clock, not the database's. */
class WriteTimestampsTest extends ClockedIntegrationTest {

    private static final Instant CREATED = Instant.parse("2031-03-02T01:00:00Z");
    private static final Instant UPDATED = Instant.parse("2031-04-05T06:07:08Z");

    @AfterEach
    void clean() {
        removeWhatTestsWrote();
        graph.write("MATCH (r:Region) WHERE r.code = '3505ZT9' DETACH DELETE r", Map.of());
    }

    @Test
    void schoolsMembershipsAndRegionsAreStampedWithTheApplicationsClock() {
        clock.set(CREATED);
        TestSchools.School school = testSchools.school("时钟测试学校", TestSchools.CANGSHAN);
        TestSchools.Group group = testSchools.group("时钟测试集团", TestSchools.CANGSHAN);
        assertThat(postAs(TestUsers.ADMIN, """
                mutation { addRegion(input: {code: "3505ZT9", name: "时钟测试区", level: COUNTY, parentCode: "350500"}) { code } }"""))
                .doesNotContainKey("errors");
        assertThat(postAs(TestUsers.ADMIN, "mutation { addGroupMember(groupId: \"%s\", schoolId: \"%s\", role: MEMBER) { role } }"
                .formatted(group.id(), school.id()))).doesNotContainKey("errors");
        clock.set(UPDATED);
        assertThat(postAs(TestUsers.ADMIN, "mutation { updateSchool(id: \"%s\", input: {name: \"时钟测试学校二\"}) { name } }"
                .formatted(school.id()))).doesNotContainKey("errors");

        var r = graph.read("""
                MATCH (s:School {id: $school})-[m:MEMBER_OF]->(), (region:Region {code: '3505ZT9'})
                RETURN s.createdAt AS created, s.updatedAt AS updated, m.createdAt AS joined, region.createdAt AS region""",
                Map.of("school", school.id())).getFirst();
        assertThat(instant(r.get("created").asZonedDateTime())).isEqualTo(CREATED);
        assertThat(instant(r.get("joined").asZonedDateTime())).isEqualTo(CREATED);
        assertThat(instant(r.get("region").asZonedDateTime())).isEqualTo(CREATED);
        assertThat(instant(r.get("updated").asZonedDateTime())).isEqualTo(UPDATED);
    }

    private static Instant instant(ZonedDateTime t) {
        return t.toInstant();
    }
}
