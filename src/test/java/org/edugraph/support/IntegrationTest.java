package org.edugraph.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.edugraph.neo4j.Graph;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the tests that ask EduGraph questions as a client would: real HTTP to the
 * running application, which talks to the one real Neo4j of the test JVM, seeds loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(TestInProcessReads.class)
// Fails any test that changes the reports' facts: tests that write use schools of their own (TestSchools).
@org.junit.jupiter.api.extension.ExtendWith(SeedGuard.class)
// Many tests sign in wrongly on purpose, all from 127.0.0.1: the throttle has its own test (SignInThrottlingTest).
@org.springframework.test.context.TestPropertySource(properties = {
        "edugraph.security.sign-in.max-failures=100000", "edugraph.security.sign-in.max-failures-per-address=100000"})
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Graph graph;

    protected HttpGraphQlTester graphQl;
    protected WebTestClient http;
    /** Makes fictional schools, programs and groups for a test that writes. */
    protected TestSchools testSchools;

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        TestNeo4j.Server server = TestNeo4j.get();
        registry.add("spring.neo4j.uri", server::uri);
        if (server.password() != null) {
            registry.add("spring.neo4j.authentication.username", server::username);
            registry.add("spring.neo4j.authentication.password", server::password);
        }
        TestUsers.register(registry);
        registry.add("edugraph.security.trusted-origins[0]", () -> TRUSTED_ORIGIN);
        // Imports write in statements of this many rows, all in one transaction: small here, so that tests cross batches.
        registry.add("edugraph.imports.batch-size", () -> String.valueOf(IMPORT_BATCH));
    }

    /** A browser origin besides the service's own that the tests' application trusts with writes. */
    protected static final String TRUSTED_ORIGIN = "https://frontend.example.org";

    /** The import batch size of the tests' application. */
    protected static final int IMPORT_BATCH = 100;

    /** A GraphQL client that signs in as {@code user}. */
    protected HttpGraphQlTester as(TestUsers.User user) {
        return graphQl.mutate().headers(h -> h.setBasicAuth(user.name(), user.password())).build();
    }

    /** Posts a document signed in as {@code user} (null for nobody), returning the JSON as it came, whatever the status. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> postAs(TestUsers.User user, String document) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user.name(), user.password());
                    }
                })
                .bodyValue(Map.of("query", document))
                .exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Posts a CSV file to an import upload ({@code /import/pairings}...) as the admin, as a browser's form would; dryRun omitted. */
    protected WebTestClient.ResponseSpec uploadAsAdmin(String path, String filename, byte[] csv) {
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("file", new org.springframework.core.io.ByteArrayResource(csv) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return http.mutate().responseTimeout(Duration.ofMinutes(2)).build()
                .post().uri(path)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN.name(), TestUsers.ADMIN.password()))
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body).exchange();
    }

    /**
     * Removes what write tests made: every pairing, school, membership and audit record not from a seed,
     * and the programs and groups of {@link TestSchools}.
     */
    protected void removeWhatTestsWrote() {
        graph.write("MATCH (p:Pairing) WHERE p.seed IS NULL AND p.synthetic IS NULL DETACH DELETE p", Map.of());
        graph.write("MATCH (s:School) WHERE s.seed IS NULL AND s.synthetic IS NULL DETACH DELETE s", Map.of());
        graph.write("MATCH (:School)-[m:MEMBER_OF]->() WHERE m.seed IS NULL AND m.createdBy IS NOT NULL DELETE m", Map.of());
        TestSchools.remove(graph);
        graph.write("MATCH (e:AuditEvent) DELETE e", Map.of());
    }

    /** Posts a document as a client would, and returns the JSON response as it came. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> post(String document) {
        return post(document, Map.of());
    }

    /** Posts a document with variables, and returns the JSON response as it came. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> post(String document, Map<String, Object> variables) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document, "variables", variables))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The classifications of the errors of a response, in order. */
    @SuppressWarnings("unchecked")
    protected static List<String> classifications(Map<String, Object> response) {
        var errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
        return errors.stream().map(e -> String.valueOf(((Map<String, Object>) e.get("extensions")).get("classification"))).toList();
    }

    @BeforeEach
    void clients() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        graphQl = HttpGraphQlTester.create(http.mutate().baseUrl("http://localhost:" + port + "/graphql").build());
        testSchools = new TestSchools(http, graph);
    }
}
