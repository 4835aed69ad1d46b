package org.edugraph.pairing;

import java.time.LocalDate;

/**
 * When a pairing is active: on every day from its start date to its end date, both
 * included; an absent start is "since always", an absent end "still running". The one
 * statement of that rule, in Java and in Cypher, so that the {@code active} field, the
 * {@code activeOn} filter and every analytic agree.
 */
public final class PairingActivity {

    private PairingActivity() {
    }

    /** True when a pairing with these dates is active on {@code day}. */
    public static boolean isActive(LocalDate start, LocalDate end, LocalDate day) {
        return (start == null || !start.isAfter(day)) && (end == null || !end.isBefore(day));
    }

    /**
     * The same rule as a Cypher condition over the pairing bound to {@code pairing}, for the
     * day that the Cypher expression {@code day} gives ({@code $day}, {@code k.activeOn}).
     */
    public static String cypher(String pairing, String day) {
        return "(%1$s.startDate IS NULL OR %1$s.startDate <= %2$s) AND (%1$s.endDate IS NULL OR %1$s.endDate >= %2$s)"
                .formatted(pairing, day);
    }
}
