package org.edugraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.edugraph.support.IntegrationTest;
import org.edugraph.support.TestSchools;
import org.edugraph.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A school moved out of a region-scoped admin's regions while that admin's write is in flight:
 * the write lands only if it committed before the move, never after it. The move, made as any
 * writer makes one (the school locked first), reports whether the school already had the
 * pairing when it moved it; a pairing that exists at the end although the move did not see it
 * was written after its mentor had left the admin's regions. Many tries, in both orders (the
 * move started first, the write started first, with random delays between them).
 */
class RegionScopeRaceTest extends IntegrationTest {

    private static final int TRIES = Integer.getInteger("edugraph.test.scope-race-tries", 120);

    @Autowired
    Driver driver;

    @AfterEach
    void clean() {
        removeWhatTestsWrote();
    }

    @Test
    void aWriteNeverLandsOnASchoolMovedOutOfTheWritersRegions() throws Exception {
        long seed = Long.getLong("edugraph.test.scope-race-seed", System.nanoTime());
        Random random = new Random(seed);
        TestSchools.School mentor = testSchools.school("范围竞态测试导师学校", TestSchools.CANGSHAN);
        TestSchools.School mentee = testSchools.school("范围竞态测试学员学校", TestSchools.CANGSHAN);
        String add = """
                mutation { addPairing(input: {mentorId: "%s", menteeId: "%s", kind: TARGETED_SUPPORT}) { id } }"""
                .formatted(mentor.id(), mentee.id());
        int landedBeforeTheMove = 0;
        int refusedAfterTheMove = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < TRIES; i++) {
                // Four kinds of try: the move started first and the write 0-3 ms after, or the write first and the
                // move 0-25 ms after (both racing), and once in four each the one after the other has finished, so
                // that both outcomes are seen whatever the machine's speed.
                int kind = i % 4;
                boolean moveFirst = kind == 0 || kind == 3;
                long delayNanos = TimeUnit.MICROSECONDS.toNanos(random.nextInt(moveFirst ? 3_000 : 25_000));
                CyclicBarrier start = new CyclicBarrier(2);
                java.util.concurrent.CountDownLatch firstDone = new java.util.concurrent.CountDownLatch(kind >= 2 ? 1 : 0);
                Future<Map<String, Object>> write = pool.submit(() -> {
                    start.await();
                    if (moveFirst) {
                        firstDone.await();
                        LockSupport.parkNanos(delayNanos);
                    }
                    try {
                        return postAs(TestUsers.CANGSHAN_ADMIN, add);
                    } finally {
                        if (!moveFirst) {
                            firstDone.countDown();
                        }
                    }
                });
                Future<Boolean> move = pool.submit(() -> {
                    start.await();
                    if (!moveFirst) {
                        firstDone.await();
                        LockSupport.parkNanos(delayNanos);
                    }
                    try {
                        return moveOut(mentor.id());
                    } finally {
                        if (moveFirst) {
                            firstDone.countDown();
                        }
                    }
                });
                boolean pairedWhenMoved = move.get(60, TimeUnit.SECONDS);
                Map<String, Object> response = write.get(60, TimeUnit.SECONDS);
                boolean landed = pairings(mentor.id()) > 0;
                if (landed) {
                    assertThat(pairedWhenMoved).as("try %d (seed %d): the pairing was written after its mentor left the "
                            + "admin's regions: %s", i, seed, response).isTrue();
                    landedBeforeTheMove++;
                } else {
                    assertThat(classifications(response)).as("try %d (seed %d)", i, seed).containsExactly("FORBIDDEN");
                    assertThat(response.toString()).contains("lies outside them");
                    refusedAfterTheMove++;
                }
                reset(mentor.id());
            }
        }
        System.out.printf("RegionScopeRaceTest: %d tries (seed %d): %d writes landed before the move, %d refused after it%n",
                TRIES, seed, landedBeforeTheMove, refusedAfterTheMove);
        // Both outcomes happened (the tries one after the other make sure of it).
        assertThat(landedBeforeTheMove).isPositive();
        assertThat(refusedAfterTheMove).isPositive();
    }

    /** Moves the school to 南安市, outside the 仓山区 admin's regions, as a writer does; whether it had a pairing then. */
    private boolean moveOut(String school) {
        try (var session = driver.session(); var tx = session.beginTransaction()) {
            tx.run(RegionScope.LOCK.formatted("School"), Map.of("ids", List.of(school))).consume();
            boolean paired = tx.run("""
                    MATCH (s:School {id: $id})-[l:LOCATED_IN]->()
                    DELETE l
                    WITH DISTINCT s
                    MATCH (r:Region {code: $to})
                    CREATE (s)-[:LOCATED_IN]->(r)
                    RETURN EXISTS { (s)<-[:MENTOR]-(:Pairing) } AS paired""",
                    Map.of("id", school, "to", TestSchools.NANAN)).single().get("paired").asBoolean();
            tx.commit();
            return paired;
        }
    }

    private long pairings(String mentor) {
        return graph.read("MATCH (:School {id: $id})<-[:MENTOR]-(p:Pairing) RETURN count(p) AS n", Map.of("id", mentor))
                .getFirst().get("n").asLong();
    }

    /** The mentor back in 仓山区 and its pairing gone, for the next try. */
    private void reset(String mentor) {
        graph.write("MATCH (:School {id: $id})<-[:MENTOR]-(p:Pairing) DETACH DELETE p", Map.of("id", mentor));
        graph.write("""
                MATCH (s:School {id: $id})-[l:LOCATED_IN]->() DELETE l
                WITH DISTINCT s MATCH (r:Region {code: $home}) CREATE (s)-[:LOCATED_IN]->(r)""",
                Map.of("id", mentor, "home", TestSchools.CANGSHAN));
    }
}
