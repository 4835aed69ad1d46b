package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** A name in the CSV export never runs as a formula when a spreadsheet opens the file. */
@Unit
class SpreadsheetCellTest {

    @Test
    void aNameThatASpreadsheetWouldReadAsAFormulaGetsALeadingApostrophe() {
        for (String formula : new String[] {"=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(NetworkExport.cell(formula)).isEqualTo("'" + formula);
        }
    }

    @Test
    void everyOtherNameIsWrittenAsItIs() {
        for (String name : new String[] {"福州市仓山区盘屿中学", "a=b", "5G+专递课堂", "'quoted", ""}) {
            assertThat(NetworkExport.cell(name)).isEqualTo(name);
        }
        assertThat(NetworkExport.cell(null)).isNull();
    }
}
