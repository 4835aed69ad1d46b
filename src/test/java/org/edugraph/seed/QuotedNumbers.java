package org.edugraph.seed;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The numbers a quote of a report states, however the report writes them: Arabic digits
 * (full-width too) with decimals and thousands separators, followed or not by 百/千/万/亿
 * ({@code 1.2万} is 12000, {@code 1.8亿} is 180000000, {@code 120多万} 1200000), and Chinese numerals ({@code 三},
 * {@code 十一}, {@code 一百零五}, {@code 两千}, {@code 三万五}, {@code 二〇二二}).
 *
 * <p>A reader for checking that a figure's value is in its quote, so it errs on the side of
 * finding: {@code 56,118} gives 56, 118 and 56118 (a list or a thousands separator), and words
 * that merely contain a numeral ({@code 统一}) give it too. Values are normalised with
 * {@link BigDecimal#stripTrailingZeros()}; compare them with {@link #normalise(double)}.
 */
final class QuotedNumbers {

    private static final String DIGITS = "零〇一二两三四五六七八九";

    private QuotedNumbers() {
    }

    /** Every number {@code text} states. */
    static Set<BigDecimal> in(String text) {
        String s = halfWidth(text);
        Set<BigDecimal> found = new LinkedHashSet<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isAsciiDigit(c)) {
                i = arabic(s, i, found);
            } else if (isChineseNumeral(c)) {
                i = chinese(s, i, found);
            } else {
                i++;
            }
        }
        return found;
    }

    /** A figure's value as {@link #in} gives numbers, for comparison. */
    static BigDecimal normalise(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros();
    }

    /** Reads Arabic digits from {@code start}; returns where reading stopped. */
    private static int arabic(String s, int start, Set<BigDecimal> found) {
        int i = start;
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
            i++;
        }
        String whole = s.substring(start, i);
        if (whole.length() <= 3) {
            // Thousands separators: "1,152" is 1152, but "56,118" may be a list. Both readings are kept:
            // the grouped one here, and each group as a number of its own as reading goes on.
            StringBuilder grouped = new StringBuilder(whole);
            int j = i;
            while (j + 4 <= s.length() && s.charAt(j) == ',' && allAsciiDigits(s, j + 1, j + 4)
                    && (j + 4 == s.length() || !isAsciiDigit(s.charAt(j + 4)))) {
                grouped.append(s, j + 1, j + 4);
                j += 4;
            }
            if (j > i) {
                int end = decimals(s, j, grouped);
                found.add(scaled(new BigDecimal(grouped.toString()), s, end).stripTrailingZeros());
            }
        }
        StringBuilder number = new StringBuilder(whole);
        int end = decimals(s, i, number);
        found.add(scaled(new BigDecimal(number.toString()), s, end).stripTrailingZeros());
        return skipMultipliers(s, end);
    }

    /** Appends ".ddd" when {@code s} has a decimal part at {@code i}; returns the index after it. */
    private static int decimals(String s, int i, StringBuilder number) {
        if (i + 1 < s.length() && s.charAt(i) == '.' && isAsciiDigit(s.charAt(i + 1))) {
            int j = i + 1;
            while (j < s.length() && isAsciiDigit(s.charAt(j))) {
                j++;
            }
            number.append(s, i, j);
            return j;
        }
        return i;
    }

    /**
     * {@code value} times the 百/千/万/亿 that follow it at {@code i} ({@code 1.2万}, {@code 3千万}), also
     * after 多 or 余 ({@code 120多万} is at least 1200000).
     */
    private static BigDecimal scaled(BigDecimal value, String s, int i) {
        BigDecimal v = value;
        for (int j = approximate(s, i); j < s.length() && multiplier(s.charAt(j)) > 0; j++) {
            v = v.multiply(BigDecimal.valueOf(multiplier(s.charAt(j))));
        }
        return v;
    }

    private static int skipMultipliers(String s, int i) {
        int j = approximate(s, i);
        while (j < s.length() && multiplier(s.charAt(j)) > 0) {
            j++;
        }
        return j;
    }

    /** Past a 多 or 余 at {@code i} that a multiplier follows (120多万), else {@code i}. */
    private static int approximate(String s, int i) {
        if (i + 1 < s.length() && (s.charAt(i) == '多' || s.charAt(i) == '余') && multiplier(s.charAt(i + 1)) > 0) {
            return i + 1;
        }
        return i;
    }

    private static long multiplier(char c) {
        return switch (c) {
            case '百' -> 100L;
            case '千' -> 1000L;
            case '万' -> 10_000L;
            case '亿' -> 100_000_000L;
            default -> 0L;
        };
    }

    /**
     * Reads one Chinese numeral from {@code start} (the longest well-formed one) and returns
     * where it ended; what follows is read as the next number ({@code 十四五} is 14 and 5).
     */
    private static int chinese(String s, int start, Set<BigDecimal> found) {
        // Digit by digit, as years are written: 二〇二二.
        int run = start;
        while (run < s.length() && DIGITS.indexOf(s.charAt(run)) >= 0 && s.charAt(run) != '两') {
            run++;
        }
        if (run - start >= 2) {
            long v = 0;
            for (int k = start; k < run; k++) {
                v = v * 10 + digit(s.charAt(k));
            }
            found.add(BigDecimal.valueOf(v).stripTrailingZeros());
            return run;
        }

        long total = 0;     // the part above the current 万 section, 亿 and 万 applied
        long section = 0;   // below 万 (or below 亿 once 万 is read): 千百十 and digits
        long pending = -1;  // a digit not yet given its unit
        long lastUnit = Long.MAX_VALUE;
        boolean zeroSinceUnit = false;
        boolean any = false;
        int i = start;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '零' || c == '〇') {
                if (!any) {
                    pending = 0;
                    any = true;
                    i++;
                    break; // a lone zero
                }
                zeroSinceUnit = true;
                continue;
            }
            int d = digit(c);
            if (d >= 0) {
                if (pending >= 0) {
                    break; // two digits in a row: the next number starts here
                }
                pending = d;
                any = true;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10L;
                case '百' -> 100L;
                case '千' -> 1000L;
                default -> 0L;
            };
            if (unit > 0) {
                if (unit >= lastUnit) {
                    break; // 十四五十: out of order, the next number starts here
                }
                section += (pending >= 0 ? pending : 1) * unit;
                pending = -1;
                lastUnit = unit;
                zeroSinceUnit = false;
                any = true;
                continue;
            }
            if ((c == '多' || c == '余') && i + 1 < s.length() && (s.charAt(i + 1) == '万' || s.charAt(i + 1) == '亿')
                    && any) {
                continue; // 三十多万: at least 300000
            }
            if (c == '万' || c == '亿') {
                long big = c == '万' ? 10_000L : 100_000_000L;
                long part = section + Math.max(pending, 0);
                if (part == 0 && !any) {
                    part = 1; // 万 alone
                }
                if (c == '万') {
                    if (lastUnit == 10_000L) {
                        break; // 万 twice in one section
                    }
                    total += part * big;
                } else {
                    if (lastUnit == 100_000_000L) {
                        break;
                    }
                    total = (total + part) * big;
                }
                section = 0;
                pending = -1;
                lastUnit = big;
                zeroSinceUnit = false;
                any = true;
                continue;
            }
            break;
        }
        if (!any) {
            return start + 1;
        }
        long tail = 0;
        if (pending > 0) {
            // 三万五 is 35000 and 一百二 is 120; but 一百零五 is 105.
            tail = pending * (zeroSinceUnit || lastUnit == Long.MAX_VALUE ? 1 : Math.max(lastUnit / 10, 1));
        }
        found.add(BigDecimal.valueOf(total + section + tail).stripTrailingZeros());
        return Math.max(i, start + 1);
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    private static boolean isChineseNumeral(char c) {
        return DIGITS.indexOf(c) >= 0 || "十百千万亿".indexOf(c) >= 0;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allAsciiDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isAsciiDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Full-width digits, point and comma as their ASCII forms (the reports use both). */
    private static String halfWidth(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '０' && c <= '９') {
                b.append((char) ('0' + (c - '０')));
            } else if (c == '．') {
                b.append('.');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
