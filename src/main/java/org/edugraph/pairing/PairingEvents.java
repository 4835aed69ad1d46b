package org.edugraph.pairing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.edugraph.EduGraphProperties;
import org.edugraph.api.ApiException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Pairing changes of this instance, published after their transaction commits and
 * multicast to every subscriber; a subscriber that cannot keep up loses the oldest.
 * Each subscriber's work (running its selection) happens on its own worker, never on the
 * writer's thread: a thousand subscribers do not slow a write. A client (an address) may
 * hold {@code edugraph.graphql.max-subscriptions-per-client} subscriptions at once.
 * Instances behind a load balancer each see their own changes only (see README).
 */
@Component
public class PairingEvents {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PairingEvents.class);

    private final Sinks.Many<PairingChange> sink = Sinks.many().multicast().directBestEffort();
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final int perClient;

    PairingEvents(EduGraphProperties properties) {
        this.perClient = properties.graphql().maxSubscriptionsPerClient();
    }

    void publish(PairingChange change) {
        sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    /** Whether anyone listens now: an import of a million rows builds its events only for a listener. */
    boolean hasSubscribers() {
        return sink.currentSubscriberCount() > 0;
    }

    public Flux<PairingChange> changes() {
        return sink.asFlux().onBackpressureBuffer(1000, dropped -> { }, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST)
                .publishOn(Schedulers.boundedElastic());
    }

    /**
     * The changes for one more subscription of {@code client}; BAD_REQUEST, logged once,
     * when the client already holds its share. Its place is given back when it ends.
     */
    public Flux<PairingChange> changes(String client) {
        AtomicInteger held = open.computeIfAbsent(client, k -> new AtomicInteger());
        if (held.incrementAndGet() > perClient) {
            held.decrementAndGet();
            log.warn("Subscription refused: {} holds {} subscriptions already", client, perClient);
            throw ApiException.badRequest("At most %d subscriptions may be open at once from one client; close one first"
                    .formatted(perClient));
        }
        return changes().doFinally(signal -> held.decrementAndGet());
    }

    /** How many subscriptions {@code client} holds now. */
    int held(String client) {
        AtomicInteger held = open.get(client);
        return held == null ? 0 : held.get();
    }
}
