package org.edugraph.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.edugraph.EduGraphApplication;
import org.edugraph.neo4j.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

/**
 * Two instances of the service behind one load balancer, as deployed: the first runs Neo4j
 * in-process, the second connects to it over Bolt. A subscriber of either instance sees
 * every change committed through either, in the same order with the same numbers, and an
 * import as one change.
 */
class CrossInstanceSubscriptionTest {

    private static final String ADMIN_PASSWORD = "cross-instance-admin-password";
    private static final String NEO4J_PASSWORD = "cross-instance-neo4j-password";
    private static final String SUBSCRIPTION = """
            subscription { pairingChanges { sequence type pairingId count by
              pairing { mentor { name } mentee { name } endDate } pairings(first: 5) { mentor { id } mentee { id } } } }""";

    @TempDir
    Path dataDir;

    @Test
    void aChangeCommittedThroughOneInstanceReachesTheSubscribersOfBoth() throws Exception {
        try (ConfigurableApplicationContext first = start("--edugraph.data-dir=" + dataDir, "--edugraph.neo4j.bolt-port=0",
                "--edugraph.neo4j.password=" + NEO4J_PASSWORD)) {
            String bolt = first.getBean(EmbeddedNeo4j.class).boltUri();
            try (ConfigurableApplicationContext second = start("--spring.neo4j.uri=" + bolt,
                    "--spring.neo4j.authentication.username=" + EmbeddedNeo4j.USER,
                    "--spring.neo4j.authentication.password=" + NEO4J_PASSWORD)) {
                assertThat(second.containsBean("embeddedNeo4j")).as("the second instance runs no Neo4j of its own").isFalse();
                var onFirst = subscribe(first);
                var onSecond = subscribe(second);
                try {
                    Thread.sleep(1000); // let both subscriptions reach their servers
                    WebTestClient a = client(first);
                    WebTestClient b = client(second);
                    post(a, "mutation { importSchools(csv: \"id,name,type,regionCode\\ncross-a,跨实例测试学校甲,PRIMARY,350104\\n"
                            + "cross-b,跨实例测试学校乙,PRIMARY,350104\\ncross-c,跨实例测试学校丙,PRIMARY,350104\\n\") { schoolsCreated } }");
                    String id = (String) ((Map<?, ?>) ((Map<?, ?>) post(a,
                            "mutation { addPairing(input: {mentorId: \"cross-a\", menteeId: \"cross-b\", kind: OTHER}) { id } }")
                            .get("data")).get("addPairing")).get("id");
                    post(b, "mutation { endPairing(id: \"" + id + "\", endDate: \"2030-06-30\") { id } }");
                    post(a, "mutation { removePairing(id: \"" + id + "\") }");
                    post(b, "mutation { importPairings(csv: \"mentorId,menteeId,kind\\ncross-a,cross-c,OTHER\\n"
                            + "cross-b,cross-c,OTHER\\n\") { pairingsCreated } }");
                    // The last change goes through the first instance again: each subscriber's last news is the other's.
                    String imported = post(a, "{ school(id: \"cross-a\") { mentoring { id } } }").toString()
                            .replaceAll(".*mentoring=\\[\\{id=([^}]+)}.*", "$1");
                    post(a, "mutation { endPairing(id: \"" + imported + "\", endDate: \"2031-01-31\") { id } }");

                    List<Map<String, Object>> seenByFirst = onFirst.received().get(20, TimeUnit.SECONDS);
                    List<Map<String, Object>> seenBySecond = onSecond.received().get(20, TimeUnit.SECONDS);
                    for (var seen : List.of(seenByFirst, seenBySecond)) {
                        // On a failure, every change as received (its number, type, pairing and dates) says which came when.
                        assertThat(seen).as("changes received: %s", seen)
                                .extracting(c -> c.get("type")).containsExactly("ADDED", "ENDED", "REMOVED", "IMPORTED", "ENDED");
                        assertThat(seen.subList(0, 3)).extracting(c -> c.get("pairingId")).containsOnly(id);
                        assertThat(seen.getFirst().toString()).contains("跨实例测试学校甲").contains("跨实例测试学校乙");
                        assertThat(seen.get(1).toString()).contains("endDate=2030-06-30");
                        assertThat(seen.get(3).get("count")).isEqualTo(2);
                        assertThat(seen.get(3).get("pairingId")).isNull();
                        assertThat(seen.get(3).get("pairings").toString()).contains("cross-a").contains("cross-b").contains("cross-c");
                        assertThat(seen.get(4).get("pairingId")).isEqualTo(imported);
                        assertThat(seen).extracting(c -> c.get("by")).containsOnly("admin");
                        List<Long> numbers = seen.stream().map(c -> Long.parseLong((String) c.get("sequence"))).toList();
                        assertThat(numbers).isSorted().doesNotHaveDuplicates();
                        assertThat(numbers.getLast() - numbers.getFirst()).as("no change between them is missing").isEqualTo(4);
                    }
                    assertThat(seenByFirst).extracting(c -> c.get("sequence"))
                            .containsExactlyElementsOf(seenBySecond.stream().map(c -> c.get("sequence")).toList());
                } finally {
                    onFirst.close();
                    onSecond.close();
                }
            }
        }
    }

    /** A WebSocket subscriber of {@code app} that collects its first five changes. */
    private static Subscriber subscribe(ConfigurableApplicationContext app) {
        var tester = WebSocketGraphQlTester.create(URI.create("ws://localhost:" + port(app) + "/graphql-ws"),
                new StandardWebSocketClient()).mutate().build();
        CompletableFuture<List<Map<String, Object>>> received = new CompletableFuture<>();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Disposable subscription = tester.document(SUBSCRIPTION).executeSubscription()
                .toFlux("pairingChanges", Map.class)
                .map(change -> (Map<String, Object>) change)
                .take(5).collectList()
                .subscribe(list -> received.complete(new ArrayList<>(list)), received::completeExceptionally);
        return new Subscriber(tester, subscription, received);
    }

    private record Subscriber(WebSocketGraphQlTester tester, Disposable subscription,
            CompletableFuture<List<Map<String, Object>>> received) {
        void close() {
            subscription.dispose();
            tester.stop().block(Duration.ofSeconds(5));
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        var all = new ArrayList<>(List.of("--server.port=0", "--edugraph.security.admin-password=" + ADMIN_PASSWORD));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(EduGraphApplication.class).run(all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port(app)).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> post(WebTestClient http, String document) {
        Map<String, Object> response = http.post().uri("/graphql").headers(h -> h.setBasicAuth("admin", ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", document))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(response).as(document).doesNotContainKey("errors");
        return response;
    }
}
