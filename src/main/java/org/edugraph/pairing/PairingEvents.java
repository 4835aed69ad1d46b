package org.edugraph.pairing;

import java.time.Duration;
import java.util.List;

import org.edugraph.EduGraphProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The pairing changes subscribers receive, read from the {@link PairingChangeLog} that
 * every instance writes: a change committed through any instance reaches the subscribers
 * of all of them, in commit order. While anyone subscribes, one thread of this instance
 * reads the log (at once after a write of this instance, else every
 * {@code edugraph.subscriptions.poll-interval}), loads what the changes need once (an
 * import's pairings, the schools) and multicasts them: a thousand subscribers cost one
 * read. Each subscriber's work (running its selection) happens on a worker of its own,
 * never on the reader's or a writer's thread; a subscriber that cannot keep up loses the
 * oldest. A client (an address) may hold {@code edugraph.graphql.max-subscriptions-per-client}
 * subscriptions at once.
 */
@Component
public class PairingEvents implements DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PairingEvents.class);
    /** Most changes read from the log in one statement; more are read at once after. */
    static final int READ_LIMIT = 200;

    private final Sinks.Many<PairingChange> sink = Sinks.many().multicast().directBestEffort();
    private final PairingChangeLog changeLog;
    private final SubscriptionQuota quota;
    private final Duration pollInterval;
    private final int importPairings;

    private final Object monitor = new Object();
    /** Guarded by monitor: subscriptions open, the last change number read, a write to read after. */
    private int listeners;
    private long after;
    private boolean nudged;
    private Thread reader;
    private volatile boolean stopped;

    PairingEvents(PairingChangeLog changeLog, EduGraphProperties properties) {
        this.changeLog = changeLog;
        this.quota = new SubscriptionQuota(properties.graphql().maxSubscriptionsPerClient());
        this.pollInterval = properties.subscriptions().pollInterval();
        this.importPairings = properties.graphql().maxPageSize();
    }

    /** A write of this instance committed a change: read the log now rather than at the next poll. */
    void committed() {
        synchronized (monitor) {
            nudged = true;
            monitor.notifyAll();
        }
    }

    /** Every change committed from now on, through any instance. */
    public Flux<PairingChange> changes() {
        return Flux.defer(() -> {
            listen();
            return sink.asFlux().doFinally(signal -> unlisten());
        }).subscribeOn(Schedulers.boundedElastic())
                .onBackpressureBuffer(1000, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
                .publishOn(Schedulers.boundedElastic());
    }

    /**
     * The changes for one more subscription of {@code client}; BAD_REQUEST, logged once,
     * when the client already holds its share. Its place is given back when it ends.
     */
    public Flux<PairingChange> changes(String client) {
        quota.take(client);
        return changes().doFinally(signal -> quota.release(client));
    }

    /** How many subscriptions {@code client} holds now. */
    int held(String client) {
        return quota.held(client);
    }

    private void listen() {
        synchronized (monitor) {
            if (listeners == 0) {
                after = changeLog.latest(); // a first subscriber sees what is committed from now on, not the past
            }
            listeners++;
            if (reader == null) {
                reader = Thread.ofPlatform().daemon().name("pairing-change-reader").start(this::read);
            }
        }
    }

    private void unlisten() {
        synchronized (monitor) {
            listeners--;
        }
    }

    private void read() {
        boolean failing = false;
        while (!stopped) {
            long from;
            synchronized (monitor) {
                try {
                    if (!nudged) {
                        monitor.wait(pollInterval.toMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                }
                nudged = false;
                if (listeners == 0 || stopped) {
                    continue;
                }
                from = after;
            }
            try {
                List<PairingChange> changes = changeLog.after(from, READ_LIMIT);
                for (PairingChange change : changes) {
                    if (change.type() == PairingChange.Type.IMPORTED) {
                        change = change.withPairings(changeLog.imported(change.importId(), importPairings));
                    }
                    sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
                }
                synchronized (monitor) {
                    if (!changes.isEmpty() && after == from) {
                        after = changes.getLast().sequence();
                    }
                    nudged |= changes.size() == READ_LIMIT; // more are waiting
                }
                if (failing) {
                    log.info("Reading the pairing change log works again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("Reading the pairing change log failed; subscribers wait until it works again", e);
                    failing = true;
                }
            }
        }
    }

    @Override
    public void destroy() {
        stopped = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
