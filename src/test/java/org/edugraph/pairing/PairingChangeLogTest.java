package org.edugraph.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.edugraph.neo4j.Graph;
import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;

/**
 * The change log behind subscriptions: every committed change has a number, in commit
 * order and without gaps, even when writers run at once; an import is one change; the
 * work a change needs is done once, whatever the number of subscribers; old entries go.
 */
class PairingChangeLogTest extends IntegrationTest {

    /** Fictional schools of this test, never a real one. */
    private static final int SCHOOLS = 16;

    @Autowired
    PairingEvents events;

    @Autowired
    PairingChangeLog changeLog;

    @BeforeEach
    void schools() {
        StringBuilder csv = new StringBuilder("id,name,type,regionCode\\n");
        for (int i = 0; i < SCHOOLS; i++) {
            csv.append("changelog-%02d,变更日志测试学校%02d,PRIMARY,350583\\n".formatted(i, i));
        }
        assertThat(postAs(TestUsers.ADMIN, "mutation { importSchools(csv: \"" + csv + "\") { schoolsCreated } }").toString())
                .contains("schoolsCreated=" + SCHOOLS);
    }

    @AfterEach
    void cleanUp() {
        removeWhatTestsWrote();
    }

    @Test
    void writersAtOnceGetConsecutiveNumbersInTheOrderTheyCommitted() throws Exception {
        long before = changeLog.latest();
        var writers = Executors.newFixedThreadPool(8); // WebTestClient hangs in the common pool
        try {
            List<CompletableFuture<String>> adds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String mutation = "mutation { addPairing(input: {mentorId: \"changelog-%02d\", menteeId: \"changelog-%02d\", kind: OTHER}) { id } }"
                        .formatted(i, i + 8);
                adds.add(CompletableFuture.supplyAsync(() -> postAs(TestUsers.ADMIN, mutation).toString(), writers));
            }
            for (var add : adds) {
                assertThat(add.get(30, TimeUnit.SECONDS)).doesNotContain("errors");
            }
        } finally {
            writers.shutdownNow();
        }
        List<PairingChange> logged = changeLog.after(before, 100);
        assertThat(logged).extracting(PairingChange::sequence)
                .containsExactly(java.util.stream.LongStream.rangeClosed(before + 1, before + 8).boxed().toArray(Long[]::new));
        assertThat(logged).extracting(PairingChange::type).containsOnly(PairingChange.Type.ADDED);
        assertThat(logged).extracting(c -> c.pairing().mentor().name()).allMatch(name -> name.startsWith("变更日志测试学校"));
        assertThat(changeLog.latest()).isEqualTo(before + 8);
    }

    @Test
    void anImportIsOneChangeThatEverySubscriberReceivesAsTheSameLoadedObject() throws Exception {
        int subscribers = 5;
        List<PairingChange> received = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(subscribers);
        List<Disposable> subscriptions = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            subscriptions.add(events.changes().subscribe(change -> {
                received.add(change);
                all.countDown();
            }));
        }
        try {
            Thread.sleep(300); // the subscriptions are made on a worker
            String rows = "mentorId,menteeId,kind\\nchangelog-00,changelog-01,OTHER\\nchangelog-00,changelog-02,OTHER\\n"
                    + "changelog-03,changelog-04,ONE_TO_ONE\\n";
            assertThat(postAs(TestUsers.ADMIN, "mutation { importPairings(csv: \"" + rows + "\") { pairingsCreated } }").toString())
                    .contains("pairingsCreated=3");
            assertThat(all.await(10, TimeUnit.SECONDS)).as("every subscriber got the import").isTrue();
            Thread.sleep(500); // nothing more arrives: one change for the whole import, not one per row
            assertThat(received).hasSize(subscribers);
            PairingChange change = received.getFirst();
            assertThat(change.type()).isEqualTo(PairingChange.Type.IMPORTED);
            assertThat(change.count()).isEqualTo(3);
            assertThat(change.by()).isEqualTo("admin");
            assertThat(change.pairings()).extracting(p -> p.mentor().id() + ">" + p.mentee().id())
                    .containsExactlyInAnyOrder("changelog-00>changelog-01", "changelog-00>changelog-02", "changelog-03>changelog-04");
            assertThat(received).as("loaded once and shared, not looked up per subscriber").allSatisfy(c -> assertThat(c).isSameAs(change));
        } finally {
            subscriptions.forEach(Disposable::dispose);
        }
    }

    @Test
    void aRemovalShowsThePairingAsItWasAndASubscriberSeesItsFieldsOverGraphQl() throws Exception {
        String id = postAs(TestUsers.ADMIN, """
                mutation { addPairing(input: {mentorId: "changelog-05", menteeId: "changelog-06", kind: TARGETED_SUPPORT,
                  startDate: "2024-09-01", note: "测试"}) { id } }""").toString().replaceAll(".*id=([^}]+)}.*", "$1");
        long before = changeLog.latest();
        assertThat(postAs(TestUsers.ADMIN, "mutation { removePairing(id: \"" + id + "\") }").toString()).doesNotContain("errors");
        PairingChange removed = changeLog.after(before, 10).getFirst();
        assertThat(removed.type()).isEqualTo(PairingChange.Type.REMOVED);
        assertThat(removed.pairing().id()).isEqualTo(id);
        assertThat(removed.pairing().kind()).isEqualTo(PairingKind.TARGETED_SUPPORT);
        assertThat(removed.pairing().startDate()).hasToString("2024-09-01");
        assertThat(removed.pairing().note()).isEqualTo("测试");
        assertThat(removed.pairing().mentee().name()).isEqualTo("变更日志测试学校06");
    }

    @Test
    void entriesOlderThanTheCutOffAreRemovedAndNewerOnesKept() {
        long before = changeLog.latest();
        postAs(TestUsers.ADMIN, "mutation { addPairing(input: {mentorId: \"changelog-07\", menteeId: \"changelog-08\", kind: OTHER}) { id } }");
        OffsetDateTime written = changeLog.after(before, 10).getFirst().at();
        graph.write(Graph.Write.retried(), tx -> changeLog.prune(tx, written, PairingChangeLog.PRUNE_LIMIT));
        assertThat(changeLog.after(before, 10)).as("written at the cut-off: kept").hasSize(1);
        long removed = graph.write(Graph.Write.retried(), tx -> changeLog.prune(tx, written.plusSeconds(1), PairingChangeLog.PRUNE_LIMIT));
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(changeLog.after(before, 10)).isEmpty();
        assertThat(changeLog.latest()).as("numbers go on after a prune").isEqualTo(before + 1);
    }
}
