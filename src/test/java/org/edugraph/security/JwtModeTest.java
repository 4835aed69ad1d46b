package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The resource-server mode: tokens of an issuer (here a key made for the test), roles
 * and regions from configurable claims.
 */
class JwtModeTest extends IntegrationTest {

    private static final KeyPair ISSUER = rsa();
    private static final KeyPair STRANGER = rsa();

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("edugraph.security.mode", () -> "JWT");
        registry.add("edugraph.security.jwt.roles-claim", () -> "edugraph_roles");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", JwtModeTest::publicKeyFile);
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void anAdminTokenMayWriteAndIsRecordedByItsSubject() {
        String token = token(ISSUER, "alice@bureau", List.of("ADMIN"), null); // no regions claim: every region
        // Schools of the test's own, so that no real school is said to pair with another.
        for (String id : List.of("jwt-test-mentor", "jwt-test-mentee")) {
            assertThat(postWithToken(token, "mutation { importSchools(csv: \"id,name,type,regionCode\\n" + id
                    + ",令牌测试学校" + id + ",PRIMARY,350583\\n\") { schoolsCreated } }")).doesNotContainKey("errors");
        }
        Map<String, Object> response = postWithToken(token,
                "mutation { addPairing(input: {mentorId: \"jwt-test-mentor\", menteeId: \"jwt-test-mentee\", kind: OTHER}) { createdBy } }");
        assertThat(response).doesNotContainKey("errors");
        assertThat(response.toString()).contains("createdBy=alice@bureau");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aTokenWithoutTheAdminRoleIsForbiddenAndAForgedOneUnauthorized(
            org.springframework.boot.test.system.CapturedOutput output) {
        String pairing = pairingOfTheTestsOwn();
        String mutation = "mutation { removePairing(id: \"" + pairing + "\") }";
        assertThat(classifications(postWithToken(token(ISSUER, "bob", List.of("READER"), List.of()), mutation)))
                .containsExactly("FORBIDDEN");
        assertThat(classifications(postWithToken(token(STRANGER, "mallory", List.of("ADMIN"), List.of()), mutation)))
                .containsExactly("UNAUTHORIZED");
        assertThat(classifications(postWithToken(null, mutation))).containsExactly("UNAUTHORIZED");
        // The forged token is logged as a failed sign-in (and counted by the throttle), the token itself never.
        assertThat(output.getOut()).contains("Failed sign-in as a bearer token from 127.0.0.1");
        graphQl.document("query($id: ID!) { pairing(id: $id) { id } }").variable("id", pairing).execute().path("pairing.id").hasValue();
    }

    @Test
    void aTokenWithoutAnExpiryOrASubjectIsUnauthorized() {
        String pairing = pairingOfTheTestsOwn();
        String mutation = "mutation { removePairing(id: \"" + pairing + "\") }";
        JwtClaimsSet noExpiry = JwtClaimsSet.builder().subject("dave").issuedAt(Instant.now())
                .claim("edugraph_roles", List.of("ADMIN")).build();
        JwtClaimsSet noSubject = JwtClaimsSet.builder().issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .claim("edugraph_roles", List.of("ADMIN")).build();
        JwtClaimsSet blankSubject = JwtClaimsSet.builder().subject(" ").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).claim("edugraph_roles", List.of("ADMIN")).build();
        for (JwtClaimsSet claims : List.of(noExpiry, noSubject, blankSubject)) {
            assertThat(classifications(postWithToken(sign(ISSUER, claims), mutation))).as(claims.getClaims().toString())
                    .containsExactly("UNAUTHORIZED");
        }
        graphQl.document("query($id: ID!) { pairing(id: $id) { id } }").variable("id", pairing).execute().path("pairing.id").hasValue();
    }

    @Test
    void anEmptyRegionsClaimScopesAnAdminToNoRegionNotToEvery() {
        String before = graph.read("MATCH (n) RETURN count(n) AS n", Map.of()).getFirst().toString();
        for (Object empty : List.of(List.of(), "")) {
            String token = sign(ISSUER, JwtClaimsSet.builder().subject("erin").issuedAt(Instant.now())
                    .expiresAt(Instant.now().plusSeconds(300)).claim("edugraph_roles", List.of("ADMIN"))
                    .claim("regions", empty).build());
            Map<String, Object> response = postWithToken(token, "mutation { createSchool(input: {name: \"无区域测试学校\","
                    + " type: PRIMARY, regionCode: \"350104\"}) { id } }");
            assertThat(classifications(response)).containsExactly("FORBIDDEN");
            assertThat(response.toString()).contains("erin may change the graph in no region (its list of regions is empty)");
        }
        assertThat(graph.read("MATCH (n) RETURN count(n) AS n", Map.of()).getFirst().toString()).isEqualTo(before);
    }

    @Test
    void theRegionsClaimScopesAnAdmin() {
        String token = token(ISSUER, "carol", List.of("ADMIN"), List.of("350104"));
        // A school of 南安市 (泉州市), outside 仓山区, made by an admin of every region.
        String quanzhou = importSchool(token(ISSUER, "alice@bureau", List.of("ADMIN"), null), "jwt-test-nanan");
        assertThat(classifications(postWithToken(token,
                "mutation { updateSchool(id: \"" + quanzhou + "\", input: {name: \"x\"}) { id } }"))).containsExactly("FORBIDDEN");
    }

    /** A school of the test's own in 南安市, imported with this token. */
    private String importSchool(String token, String id) {
        assertThat(postWithToken(token, "mutation { importSchools(csv: \"id,name,type,regionCode\\n" + id
                + ",令牌测试学校" + id + ",PRIMARY,350583\\n\") { schoolsCreated } }")).doesNotContainKey("errors");
        return id;
    }

    /** A pairing of two schools of the test's own, made with an admin token. */
    private String pairingOfTheTestsOwn() {
        String admin = token(ISSUER, "alice@bureau", List.of("ADMIN"), null);
        String mentor = importSchool(admin, "jwt-test-mentor");
        String mentee = importSchool(admin, "jwt-test-mentee");
        Map<String, Object> response = postWithToken(admin, "mutation { addPairing(input: {mentorId: \"" + mentor
                + "\", menteeId: \"" + mentee + "\", kind: OTHER}) { id } }");
        assertThat(response).doesNotContainKey("errors");
        @SuppressWarnings("unchecked")
        var data = (Map<String, Map<String, Object>>) response.get("data");
        return (String) data.get("addPairing").get("id");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> postWithToken(String token, String document) {
        return http.post().uri("/graphql").headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                }).bodyValue(Map.of("query", document)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String token(KeyPair keys, String subject, List<String> roles, List<String> regions) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).claim("edugraph_roles", roles)
                .claims(c -> {
                    if (regions != null) {
                        c.put("regions", regions);
                    }
                }).build();
        return sign(keys, claims);
    }

    private static String sign(KeyPair keys, JwtClaimsSet claims) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate()).build();
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyFile() {
        try {
            Path file = Files.createTempFile("edugraph-issuer", ".pub");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ISSUER.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
