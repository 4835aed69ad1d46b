package org.edugraph.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.edugraph.support.Unit;

/** The activity rule of a pairing, over any dates: both ends count, an open end never ends. */
@Unit
class PairingActivityTest {

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 20_000).map(n -> LocalDate.of(1990, 1, 1).plusDays(n));
    }

    @Property
    void activeOnExactlyTheDaysFromItsStartToItsEndBothIncluded(@ForAll("days") LocalDate start,
            @ForAll @IntRange(min = 0, max = 3000) int length, @ForAll @IntRange(min = -50, max = 3050) int offset) {
        LocalDate end = start.plusDays(length);
        LocalDate day = start.plusDays(offset);
        assertThat(PairingActivity.isActive(start, end, day)).isEqualTo(offset >= 0 && offset <= length);
    }

    /** The days a pairing's activity changes are exactly those on which it differs from the day before. */
    @Property(tries = 2000)
    void itsActivityChangesOnTheDaysChangesGivesAndOnNoOther(@ForAll("maybeDays") LocalDate start, @ForAll("maybeDays") LocalDate end) {
        net.jqwik.api.Assume.that(start == null || end == null || !end.isBefore(start));
        java.util.List<LocalDate> changes = PairingActivity.changes(start, end);
        assertThat(changes).isSorted().doesNotHaveDuplicates();
        for (LocalDate day = LocalDate.of(2022, 8, 15); day.isBefore(LocalDate.of(2022, 10, 25)); day = day.plusDays(1)) {
            boolean changed = PairingActivity.isActive(start, end, day) != PairingActivity.isActive(start, end, day.minusDays(1));
            assertThat(changes.contains(day)).as("%s for %s", day, PairingActivity.range(start, end)).isEqualTo(changed);
        }
    }

    @Property
    void anOpenEndNeverEndsAndAnOpenStartWasAlwaysThere(@ForAll("days") LocalDate start, @ForAll("days") LocalDate day) {
        assertThat(PairingActivity.isActive(start, null, day)).isEqualTo(!day.isBefore(start));
        assertThat(PairingActivity.isActive(null, start, day)).isEqualTo(!day.isAfter(start));
        assertThat(PairingActivity.isActive(null, null, day)).isTrue();
    }

    @Property
    void aPairingRecordAnswersAsTheRuleDoes(@ForAll("days") LocalDate start, @ForAll("days") LocalDate end, @ForAll("days") LocalDate day) {
        Pairing p = new Pairing("p", PairingKind.OTHER, null, null, null, start, end, null, null, null, false);
        assertThat(p.activeOn(day)).isEqualTo(!day.isBefore(start) && !day.isAfter(end));
    }

    /** A date range or an open end, over a short span so that ranges often touch and overlap. */
    @Provide
    Arbitrary<LocalDate> maybeDays() {
        return Arbitraries.integers().between(0, 60).map(n -> LocalDate.of(2022, 8, 20).plusDays(n)).injectNull(0.25);
    }

    /**
     * Uniqueness derives from activity: two identical pairings clash exactly when some day
     * exists on which both are active (checked day by day over a span that covers both).
     */
    @Property(tries = 3000)
    void twoRangesOverlapExactlyWhenADayHasBothActive(@ForAll("maybeDays") LocalDate aStart, @ForAll("maybeDays") LocalDate aEnd,
            @ForAll("maybeDays") LocalDate bStart, @ForAll("maybeDays") LocalDate bEnd) {
        net.jqwik.api.Assume.that(aStart == null || aEnd == null || !aEnd.isBefore(aStart));
        net.jqwik.api.Assume.that(bStart == null || bEnd == null || !bEnd.isBefore(bStart));
        boolean someDay = false;
        // Open ends reach past the span's edges: checking one day beyond each edge is enough.
        for (LocalDate day = LocalDate.of(2022, 8, 19); !day.isAfter(LocalDate.of(2022, 10, 20)); day = day.plusDays(1)) {
            someDay |= PairingActivity.isActive(aStart, aEnd, day) && PairingActivity.isActive(bStart, bEnd, day);
        }
        assertThat(PairingActivity.overlap(aStart, aEnd, bStart, bEnd)).isEqualTo(someDay);
        assertThat(PairingActivity.overlap(bStart, bEnd, aStart, aEnd)).as("symmetric").isEqualTo(someDay);
    }

    @org.junit.jupiter.api.Test
    void rangesReadAsPeopleWriteThem() {
        assertThat(PairingActivity.range(LocalDate.of(2022, 9, 1), null)).isEqualTo("2022-09-01 to (no end)");
        assertThat(PairingActivity.range(null, LocalDate.of(2023, 8, 31))).isEqualTo("(no start) to 2023-08-31");
    }
}
