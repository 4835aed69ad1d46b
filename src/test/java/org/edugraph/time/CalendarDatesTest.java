package org.edugraph.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** The one reading of a calendar date. */
@Unit
class CalendarDatesTest {

    @Property
    void everyDayFrom1900To2199ReadsAsItself(@ForAll @IntRange(min = 0, max = 109_572) int days) {
        LocalDate day = LocalDate.of(1900, 1, 1).plusDays(days);
        assertThat(CalendarDates.parse(day.toString())).isEqualTo(day);
    }

    @Property
    void yearsOutsideTheRangeAreRefused(@ForAll @IntRange(min = -5000, max = 99_999) int year) {
        String text = LocalDate.of(2000, 3, 1).withYear(year).toString();
        if (year >= 1900 && year <= 2199) {
            assertThat(CalendarDates.parse(text).getYear()).isEqualTo(year);
        } else {
            assertThatThrownBy(() -> CalendarDates.parse(text)).isInstanceOf(DateTimeParseException.class);
        }
    }

    /** Whatever the text, it is a date that prints back the same, or refused: never something else. */
    @Property(tries = 2000)
    void anyTextIsADateThatPrintsBackTheSameOrRefused(@ForAll @StringLength(max = 14) String text) {
        try {
            assertThat(CalendarDates.parse(text).toString()).isEqualTo(text);
        } catch (DateTimeParseException refused) {
            // the other answer
        }
    }

    @Test
    void daysThatDoNotExistAndOtherFormsAreRefused() {
        for (String text : new String[] {"2022-02-30", "2023-02-29", "2022-13-01", "2022-9-1", "22-09-01", "2022/09/01",
                "+999999999-12-31", "-0001-01-01", "2022-09-01T00:00", " 2022-09-01", "２０２２-０９-０１", ""}) {
            assertThatThrownBy(() -> CalendarDates.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
        assertThat(CalendarDates.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }
}
