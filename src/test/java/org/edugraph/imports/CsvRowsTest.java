package org.edugraph.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** Reading an import file: rows numbered as a spreadsheet shows them, header problems as row 1, nothing thrown. */
@Unit
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

    /** An upload's bytes, read as the upload reads them; up to 10,000 rows. */
    private static CsvRows.Result readBytes(byte[] bytes) {
        return new CsvRows(List.of("id", "name", "regionCode"), List.of("id", "regionCode"), 10_000)
                .read(StrictUtf8.reader(new ByteArrayInputStream(bytes)));
    }

    @Test
    void aFileInGbkIsRefusedWholeAtRow1AndNamedAsGbk() {
        // As Excel's default "CSV (逗号分隔)" writes it on Chinese Windows.
        byte[] gbk = "id,name,regionCode\r\na1,福州市仓山区测试小学,350104\r\na2,测试中学,350104\r\n".getBytes(Charset.forName("GBK"));
        CsvRows.Result file = readBytes(gbk);
        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.message()).startsWith("the file is not UTF-8 text").contains("GBK")
                    .contains("in Excel save it as \"CSV UTF-8 (逗号分隔)\"");
        });
    }

    @Test
    void otherTextThatIsNotUtf8IsRefusedWithoutAGuessAtItsEncoding() {
        byte[] latin1 = "id,name,regionCode\na1,Müller-Schule Zürich,350104\na2,Élève,350104\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(readBytes(latin1).errors()).containsExactly(
                new ImportError(1, "the file is not UTF-8 text; in Excel save it as \"CSV UTF-8 (逗号分隔)\" (CSV UTF-8 (Comma delimited))"));
        byte[] utf16 = "id,name,regionCode\na1,测试小学,350104\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        assertThat(readBytes(withBom).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("UTF-16").doesNotContain("GBK"));
    }

    @Test
    void oneBadByteFarIntoAUtf8FileRefusesTheWholeFile() {
        StringBuilder text = new StringBuilder("id,name,regionCode\n");
        for (int i = 0; i < 2_000; i++) {
            text.append("a").append(i).append(",仓山区测试小学").append(i).append(",350104\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(good.length).as("past the decoder's first reads").isGreaterThan(64 * 1024);
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes(good);
        bad.writeBytes(new byte[] {'z', ',', 'x', (byte) 0xFF, 'y', ',', '1', '\n'});

        assertThat(readBytes(good).errors()).isEmpty();
        assertThat(readBytes(good).rows()).hasSize(2_000);
        CsvRows.Result file = readBytes(bad.toByteArray());
        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).extracting(ImportError::row).containsExactly(1);
    }

    @Test
    void utf8TextOutsideTheBasicPlaneIsReadWithItsBom() {
        byte[] bytes = "\uFEFFid,name,regionCode\na1,𠀋小学😀,350104\n".getBytes(StandardCharsets.UTF_8);
        CsvRows.Result file = readBytes(bytes);
        assertThat(file.errors()).isEmpty();
        assertThat(file.rows().getFirst().get("name")).isEqualTo("𠀋小学😀");
    }

    @org.junit.jupiter.api.Test
    void cellsBeyondTheHeaderAreAnErrorNotDroppedAndBrokenQuotesAreExplainedInWords() {
        CsvRows.Result shifted = read("id,name,regionCode\na1,福州,仓山区实验小学,350104\na2,乙,350104,,\n");
        org.assertj.core.api.Assertions.assertThat(shifted.errors()).containsExactly(new ImportError(2,
                "the row has 4 cells but the header names 3 columns; quote a cell that holds a comma (\"a,b\")"));
        org.assertj.core.api.Assertions.assertThat(shifted.rows()).extracting(CsvRows.Row::number).containsExactly(3);

        CsvRows.Result unclosed = read("id,name,regionCode\na1,\"没有结束的引号,350104\n");
        org.assertj.core.api.Assertions.assertThat(unclosed.errors()).singleElement().extracting(ImportError::message)
                .isEqualTo("not readable as CSV: a quoted cell is never closed: a \" opens it and no \" ends it before the end"
                        + " of the file");
        CsvRows.Result after = read("id,name,regionCode\na1,\"引号\"之后,350104\n");
        org.assertj.core.api.Assertions.assertThat(after.errors()).singleElement().extracting(ImportError::message)
                .asString().startsWith("not readable as CSV: a quoted cell goes on after its closing \"").doesNotContain("org.");
    }
}
