package org.edugraph.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.edugraph.api.ApiException;
import org.edugraph.api.ErrorKind;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;

/** Subscribers cannot slow writers down, and one client cannot hold unbounded subscriptions. */
class SubscriberIsolationTest extends IntegrationTest {

    @Autowired
    PairingEvents events;

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    /**
     * A subscriber stuck in its work (here until the test lets it go) does not hold up the
     * write whose change it received: the write is answered while the subscriber still waits.
     */
    @Test
    void aStuckSubscriberDoesNotHoldUpAWrite() throws Exception {
        var writer = java.util.concurrent.Executors.newSingleThreadExecutor(); // WebTestClient hangs in the common pool
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch received = new CountDownLatch(1);
        Disposable stuck = events.changes().subscribe(change -> {
            received.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> postAs(TestUsers.ADMIN,
                    "mutation { importSchools(csv: \"id,name,type,regionCode\\nisolation-a,隔离测试学校甲,PRIMARY,350583\\n"
                            + "isolation-b,隔离测试学校乙,PRIMARY,350583\\n\") { schoolsCreated } }")
                    .toString() + postAs(TestUsers.ADMIN, "mutation { addPairing(input: {mentorId: \"isolation-a\","
                            + " menteeId: \"isolation-b\", kind: OTHER}) { id } }"), writer);
            String answer = write.get(20, TimeUnit.SECONDS).toString();
            assertThat(answer).contains("addPairing").doesNotContain("errors");
            assertThat(received.await(10, TimeUnit.SECONDS)).as("the subscriber got the change").isTrue();
            assertThat(release.getCount()).as("the subscriber is still stuck").isOne();
        } finally {
            release.countDown();
            stuck.dispose();
            writer.shutdownNow();
        }
    }

    @Test
    void aSubscriptionThatEndsGivesItsClientsPlaceBack() throws Exception {
        Disposable subscription = events.changes("10.9.9.9").subscribe();
        assertThat(events.held("10.9.9.9")).isOne();
        subscription.dispose();
        assertThat(events.held("10.9.9.9")).isZero();
    }

    @Test
    void aClientHoldsAtMostItsShareOfSubscriptionsAndGetsAPlaceBackWhenOneEnds() {
        SubscriptionQuota limited = new SubscriptionQuota(2);
        limited.take("10.0.0.1");
        limited.take("10.0.0.1");
        assertThatThrownBy(() -> limited.take("10.0.0.1")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
            assertThat(e.getMessage()).isEqualTo("At most 2 subscriptions may be open at once from one client; close one first");
        });
        limited.take("10.0.0.2");
        assertThat(limited.held("10.0.0.1")).isEqualTo(2);
        limited.release("10.0.0.1");
        assertThat(limited.held("10.0.0.1")).isOne();
        limited.take("10.0.0.1");
        assertThat(limited.held("10.0.0.1")).isEqualTo(2);
        limited.release("10.0.0.1");
        limited.release("10.0.0.1");
        limited.release("10.0.0.2");
        assertThat(limited.held("10.0.0.1")).isZero();
    }

    /**
     * The subscription one too many is refused as BAD_REQUEST with its reason on both transports
     * (it used to be INTERNAL_ERROR "Subscription error", with no reason and no incident). The
     * client's places are taken first in-process, under the address the test connects from.
     */
    @Test
    void theSubscriptionOneTooManyIsABadRequestWithItsReasonOverBothTransports() throws Exception {
        String client = "127.0.0.1";
        java.util.List<Disposable> held = new java.util.ArrayList<>();
        try {
            while (events.held(client) < 20) {
                held.add(events.changes(client).subscribe());
            }
            String document = "subscription { pairingChanges { type } }";
            String reason = "At most 20 subscriptions may be open at once from one client; close one first";

            String sse = http.mutate().baseUrl("http://" + client + ":" + port).build()
                    .post().uri("/graphql").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .accept(org.springframework.http.MediaType.TEXT_EVENT_STREAM)
                    .bodyValue(java.util.Map.of("query", document))
                    .exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody().collectList().block(java.time.Duration.ofSeconds(10))
                    .toString();
            assertThat(sse).contains("\"classification\":\"BAD_REQUEST\"").contains(reason).doesNotContain("Subscription error");

            var socket = org.springframework.graphql.test.tester.WebSocketGraphQlTester.create(
                    java.net.URI.create("ws://" + client + ":" + port + "/graphql-ws"),
                    new org.springframework.web.reactive.socket.client.StandardWebSocketClient()).mutate().build();
            try {
                assertThatThrownBy(() -> socket.document(document).executeSubscription().toFlux("pairingChanges", java.util.Map.class)
                        .blockFirst(java.time.Duration.ofSeconds(10)))
                        .isInstanceOfSatisfying(org.springframework.graphql.client.SubscriptionErrorException.class, e -> {
                            assertThat(e.getErrors()).singleElement().satisfies(error -> {
                                assertThat(error.getMessage()).isEqualTo(reason);
                                assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
                            });
                        });
            } finally {
                socket.stop().block(java.time.Duration.ofSeconds(5));
            }
        } finally {
            held.forEach(Disposable::dispose);
        }
    }
}
