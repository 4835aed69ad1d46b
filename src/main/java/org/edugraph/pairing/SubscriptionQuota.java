package org.edugraph.pairing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.edugraph.api.ApiException;

/**
 * How many subscriptions each client (an address) holds: at most {@code perClient} at once;
 * one more is BAD_REQUEST, logged once. A place is given back when a subscription ends.
 */
final class SubscriptionQuota {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubscriptionQuota.class);

    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final int perClient;

    SubscriptionQuota(int perClient) {
        this.perClient = perClient;
    }

    /** Takes a place for {@code client}, or refuses; {@link #release} gives it back. */
    void take(String client) {
        AtomicInteger held = open.computeIfAbsent(client, k -> new AtomicInteger());
        if (held.incrementAndGet() > perClient) {
            held.decrementAndGet();
            log.warn("Subscription refused: {} holds {} subscriptions already", client, perClient);
            throw ApiException.badRequest("At most %d subscriptions may be open at once from one client; close one first"
                    .formatted(perClient));
        }
    }

    void release(String client) {
        AtomicInteger held = open.get(client);
        if (held != null) {
            held.decrementAndGet();
        }
    }

    /** How many subscriptions {@code client} holds now. */
    int held(String client) {
        AtomicInteger held = open.get(client);
        return held == null ? 0 : held.get();
    }
}
