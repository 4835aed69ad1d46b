package org.edugraph.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When a pairing is active: on every day from its start date to its end date, both
 * included; an absent start is "since always", an absent end "still running". The one
 * statement of that rule, in Java and in Cypher, so that the {@code active} field, the
 * {@code activeOn} filter and every analytic agree; and of the rule derived from it
 * that two identical pairings may not be active on the same day. Dates are calendar
 * dates of {@code edugraph.time-zone}; "today" comes from the application's clock.
 */
public final class PairingActivity {

    private PairingActivity() {
    }

    /** True when a pairing with these dates is active on {@code day}. */
    public static boolean isActive(LocalDate start, LocalDate end, LocalDate day) {
        return (start == null || !start.isAfter(day)) && (end == null || !end.isBefore(day));
    }

    /**
     * The days on which a pairing with these dates becomes active or stops being so, in
     * order: its start, and the day after its end (an absent end or start: none). Derived
     * from {@link #isActive}: on each of them its activity differs from the day before, and
     * on no other day.
     */
    public static List<LocalDate> changes(LocalDate start, LocalDate end) {
        List<LocalDate> days = new ArrayList<>(2);
        if (start != null) {
            days.add(start);
        }
        if (end != null && end.isBefore(LocalDate.MAX)) {
            days.add(end.plusDays(1));
        }
        return days;
    }

    /**
     * Whether two pairings with these dates are active on some day in common: two identical
     * pairings (same mentor, mentee, kind and program) may not, as they would be the same
     * fact twice. Derived from {@link #isActive}: they overlap exactly when a day exists on
     * which both are active.
     */
    public static boolean overlap(LocalDate aStart, LocalDate aEnd, LocalDate bStart, LocalDate bEnd) {
        return (aStart == null || bEnd == null || !aStart.isAfter(bEnd))
                && (bStart == null || aEnd == null || !bStart.isAfter(aEnd));
    }

    /**
     * {@link #overlap} as a Cypher condition: the pairing bound to {@code pairing} and a range
     * given by the Cypher expressions {@code start} and {@code end} (null for open).
     */
    public static String overlapCypher(String pairing, String start, String end) {
        return ("(%1$s.startDate IS NULL OR %3$s IS NULL OR %1$s.startDate <= %3$s)"
                + " AND (%2$s IS NULL OR %1$s.endDate IS NULL OR %2$s <= %1$s.endDate)").formatted(pairing, start, end);
    }

    /** A range as people read it: 2022-09-01 to 2023-08-31, "open" for an absent end or start. */
    public static String range(LocalDate start, LocalDate end) {
        return (start == null ? "(no start)" : start.toString()) + " to " + (end == null ? "(no end)" : end.toString());
    }

    /** The rule built with Cypher-DSL: the pairing {@code pairing} is active on the day {@code day}. */
    public static org.neo4j.cypherdsl.core.Condition condition(org.neo4j.cypherdsl.core.Node pairing,
            org.neo4j.cypherdsl.core.Expression day) {
        var start = pairing.property("startDate");
        var end = pairing.property("endDate");
        return start.isNull().or(start.lte(day)).and(end.isNull().or(end.gte(day)));
    }

    /**
     * {@link #condition} as text, for statements written as text: the pairing bound to
     * {@code pairing} is active on the day the Cypher expression {@code day} gives ({@code $day}, {@code k.activeOn}).
     */
    public static String cypher(String pairing, String day) {
        return org.edugraph.neo4j.CypherText.condition(condition(org.edugraph.neo4j.CypherText.node(pairing, null),
                org.edugraph.neo4j.CypherText.expression(day)));
    }
}
