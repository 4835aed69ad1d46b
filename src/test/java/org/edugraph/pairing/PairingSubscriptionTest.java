package org.edugraph.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestSchools;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

/** Frontends watching pairings see each change within a second, over WebSocket and over SSE. */
class PairingSubscriptionTest extends IntegrationTest {

    private static final String SUBSCRIPTION = """
            subscription { pairingChanges { type pairingId by pairing { mentor { id } mentee { name } } } }""";

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void aWebSocketSubscriberSeesAnAddedPairingWithinASecondAndItsEndAndRemoval() throws Exception {
        var tester = WebSocketGraphQlTester.create(URI.create("ws://localhost:" + port + "/graphql-ws"),
                new StandardWebSocketClient()).mutate().build();
        AtomicLong firstArrival = new AtomicLong();
        CompletableFuture<List<Map>> received = new CompletableFuture<>();
        Disposable subscription = tester.document(SUBSCRIPTION).executeSubscription()
                .toFlux("pairingChanges", Map.class)
                .doOnNext(change -> firstArrival.compareAndSet(0, System.nanoTime()))
                .take(3).collectList()
                .subscribe(received::complete, received::completeExceptionally);
        try {
            Thread.sleep(700); // let the subscription reach the server
            long sent = System.nanoTime();
            String id = add();
            as(TestUsers.ADMIN).document("mutation($id: ID!) { endPairing(id: $id, endDate: \"2030-01-01\") { id } }")
                    .variable("id", id).execute();
            as(TestUsers.ADMIN).document("mutation($id: ID!) { removePairing(id: $id) }").variable("id", id).execute();
            var changes = received.get(5, TimeUnit.SECONDS);
            assertThat(changes).extracting(c -> c.get("type")).containsExactly("ADDED", "ENDED", "REMOVED");
            assertThat(changes).extracting(c -> c.get("pairingId")).containsOnly(id);
            assertThat(changes.getFirst().get("by")).isEqualTo("admin");
            assertThat(changes.getFirst().toString()).contains("测试订阅第二中学");
            assertThat((firstArrival.get() - sent) / 1_000_000).as("ms from sending addPairing to the change's arrival")
                    .isLessThan(1000);
        } finally {
            subscription.dispose();
            tester.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void aServerSentEventsSubscriberSeesAnAddedPairing() throws Exception {
        CompletableFuture<String> event = new CompletableFuture<>();
        // Not WebTestClient's exchange(): it blocks until the response's headers come, and the server sends them
        // with the first event or the first keep-alive (spring.graphql.http.sse.keep-alive, 15 s), so the test
        // waited 15 s for nothing. The stream is opened without blocking, and the test waits until the server
        // holds the subscription (under the address it comes from) instead.
        String client = "127.0.0.1";
        Disposable subscription = org.springframework.web.reactive.function.client.WebClient.create("http://" + client + ":" + port)
                .post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("query", SUBSCRIPTION))
                .retrieve().bodyToFlux(String.class)
                .filter(data -> data.contains("pairingChanges"))
                .next().subscribe(event::complete, event::completeExceptionally);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (events.held(client) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(events.held(client)).as("subscriptions the server holds for %s", client).isOne();
            Thread.sleep(700); // as for the WebSocket: from the subscription taken to its listening to the change log
            String id = add();
            String data = event.get(2, TimeUnit.SECONDS);
            assertThat(data).contains("ADDED").contains(id);
        } finally {
            subscription.dispose();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private PairingEvents events;

    private TestSchools.School mentor;
    private TestSchools.School mentee;

    /** Two fictional schools, made before a subscription starts so that it sees only the pairing's changes. */
    @org.junit.jupiter.api.BeforeEach
    void schools() {
        mentor = testSchools.school("测试订阅第一中学", TestSchools.CANGSHAN);
        mentee = testSchools.school("测试订阅第二中学", TestSchools.CANGSHAN);
    }

    private String add() {
        return as(TestUsers.ADMIN).document("""
                mutation($m: ID!, $e: ID!) { addPairing(input: {mentorId: $m, menteeId: $e, kind: OTHER}) { id } }""")
                .variable("m", mentor.id()).variable("e", mentee.id())
                .execute().path("addPairing.id").entity(String.class).get();
    }
}
