package org.edugraph.neo4j;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * The one read transaction of a GraphQL request over HTTP: opened by its first read,
 * shared by every read the request makes after it (the top-level field and every batch
 * below it, whatever thread runs them), and closed when the response is complete. A
 * request's reads then cost one session, one BEGIN and one end, not one each (Neo4j's
 * isolation is read committed: sharing a transaction does not make a snapshot).
 *
 * <p>A write ends it: the write runs in a transaction of its own, as always, and every
 * read after it in the same request runs in a transaction of its own too, so that it sees
 * the write. Reads are serialised on it (a driver transaction is not for concurrent use),
 * as they would be on one connection anyway.
 */
final class RequestTransaction {

    private final Supplier<Session> sessions;
    private final Function<Session, Transaction> begin;
    private final ReentrantLock lock = new ReentrantLock();
    private Session session;
    private Transaction transaction;
    private boolean ended;

    RequestTransaction(Supplier<Session> sessions, Function<Session, Transaction> begin) {
        this.sessions = sessions;
        this.begin = begin;
    }

    /** Runs {@code work} in the request's transaction, or {@code alone} when the request may not share one any more. */
    <T> T read(Function<Transaction, T> work, Supplier<T> alone) {
        lock.lock();
        try {
            if (!ended) {
                if (transaction == null) {
                    session = sessions.get();
                    transaction = begin.apply(session);
                }
                try {
                    return work.apply(transaction);
                } catch (RuntimeException e) {
                    // A failed statement fails its transaction: the reads after it go alone.
                    close();
                    ended = true;
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
        return alone.get();
    }

    /** Before a write: no read after it may use a transaction opened before it. */
    void endBeforeWrite() {
        lock.lock();
        try {
            close();
            ended = true;
        } finally {
            lock.unlock();
        }
    }

    /** When the response is complete. */
    void end() {
        endBeforeWrite();
    }

    private void close() {
        try {
            if (transaction != null && transaction.isOpen()) {
                transaction.close(); // a read: rolling back is committing nothing
            }
        } catch (RuntimeException e) {
            // already failed or timed out: nothing to give back
        } finally {
            transaction = null;
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }
}
