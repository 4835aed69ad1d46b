package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.edugraph.support.Unit;

/** The numbers of a quote, as the reports write them. */
@Unit
class QuotedNumbersTest {

    @ParameterizedTest(name = "{0} states {1}")
    @CsvSource(delimiter = '|', textBlock = """
            结对帮扶118所学校                     | 118
            入园率达99.16%                        | 99.16
            惠及学生1.2万人次                     | 12000
            总投入1.8亿元                         | 180000000
            受益师生3万余人                       | 30000
            开展活动3000多场                      | 3000
            共1,152所,占72.23%                    | 1152
            共1,152所,占72.23%                    | 72.23
            投入２０５万元                         | 2050000
            惠及３．５万人                         | 35000
            建成三所学校                          | 3
            新增十一个                            | 11
            第二十三届                            | 23
            一百二十所                            | 120
            一百零五名                            | 105
            一千零五十人                          | 1050
            两所学校                              | 2
            两千余人                              | 2000
            惠及三万多名学生                      | 30000
            三万五千人                            | 35000
            三万五                                | 35000
            一百二                                | 120
            近千名教师                            | 1000
            十所                                  | 10
            二十万零三人                          | 200003
            三百零五万元                          | 3050000
            一亿二千万元                          | 120000000
            二〇二二年                            | 2022
            百分之九十                            | 90
            近5000万元                             | 50000000
            120多万名中小学生                      | 1200000
            1000余万元                             | 10000000
            三十多万人                             | 300000
            一百余万                               | 1000000
            """)
    void readsTheNumberAReportStates(String quote, String value) {
        assertThat(QuotedNumbers.in(quote)).contains(new BigDecimal(value).stripTrailingZeros());
    }

    @Test
    void aCommaBetweenNumbersMayBeAListOrAThousandsSeparator() {
        assertThat(QuotedNumbers.in("56所优质校结对帮扶118所")).containsOnly(num(56), num(118));
        assertThat(QuotedNumbers.in("56所,118所")).contains(num(56), num(118));
        assertThat(QuotedNumbers.in("1,152所")).contains(num(1152));
        assertThat(QuotedNumbers.in("12,3456")).doesNotContain(num(123456));
    }

    @Test
    void aNumberIsNotReadAsAnother() {
        assertThat(QuotedNumbers.in("消除56人以上大班额")).containsOnly(num(56));
        assertThat(QuotedNumbers.in("1.2万人")).containsOnly(num(12000));
        assertThat(QuotedNumbers.in("十四五")).containsOnly(num(14), num(5));
        assertThat(QuotedNumbers.in("没有数字")).isEmpty();
        assertThat(QuotedNumbers.in("99.16%")).doesNotContain(num(99), num(16));
    }

    @Test
    void aFiguresValueComparesWhateverItsScale() {
        assertThat(QuotedNumbers.in("3万")).contains(QuotedNumbers.normalise(30000.0));
        assertThat(QuotedNumbers.in("72.230")).contains(QuotedNumbers.normalise(72.23));
    }

    @Property(tries = 2000)
    void anyNumberWrittenInChineseNumeralsReadsBack(@ForAll @IntRange(min = 0, max = 99_999_999) int n, @ForAll boolean liang) {
        String written = chinese(n, liang);
        assertThat(QuotedNumbers.in("共" + written + "所")).as(written).contains(num(n));
    }

    @Property(tries = 2000)
    void anyNumberWrittenInArabicWithWanReadsBack(@ForAll @IntRange(min = 0, max = 99_999_999) int n) {
        String written = new BigDecimal(n).movePointLeft(4).stripTrailingZeros().toPlainString() + "万";
        assertThat(QuotedNumbers.in("惠及" + written + "人")).as(written).containsOnly(num(n));
    }

    @Property(tries = 1000)
    void anyNumberWrittenInArabicWithThousandsSeparatorsReadsBack(@ForAll @IntRange(min = 0, max = 99_999_999) int n) {
        String written = String.format(java.util.Locale.ROOT, "%,d", n);
        assertThat(QuotedNumbers.in("共" + written + "所")).as(written).contains(num(n));
    }

    private static BigDecimal num(long n) {
        return BigDecimal.valueOf(n).stripTrailingZeros();
    }

    private static final String[] DIGIT = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final String[] UNIT = {"千", "百", "十", ""};

    /** {@code n} as a report writes it in Chinese numerals: 十一, 一百零五, 三万零二十; 两千 when {@code liang}. */
    static String chinese(int n, boolean liang) {
        if (n == 0) {
            return "零";
        }
        int high = n / 10_000;
        int low = n % 10_000;
        StringBuilder b = new StringBuilder();
        if (high > 0) {
            b.append(belowTenThousand(high)).append("万");
            if (low > 0 && low < 1000) {
                b.append("零");
            }
        }
        if (low > 0) {
            b.append(belowTenThousand(low));
        }
        String s = b.toString();
        if (s.startsWith("一十")) {
            s = s.substring(1); // 十一, not 一十一
        }
        if (liang) {
            for (String unit : Arrays.asList("千", "百", "万")) {
                s = s.startsWith("二" + unit) ? "两" + s.substring(1) : s;
            }
        }
        return s;
    }

    /** 1..9999 with units and 零 for the gaps: 一千零五, 三百二十. */
    private static String belowTenThousand(int n) {
        String digits = String.format("%04d", n);
        StringBuilder b = new StringBuilder();
        boolean zero = false;
        boolean started = false;
        for (int k = 0; k < 4; k++) {
            int d = digits.charAt(k) - '0';
            if (d == 0) {
                zero = started;
                continue;
            }
            if (zero) {
                b.append("零");
                zero = false;
            }
            b.append(DIGIT[d]).append(UNIT[k]);
            started = true;
        }
        return b.toString();
    }
}
