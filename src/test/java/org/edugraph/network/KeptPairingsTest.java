package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.edugraph.pairing.PairingFilter;
import org.edugraph.support.Unit;
import org.junit.jupiter.api.Test;

/** Which selected pairings are kept, for how long, and that a kept answer is the one read. */
@Unit
class KeptPairingsTest {

    private static final DataVersion V1 = new DataVersion(1, 0);
    private static final DataVersion V2 = new DataVersion(2, 0);

    private static PairingFilter region(String code) {
        return new PairingFilter(null, null, code, null, null, null);
    }

    private static List<PairingRow> rows(int n) {
        return IntStream.range(0, n).mapToObj(i -> new PairingRow("p" + i, "m" + i, "e" + i, "A", "B")).toList();
    }

    /** A reader of {@code rows} that counts how often it was asked. */
    private static class Reader implements Consumer<Consumer<PairingRow>> {
        final List<PairingRow> rows;
        int reads;

        Reader(List<PairingRow> rows) {
            this.rows = rows;
        }

        @Override
        public void accept(Consumer<PairingRow> step) {
            reads++;
            rows.forEach(step);
        }
    }

    private static List<PairingRow> ask(KeptPairings kept, PairingFilter filter, DataVersion version, Reader reader) {
        List<PairingRow> got = new ArrayList<>();
        kept.forEach(filter, version, reader, got::add);
        return got;
    }

    @Test
    void aFilterAskedAgainAtTheSameVersionIsNotReadAgainAndGetsTheSamePairings() {
        KeptPairings kept = new KeptPairings(4, 100);
        Reader reader = new Reader(rows(10));
        assertThat(ask(kept, region("A"), V1, reader)).isEqualTo(reader.rows);
        assertThat(ask(kept, region("A"), V1, reader)).isEqualTo(reader.rows);
        assertThat(reader.reads).isEqualTo(1);
        assertThat(kept.counts()).containsExactly(1, 1);
        // Another version of the data, or another filter: read.
        assertThat(ask(kept, region("A"), V2, reader)).isEqualTo(reader.rows);
        ask(kept, region("B"), V2, reader);
        assertThat(reader.reads).isEqualTo(3);
    }

    @Test
    void aSelectionLargerThanTheBudgetIsStreamedWholeEachTimeAndNeverKept() {
        KeptPairings kept = new KeptPairings(4, 100);
        Reader large = new Reader(rows(101));
        assertThat(ask(kept, region("A"), V1, large)).isEqualTo(large.rows);
        assertThat(ask(kept, region("A"), V1, large)).isEqualTo(large.rows);
        assertThat(large.reads).isEqualTo(2);
        assertThat(kept.size()).containsExactly(0, 0);
        // Exactly the budget fits.
        Reader fits = new Reader(rows(100));
        ask(kept, region("B"), V1, fits);
        ask(kept, region("B"), V1, fits);
        assertThat(fits.reads).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedLeaveFirstWhenTheEntriesOrTheBudgetAreFull() {
        KeptPairings kept = new KeptPairings(2, 100);
        Reader a = new Reader(rows(40));
        Reader b = new Reader(rows(40));
        Reader c = new Reader(rows(40));
        ask(kept, region("A"), V1, a);
        ask(kept, region("B"), V1, b);
        ask(kept, region("A"), V1, a); // A used last: B is the eldest
        ask(kept, region("C"), V1, c); // three entries, two allowed: B leaves
        assertThat(kept.size()).containsExactly(2, 80);
        ask(kept, region("A"), V1, a);
        ask(kept, region("B"), V1, b);
        assertThat(a.reads).isEqualTo(1);
        assertThat(b.reads).isEqualTo(2);
        // The budget: 40 + 70 > 100, so the eldest (A, then B...) leave until the new one fits.
        KeptPairings small = new KeptPairings(10, 100);
        ask(small, region("A"), V1, a);
        ask(small, region("B"), V1, new Reader(rows(70)));
        assertThat(small.size()).containsExactly(1, 70);
    }

    @Test
    void aReadThatFailsKeepsNothing() {
        KeptPairings kept = new KeptPairings(4, 100);
        Reader failing = new Reader(rows(5)) {
            @Override
            public void accept(Consumer<PairingRow> step) {
                super.accept(step);
                throw new IllegalStateException("the read failed after its rows");
            }
        };
        assertThatThrownBy(() -> ask(kept, region("A"), V1, failing)).isInstanceOf(IllegalStateException.class);
        assertThat(kept.size()).containsExactly(0, 0);
        Reader good = new Reader(rows(5));
        ask(kept, region("A"), V1, good);
        assertThat(good.reads).isEqualTo(1);
    }

    @Test
    void noEntriesKeepsNothing() {
        KeptPairings kept = new KeptPairings(0, 100);
        Reader reader = new Reader(rows(3));
        ask(kept, region("A"), V1, reader);
        ask(kept, region("A"), V1, reader);
        assertThat(reader.reads).isEqualTo(2);
    }
}
