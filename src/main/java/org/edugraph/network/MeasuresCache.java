package org.edugraph.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.edugraph.network.measures.Measures;

/**
 * The measures of the networks asked for lately, each kept while the data it was computed
 * from is unchanged: an entry answers only a request that finds the same data version
 * (the pairing change log's last number, and this instance's writes), so a new pairing is
 * seen by the next request. Least recently used entries leave first. A network asked for
 * by several requests at once is computed once; a computation that fails is not kept.
 */
final class MeasuresCache {

    private record Kept(DataVersion version, CompletableFuture<Measures> measures) {
    }

    private final int capacity;
    private final Map<Selection, Kept> entries;
    private long hits;
    private long misses;

    MeasuresCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Selection, Kept> eldest) {
                return size() > MeasuresCache.this.capacity;
            }
        };
    }

    /** The measures of {@code selection} at {@code version}: kept ones, or computed now by {@code compute}. */
    Measures get(Selection selection, DataVersion version, Supplier<Measures> compute) {
        CompletableFuture<Measures> mine;
        CompletableFuture<Measures> found;
        synchronized (this) {
            Kept entry = capacity > 0 ? entries.get(selection) : null;
            if (entry != null && entry.version().equals(version)) {
                hits++;
                found = entry.measures();
                mine = null;
            } else {
                misses++;
                found = null;
                mine = new CompletableFuture<>();
                if (capacity > 0) {
                    entries.put(selection, new Kept(version, mine));
                }
            }
        }
        if (found != null) {
            try {
                return found.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof org.edugraph.api.ApiException refusal) {
                    throw refusal; // the same refusal for every request that waited for it
                }
                // Another request's computation failed (its timeout, say): it was not kept; compute again for this one.
                return get(selection, version, compute);
            }
        }
        try {
            Measures measures = compute.get();
            mine.complete(measures);
            return measures;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                Kept entry = entries.get(selection);
                if (entry != null && entry.measures() == mine) {
                    entries.remove(selection);
                }
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Requests answered from kept measures, and those that computed them. */
    synchronized long[] counts() {
        return new long[] {hits, misses};
    }

    synchronized void clear() {
        entries.clear();
    }
}
