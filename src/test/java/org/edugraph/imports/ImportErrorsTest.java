package org.edugraph.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** A report lists the first problems in row order and counts the rest; long lists and cells are said once, short. */
@Unit
class ImportErrorsTest {

    @Test
    void problemsAreListedByRowKeepingTheOrderWithinARow() {
        ImportErrors errors = new ImportErrors();
        errors.add(4, "b");
        errors.add(2, "z");
        errors.add(4, "a");
        assertThat(errors.inRowOrder()).containsExactly(new ImportError(2, "z"), new ImportError(4, "b"), new ImportError(4, "a"));
    }

    @Test
    void pastTheLimitTheFirstInRowOrderAreKeptWhateverTheOrderTheyCameIn() {
        ImportErrors errors = new ImportErrors(3);
        // Rows' own problems first, then problems found later against the file or the graph, for earlier rows.
        for (int row = 2; row <= 9; row++) {
            errors.add(row, "bad cell");
        }
        errors.add(3, "also the id of row 2");
        errors.add(7, "exists already");

        assertThat(errors.found()).isEqualTo(10);
        assertThat(errors.inRowOrder()).containsExactly(
                new ImportError(2, "bad cell"),
                new ImportError(3, "bad cell"),
                new ImportError(3, "also the id of row 2"),
                new ImportError(4, "... and 7 more problems not listed, from this row on; the first 3 are"));
    }

    @Test
    void aMillionProblemsAreCountedNotKept() {
        ImportErrors errors = new ImportErrors();
        for (int row = 1_000_001; row >= 2; row--) {
            errors.add(row, "type 'x' is not one of", new ImportErrors.Values("types", "A, B, C"));
        }
        List<ImportError> listed = errors.inRowOrder();
        assertThat(listed).hasSize(ImportErrors.LIMIT + 1);
        assertThat(listed.getFirst()).isEqualTo(new ImportError(2, "type 'x' is not one of A, B, C"));
        assertThat(listed.get(1)).isEqualTo(new ImportError(3, "type 'x' is not one of the types listed at row 2"));
        assertThat(listed.getLast()).isEqualTo(new ImportError(ImportErrors.LIMIT + 2,
                "... and 999,000 more problems not listed, from this row on; the first 1,000 are"));
    }

    @Test
    void aListOfValuesIsGivenAtTheFirstListedProblemThatNeedsIt() {
        ImportErrors errors = new ImportErrors(2);
        ImportErrors.Values kinds = new ImportErrors.Values("kinds", "ONE, TWO");
        errors.add(9, "kind 'c' is not one of", kinds);
        errors.add(5, "kind 'b' is not one of", kinds);
        errors.add(3, "kind 'a' is not one of", kinds);
        assertThat(errors.inRowOrder()).extracting(ImportError::message).containsExactly(
                "kind 'a' is not one of ONE, TWO",
                "kind 'b' is not one of the kinds listed at row 3",
                "... and 1 more problems not listed, from this row on; the first 2 are");
    }

    @Test
    void aLongCellIsCutWhereAMessageRepeatsIt() {
        assertThat(ImportErrors.cut("350104")).isEqualTo("350104");
        assertThat(ImportErrors.cut("x".repeat(40))).isEqualTo("x".repeat(40));
        assertThat(ImportErrors.cut("y".repeat(1_000_000))).isEqualTo("y".repeat(40) + "… (1000000 characters)");
        assertThat(ImportErrors.cut("z".repeat(39) + "😀")).as("a pair is not split").isEqualTo("z".repeat(39) + "… (41 characters)");
    }
}
