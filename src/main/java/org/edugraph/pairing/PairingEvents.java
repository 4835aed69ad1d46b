package org.edugraph.pairing;

import java.time.Duration;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Pairing changes of this instance, published after their transaction commits and
 * multicast to every subscriber; a subscriber that cannot keep up loses the oldest.
 * Instances behind a load balancer each see their own changes only (see README).
 */
@Component
public class PairingEvents {

    private final Sinks.Many<PairingChange> sink = Sinks.many().multicast().directBestEffort();

    void publish(PairingChange change) {
        sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    /** Whether anyone listens now: an import of a million rows builds its events only for a listener. */
    boolean hasSubscribers() {
        return sink.currentSubscriberCount() > 0;
    }

    public Flux<PairingChange> changes() {
        return sink.asFlux().onBackpressureBuffer(1000, dropped -> { }, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST);
    }
}
