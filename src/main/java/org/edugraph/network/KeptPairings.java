package org.edugraph.network;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.edugraph.pairing.PairingFilter;

/**
 * The selected pairings of the filters asked about lately, each kept while the data is at
 * the version it was read at ({@link DataVersion}: the pairing change log's last
 * number and this instance's writes): the statistics, flows, changes, counts, trends and
 * measures of one filter then read its pairings once between them, not once each. At most
 * {@code entries} filters and {@code budget} pairings in all are kept, least recently used
 * out first; a selection of more than {@code budget} pairings is streamed each time it is
 * asked about and never kept, so that keeping never holds more than the budget in memory.
 */
final class KeptPairings {

    private record Kept(DataVersion version, List<PairingRow> rows) {
    }

    private final int entries;
    private final int budget;
    private final Map<PairingFilter, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long total;
    private long hits;
    private long misses;

    KeptPairings(int entries, int budget) {
        this.entries = entries;
        this.budget = budget;
    }

    /**
     * Feeds every pairing {@code filter} selects to {@code step}: the kept ones when they were
     * read at {@code version} (read before the data, so what is kept is at least as new as
     * it says), else those {@code read} streams now, kept if they fit and the read ends well.
     */
    void forEach(PairingFilter filter, DataVersion version, Consumer<Consumer<PairingRow>> read,
            Consumer<PairingRow> step) {
        List<PairingRow> found = null;
        synchronized (this) {
            Kept entry = kept.get(filter);
            if (entry != null && entry.version().equals(version)) {
                found = entry.rows();
                hits++;
            } else {
                misses++;
            }
        }
        if (found != null) {
            found.forEach(step);
            return;
        }
        List<PairingRow> rows = new ArrayList<>();
        boolean[] tooMany = {false};
        read.accept(row -> {
            if (!tooMany[0]) {
                if (rows.size() < budget) {
                    rows.add(row);
                } else {
                    tooMany[0] = true;
                    rows.clear();
                }
            }
            step.accept(row);
        });
        if (!tooMany[0] && entries > 0) {
            keep(filter, version, List.copyOf(rows));
        }
    }

    private synchronized void keep(PairingFilter filter, DataVersion version, List<PairingRow> rows) {
        Kept before = kept.put(filter, new Kept(version, rows));
        if (before != null) {
            total -= before.rows().size();
        }
        total += rows.size();
        // The least recently used leave first; the one just kept is the most recent.
        Iterator<Kept> eldest = kept.values().iterator();
        while ((kept.size() > entries || total > budget) && eldest.hasNext()) {
            Kept out = eldest.next();
            total -= out.rows().size();
            eldest.remove();
        }
    }

    /** Questions answered from kept pairings, and those that read them (for the tests). */
    synchronized long[] counts() {
        return new long[] {hits, misses};
    }

    /** How many filters and pairings are kept. */
    synchronized long[] size() {
        return new long[] {kept.size(), total};
    }

    synchronized void clear() {
        kept.clear();
        total = 0;
    }
}
