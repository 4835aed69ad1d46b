package org.edugraph.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The activity rule of a pairing, over any dates: both ends count, an open end never ends. */
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
}
