package org.edugraph.time;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The one reading of a calendar date wherever one comes in (GraphQL's Date, a CSV cell, an
 * export's query string): ISO {@code YYYY-MM-DD} with a four-digit year from 1900 to 2199,
 * a real day (no 30 February). Java alone would take {@code +999999999-12-31} and
 * {@code -0001-01-01}, which no report means.
 */
public final class CalendarDates {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private CalendarDates() {
    }

    /** The date {@code text} says, or a {@link DateTimeParseException}. */
    public static LocalDate parse(String text) {
        if (text == null || text.length() != 10) {
            throw new DateTimeParseException("not YYYY-MM-DD", String.valueOf(text), 0);
        }
        LocalDate date = LocalDate.parse(text, ISO);
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new DateTimeParseException("year out of range", text, 0);
        }
        return date;
    }
}
