package org.edugraph.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading an import file: rows numbered as a spreadsheet shows them, header problems as row 1, nothing thrown. */
class CsvRowsTest {

    private static final CsvRows CSV = new CsvRows(List.of("id", "name", "regionCode"), List.of("id", "regionCode"), 3);

    private static CsvRows.Result read(String text) {
        return CSV.read(new StringReader(text));
    }

    @Test
    void readsExcelsUtf8CsvWithItsBomCrlfAndQuotedFields() {
        CsvRows.Result file = read("\uFEFFid,name,regionCode\r\n"
                + "a1,\"仓山区 \"\"实验\"\", 小学\",350104\r\n"
                + "a2,\"两行\n的名字\",350104\r\n");
        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).containsExactly(
                new CsvRows.Row(2, Map.of("id", "a1", "name", "仓山区 \"实验\", 小学", "regioncode", "350104")),
                new CsvRows.Row(3, Map.of("id", "a2", "name", "两行\n的名字", "regioncode", "350104")));
    }

    @Test
    void headerNamesAreMatchedInAnyCaseAndCellsAreStripped() {
        CsvRows.Result file = read("ID, Name ,REGIONCODE\n  a1 ,  ,350104\n");
        assertThat(file.errors()).isEmpty();
        CsvRows.Row row = file.rows().getFirst();
        assertThat(row.get("id")).isEqualTo("a1");
        assertThat(row.get("regionCode")).isEqualTo("350104");
        assertThat(row.get("name")).as("a blank cell is no value").isNull();
    }

    @Test
    void emptyRowsAreSkippedButKeepTheirNumbers() {
        CsvRows.Result file = read("id,name,regionCode\r\na1,x,1\r\n\r\n,,\r\na2,y,1\r\n\r\n");
        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).extracting(CsvRows.Row::number).containsExactly(2, 5);
    }

    @Test
    void headerProblemsAreRow1AndStopTheReading() {
        assertThat(read("id,name\na1,x\n").errors())
                .containsExactly(new ImportError(1, "the header has no column regionCode; expected id,name,regionCode"));
        assertThat(read("id,regionCode,colour\na1,1,red\n").errors()).singleElement()
                .satisfies(e -> assertThat(e.row()).isEqualTo(1))
                .satisfies(e -> assertThat(e.message()).contains("unknown columns [colour]"));
        CsvRows.Result twice = read("id,regionCode,ID\na1,1,a2\n");
        assertThat(twice.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("more than once [id]"));
        assertThat(twice.rows()).isEmpty();
    }

    @Test
    void aBlankHeaderCellNamesNoColumn() {
        CsvRows.Result file = read("id,regionCode,\na1,1,\n");
        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).extracting(CsvRows.Row::number).containsExactly(2);
    }

    @Test
    void anEmptyFileOrOneWithOnlyAHeaderIsRefused() {
        assertThat(read("").errors()).extracting(ImportError::row).containsExactly(1, 1);
        assertThat(read("id,regionCode\r\n\r\n").errors()).containsExactly(new ImportError(2, "the file has no rows"));
    }

    @Test
    void rowsPastTheMaximumAreRefusedAtTheFirstOneOver() {
        CsvRows.Result file = read("id,regionCode\na,1\nb,1\n\nc,1\nd,1\ne,1\n");
        assertThat(file.rows()).hasSize(3);
        assertThat(file.errors()).containsExactly(new ImportError(6, "more than 3 rows; split the file"));
    }

    @Test
    void textThatIsNotCsvIsReportedAtItsRow() {
        CsvRows.Result file = read("id,regionCode\na,1\nb,\"1\"x\nc,1\n");
        assertThat(file.rows()).extracting(CsvRows.Row::number).containsExactly(2);
        assertThat(file.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.message()).startsWith("not readable as CSV");
        });
    }

    @Test
    void errorsAreOrderedByRowKeepingTheOrderWithinARow() {
        assertThat(ImportError.inRowOrder(List.of(new ImportError(4, "b"), new ImportError(2, "z"), new ImportError(4, "a"))))
                .containsExactly(new ImportError(2, "z"), new ImportError(4, "b"), new ImportError(4, "a"));
    }
}
