package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.edugraph.network.measures.Deadline;
import org.edugraph.network.measures.Measures;
import org.edugraph.network.measures.SchoolGraph;
import org.edugraph.seed.NetworkGenerator;
import org.junit.jupiter.api.Test;

/**
 * The heap the measures of a network need, from 20,000 schools to the national network
 * (520,000 schools, 1,000,000 pairings in 2,728 counties, as NationalBenchmark makes it),
 * computed in this JVM as the service computes them, without the database (the pairings
 * come from the generator, as the service's statement streams them). For each size: the
 * time of each step; the live heap (what a full collection leaves) holding the network's
 * arrays, and holding its measures when done; and the highest live heap any collection
 * saw while they were computed (the peak a heap must have room for). Not part of
 * `mvn test`; run with `mvn test -Pbench -Dtest=MeasuresMemoryBenchmark`
 * ({@code -Dbench.sizes=20000:40000,...} for other sizes). At national size label
 * propagation is stopped after {@code bench.nationalRounds} (5) rounds: its memory is that
 * of one round, its time grows with the rounds it takes to settle (reported for the
 * smaller sizes, where it runs to the end).
 */
class MeasuresMemoryBenchmark {

    @Test
    void heapOfTheMeasuresFromACountyToTheNation() {
        String sizes = System.getProperty("bench.sizes", "20000:40000,100000:200000,520000:1000000");
        int nationalRounds = Integer.getInteger("bench.nationalRounds", 5);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%nBENCHMARK measures memory, max heap %d MiB, %d processors%n", rt.maxMemory() >> 20,
                rt.availableProcessors());
        for (String size : sizes.split(",")) {
            int schools = Integer.parseInt(size.split(":")[0]);
            int pairings = Integer.parseInt(size.split(":")[1]);
            boolean national = schools >= 500_000;
            // 2,728 counties in 341 prefectures for the nation; a county per 200 schools below.
            int counties = national ? 2728 : Math.max(10, schools / 200);
            List<NetworkGenerator.County> list = new ArrayList<>();
            for (int c = 0; c < counties; c++) {
                list.add(new NetworkGenerator.County("B-C%04d".formatted(c), "县" + c, "B-P%03d".formatted(c * 341 / counties)));
            }
            var network = NetworkGenerator.generate(new NetworkGenerator.Spec("bench", "b-", schools, pairings, 2022, list,
                    LocalDate.of(2026, 12, 1)));
            java.util.Map<String, String> region = new java.util.HashMap<>();
            network.schools().forEach(s -> region.put(s.id(), s.regionCode()));
            long base = live();
            Peak peak = new Peak();
            long t0 = System.nanoTime();
            SchoolGraph.Builder builder = SchoolGraph.builder(Integer.MAX_VALUE, Integer.MAX_VALUE);
            network.pairings().forEach(p -> builder.add(p.id(), p.mentorId(), p.menteeId(), region.get(p.mentorId()),
                    region.get(p.menteeId())));
            SchoolGraph g = builder.build();
            long built = System.nanoTime();
            long graphHeap = live() - base;
            peak.start();
            long t1 = System.nanoTime();
            Measures m = Measures.of(g, new Measures.Settings(5_000, 1_000, national ? nationalRounds : 0), Deadline.none());
            long computed = System.nanoTime();
            long peakHeap = peak.stop() - base;
            long measuresHeap = live() - base;
            assertThat(m.graph().size()).isPositive();
            System.out.printf("BENCHMARK %,d schools %,d pairings (%,d links): build %,d ms, measures %,d ms %s%s%n", g.size(),
                    g.pairings(), g.links(), (built - t0) / 1_000_000, (computed - t1) / 1_000_000, m.millis(),
                    national ? " (label propagation stopped after " + nationalRounds + " rounds)" : "");
            System.out.printf("BENCHMARK   live heap: the network's arrays %,d MiB, with its measures %,d MiB; highest live heap "
                    + "while computing %,d MiB (%,d bytes per pairing)%n", graphHeap >> 20, measuresHeap >> 20, peakHeap >> 20,
                    peakHeap / Math.max(1, g.pairings()));
            m = null;
            g = null;
        }
    }

    /** The live heap: what a full collection leaves. */
    private static long live() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The highest heap in use after any collection while it runs: what the work kept alive at its fullest. */
    private static final class Peak {
        private final AtomicLong highest = new AtomicLong();
        private final List<Runnable> detach = new ArrayList<>();

        void start() {
            highest.set(0);
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    javax.management.NotificationListener listener = (n, h) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                            var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                    .mapToLong(MemoryUsage::getUsed).sum();
                            highest.accumulateAndGet(used, Math::max);
                        }
                    };
                    emitter.addNotificationListener(listener, null, null);
                    detach.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException e) {
                            // gone already
                        }
                    });
                }
            }
        }

        /** Stops watching; the highest live heap seen, or the heap in use now if no collection ran. */
        long stop() {
            // One last collection while the work's results are still held.
            System.gc();
            detach.forEach(Runnable::run);
            detach.clear();
            Runtime rt = Runtime.getRuntime();
            return Math.max(highest.get(), rt.totalMemory() - rt.freeMemory());
        }
    }
}
