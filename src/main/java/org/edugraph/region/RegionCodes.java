package org.edugraph.region;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What to tell someone who gave a region code the graph does not know: the valid codes nearest
 * to it, those that share the longest start with it (a typo in the last digits keeps the
 * province and prefecture), then the numerically closest. {@code 350199} is near 350181 福清市.
 */
public final class RegionCodes {

    /** How many nearest codes a message names. */
    public static final int NEAREST = 3;

    private RegionCodes() {
    }

    /** The {@code n} codes of {@code known} (code to name) nearest to {@code code}, as "350181 福清市". */
    public static List<String> nearest(String code, Map<String, String> known, int n) {
        return nearestCodes(code, known.keySet(), n).stream().map(c -> c + " " + known.get(c)).toList();
    }

    static List<String> nearestCodes(String code, Collection<String> known, int n) {
        return known.stream().sorted(Comparator.comparingInt((String c) -> -commonPrefix(code, c))
                        .thenComparingInt(c -> Math.abs(c.length() - code.length()))
                        .thenComparingLong(c -> distance(code, c))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(n).toList();
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** How far apart two codes of digits of the same length are; any other pair is as far as can be. */
    private static long distance(String a, String b) {
        if (a.length() != b.length() || a.length() > 18 || !a.chars().allMatch(Character::isDigit)
                || !b.chars().allMatch(Character::isDigit)) {
            return Long.MAX_VALUE;
        }
        return Math.abs(Long.parseLong(a) - Long.parseLong(b));
    }
}
