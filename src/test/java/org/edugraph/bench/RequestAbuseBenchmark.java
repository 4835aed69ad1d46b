package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.edugraph.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A trivial query from one client while 8 others keep sending one field repeated 14,500 times
 * (72 KB, under the token limit), over HTTP for {@code bench.seconds} (15): prints the trivial
 * query's median, 99th percentile and worst latency, and how many attacks were answered and
 * how fast. Not part of `mvn test`; run with `mvn test -Pbench -Dtest=RequestAbuseBenchmark`.
 */
class RequestAbuseBenchmark extends IntegrationTest {

    private static final int ATTACKERS = Integer.getInteger("bench.attackers", 8);
    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));

    @Test
    void aTrivialQueryBesideEightRepeatedFieldAttacks() throws Exception {
        // HTTP/1.1, one connection per request in flight, each client its own pool: as separate programs would.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        HttpClient victim = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create("http://localhost:" + port + "/graphql");
        String attack = "{\"query\":\"{ regions { " + "code ".repeat(14_500) + "} }\"}";
        String trivial = "{\"query\":\"{ region(code: \\\"350104\\\") { name } }\"}";
        for (int i = 0; i < 20; i++) { // warm up both paths
            send(client, uri, attack);
            assertThat(send(client, uri, trivial)).contains("仓山区");
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong attacks = new AtomicLong();
        AtomicLong attackNanos = new AtomicLong();
        List<Thread> attackers = new ArrayList<>();
        for (int i = 0; i < ATTACKERS; i++) {
            attackers.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    long t = System.nanoTime();
                    send(client, uri, attack);
                    attackNanos.addAndGet(System.nanoTime() - t);
                    attacks.incrementAndGet();
                }
            }));
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            assertThat(send(victim, uri, trivial)).contains("仓山区");
            latencies.add(System.nanoTime() - t);
        }
        running.set(false);
        for (Thread attacker : attackers) {
            attacker.join();
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("%nBENCHMARK trivial query beside %d attackers for %d s: %d answered, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ATTACKERS, RUN.toSeconds(), sorted.size(), ms(sorted, 0.50), ms(sorted, 0.99), sorted.getLast() / 1e6);
        System.out.printf("BENCHMARK attacks answered: %d (%.1f/s), mean %.1f ms each%n", attacks.get(),
                attacks.get() / (double) RUN.toSeconds(), attackNanos.get() / 1e6 / Math.max(1, attacks.get()));
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile))) / 1e6;
    }

    private static String send(HttpClient client, URI uri, String body) {
        try {
            return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
