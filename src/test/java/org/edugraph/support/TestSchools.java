package org.edugraph.support;

import java.util.Map;
import java.util.UUID;

import org.edugraph.neo4j.Graph;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Fictional schools, programs and groups for the tests that write, so that none of them
 * pairs, moves or renames a real school (see {@link SeedGuard}). Schools are made through
 * the API as an admin would, in real region codes when a test is about region scopes;
 * programs and groups, which the API cannot make, by Cypher, marked {@code fixture: true}.
 * {@link IntegrationTest#removeWhatTestsWrote()} removes them all.
 */
public final class TestSchools {

    /** 仓山区, the region of the 仓山区 admin. */
    public static final String CANGSHAN = "350104";
    /** 南安市, a county of 泉州市: outside the 仓山区 admin's regions. */
    public static final String NANAN = "350583";

    public record School(String id, String name, String regionCode) {
    }

    public record Program(String id, String name, String regionCode) {
    }

    public record Group(String id, String name, String regionCode) {
    }

    private final WebTestClient http;
    private final Graph graph;

    TestSchools(WebTestClient http, Graph graph) {
        this.http = http;
        this.graph = graph;
    }

    /** A primary school of this name in this region, made by the admin through createSchool; its id is the API's. */
    public School school(String name, String regionCode) {
        return school(name, "PRIMARY", regionCode);
    }

    /** A school of this name, SchoolType and region, made by the admin through createSchool. */
    @SuppressWarnings("unchecked")
    public School school(String name, String type, String regionCode) {
        Map<String, Object> response = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .bodyValue(Map.of("query", "mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }",
                        "variables", Map.of("input", Map.of("name", name, "type", type, "regionCode", regionCode))))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        if (response == null || response.containsKey("errors")) {
            throw new IllegalStateException("Could not create the test school " + name + ": " + response);
        }
        String id = (String) ((Map<String, Object>) ((Map<String, Object>) response.get("data")).get("createSchool")).get("id");
        return new School(id, name, regionCode);
    }

    /** A partnership program of the test's own in this region. */
    public Program program(String name, String regionCode) {
        return new Program(fixture("Program", "PARTNERSHIP", "test-program-", name, regionCode), name, regionCode);
    }

    /** An education group of the test's own in this region. */
    public Group group(String name, String regionCode) {
        return new Group(fixture("EducationGroup", "GROUP", "test-group-", name, regionCode), name, regionCode);
    }

    /** Creates a node of {@code label} (no mutation creates one) marked as a fixture, in the region; returns its id. */
    private String fixture(String label, String kind, String idPrefix, String name, String regionCode) {
        String id = idPrefix + UUID.randomUUID();
        graph.write("""
                MATCH (r:Region {code: $region})
                CREATE (n:%s {id: $id, name: $name, kind: $kind, fixture: true})-[:LOCATED_IN]->(r)""".formatted(label),
                Map.of("id", id, "name", name, "kind", kind, "region", regionCode));
        return id;
    }

    /** Removes the programs and groups made here (the schools go with every school not from a seed). */
    static void remove(Graph graph) {
        graph.write("MATCH (n:Program|EducationGroup) WHERE n.fixture = true DETACH DELETE n", Map.of());
    }
}
