package org.edugraph.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The problems of one import, bounded: it keeps only the first {@link #LIMIT} in row order
 * and counts the rest, so that a file of bad rows gets a report of a few hundred kilobytes,
 * not one larger than the file, and checking never holds more than the kept problems.
 */
public final class ImportErrors {

    /** The most problems a report lists; past them it says how many more there were. */
    public static final int LIMIT = 1_000;

    /** How many characters of a cell a message repeats; a longer one is cut, so that a message stays short. */
    private static final int SHOWN = 40;

    /** A list of allowed values, given in full at the first problem that needs it and referred to after. */
    public record Values(String what, String list) {
    }

    private record Entry(int row, long order, String message, Values values) {
    }

    private static final Comparator<Entry> IN_ROW_ORDER = Comparator.comparingInt(Entry::row).thenComparingLong(Entry::order);

    private final int limit;
    /** The kept problems, the last in row order at the head, to be dropped first when a problem of an earlier row comes. */
    private final PriorityQueue<Entry> kept = new PriorityQueue<>(IN_ROW_ORDER.reversed());
    private long found;
    private int firstUnlistedRow = Integer.MAX_VALUE;

    public ImportErrors() {
        this(LIMIT);
    }

    /** @param limit the most problems listed (a test's small number; imports use {@link #LIMIT}) */
    public ImportErrors(int limit) {
        this.limit = limit;
    }

    /** A problem of a row; problems of one row are listed in the order they were added. */
    public void add(int row, String message) {
        add(row, message, null);
    }

    /**
     * A problem whose message ends in a list of allowed values ("type 'x' is not one of"):
     * the first such problem listed ends with the list, the later ones with "the types listed
     * at row 8", so that 100,000 rows with an unknown type do not repeat the list 100,000 times.
     */
    public void add(int row, String message, Values values) {
        Entry entry = new Entry(row, found++, message, values);
        if (kept.size() < limit) {
            kept.add(entry);
            return;
        }
        Entry last = kept.peek();
        if (last != null && IN_ROW_ORDER.compare(entry, last) < 0) {
            kept.poll();
            kept.add(entry);
            entry = last;
        }
        firstUnlistedRow = Math.min(firstUnlistedRow, entry.row());
    }

    public void addAll(List<ImportError> errors) {
        errors.forEach(e -> add(e.row(), e.message()));
    }

    public boolean isEmpty() {
        return found == 0;
    }

    /** How many problems were found, listed or not. */
    public long found() {
        return found;
    }

    /**
     * The kept problems in row order, then, when there were more, one on the row of the
     * first problem left out, saying how many were left out.
     */
    public List<ImportError> inRowOrder() {
        List<Entry> entries = new ArrayList<>(kept);
        entries.sort(IN_ROW_ORDER);
        Map<Values, Integer> listedAt = new HashMap<>();
        List<ImportError> errors = new ArrayList<>(entries.size() + 1);
        for (Entry e : entries) {
            String message = e.message();
            if (e.values() != null) {
                Integer at = listedAt.putIfAbsent(e.values(), e.row());
                message += at == null ? " " + e.values().list()
                        : " the %s listed at row %d".formatted(e.values().what(), at);
            }
            errors.add(new ImportError(e.row(), message));
        }
        long unlisted = found - entries.size();
        if (unlisted > 0) {
            errors.add(new ImportError(firstUnlistedRow, String.format(Locale.ROOT,
                    "... and %,d more problems not listed, from this row on; the first %,d are", unlisted, entries.size())));
        }
        return errors;
    }

    /** A cell as a message repeats it: cut when long, so that a huge cell does not make a huge report. */
    public static String cut(String cell) {
        if (cell == null || cell.length() <= SHOWN) {
            return cell;
        }
        int end = Character.isHighSurrogate(cell.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
        return cell.substring(0, end) + "… (" + cell.length() + " characters)";
    }
}
