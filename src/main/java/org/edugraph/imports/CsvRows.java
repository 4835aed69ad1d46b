package org.edugraph.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV file of a bulk import as Excel and RFC 4180 write it (a BOM, CRLF,
 * quoted fields with commas, quotes and line breaks), checks its header against the
 * import's columns (in any case), and numbers each row as a spreadsheet shows it: the
 * header is row 1, and an empty row keeps its number though it is skipped. What it
 * cannot read is reported by row number, never thrown; a file that is not UTF-8 (read
 * through {@link StrictUtf8}) is refused whole, at row 1.
 */
public final class CsvRows {

    /** The most data rows one file may hold by default ({@code edugraph.imports.max-rows}); a larger file is refused at the first row past it. */
    public static final int MAX_ROWS = 1_000_000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true)
            // Empty lines are read (and then skipped) so that row numbers match the spreadsheet's.
            .setIgnoreEmptyLines(false)
            // A blank header cell (a trailing comma) names no column; it is ignored, not an error.
            .setAllowMissingColumnNames(true)
            .setTrim(true)
            .get();

    /** One data row: its spreadsheet number, and its non-blank cells, stripped, by lower-case column name. */
    public record Row(int number, Map<String, String> values) {

        public Row {
            values = Map.copyOf(values);
        }

        /** The cell of a column (named in any case), stripped; null when the column is absent or the cell blank. */
        public String get(String column) {
            return values.get(column.toLowerCase(Locale.ROOT));
        }
    }

    /** The rows read, and the problems of the file itself (header, size, syntax), each with its row. */
    public record Result(List<Row> rows, List<ImportError> errors) {
    }

    private final List<String> columns;
    private final List<String> required;
    private final int maxRows;

    /**
     * @param columns  every column the import knows, as the documentation spells them
     * @param required those of them the header must have
     * @param maxRows  the most data rows accepted
     */
    public CsvRows(List<String> columns, List<String> required, int maxRows) {
        this.columns = List.copyOf(columns);
        this.required = List.copyOf(required);
        this.maxRows = maxRows;
    }

    public Result read(Reader reader) {
        return read(reader, maxRows);
    }

    /** Reads a file of at most {@code maxRows} data rows. */
    public Result read(Reader reader, int maxRows) {
        List<Row> rows = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        CSVParser parser = null;
        try {
            parser = CSVParser.builder().setReader(new BomSkippingReader(reader)).setFormat(FORMAT).get();
            int width = parser.getHeaderNames().size();
            Map<Integer, String> names = header(parser.getHeaderNames(), errors);
            if (!errors.isEmpty()) {
                return new Result(rows, errors);
            }
            for (CSVRecord record : parser) {
                int number = (int) record.getRecordNumber() + 1;
                if (hasCellsBeyond(record, width)) {
                    // Cells without a column: a shifted row, or a comma in an unquoted cell. Never dropped silently.
                    errors.add(new ImportError(number, "the row has %d cells but the header names %d columns; quote a cell"
                            .formatted(record.size(), width) + " that holds a comma (\"a,b\")"));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    String name = names.get(i);
                    String value = record.get(i);
                    if (name != null && value != null && !value.isBlank()) {
                        values.put(name, value.strip());
                    }
                }
                if (values.isEmpty()) {
                    continue; // an empty row, or one of commas only, as Excel writes blank rows
                }
                if (rows.size() >= maxRows) {
                    errors.add(new ImportError(number, "more than " + maxRows + " rows; split the file"));
                    break;
                }
                rows.add(new Row(number, values));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            String notText = notUtf8(e);
            if (notText != null) {
                // Every row after the bad bytes could be garbled too: the file is refused whole.
                return new Result(List.of(), List.of(new ImportError(1, notText)));
            }
            // The record after the last one read is the one that could not be read.
            int number = parser == null ? 1 : (int) parser.getRecordNumber() + 2;
            errors.add(new ImportError(number, "not readable as CSV: " + csvProblem(e)));
        } finally {
            close(parser);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportError(2, "the file has no rows"));
        }
        return new Result(rows, errors);
    }

    /** The lower-case column name of each position; problems of the header are row 1. */
    private Map<Integer, String> header(List<String> headerNames, List<ImportError> errors) {
        String expected = "; expected " + String.join(",", columns);
        Map<Integer, String> names = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (int i = 0; i < headerNames.size(); i++) {
            String name = headerNames.get(i) == null ? "" : headerNames.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (names.containsValue(name)) {
                twice.add(name);
            }
            names.put(i, name);
            if (columns.stream().noneMatch(c -> c.equalsIgnoreCase(name))) {
                unknown.add(name);
            }
        }
        for (String column : required) {
            if (!names.containsValue(column.toLowerCase(Locale.ROOT))) {
                errors.add(new ImportError(1, "the header has no column " + column + expected));
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new ImportError(1, "unknown columns " + unknown + expected));
        }
        if (!twice.isEmpty()) {
            errors.add(new ImportError(1, "columns named more than once " + twice + expected));
        }
        return names;
    }

    private static boolean hasCellsBeyond(CSVRecord record, int width) {
        for (int i = width; i < record.size(); i++) {
            if (record.get(i) != null && !record.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** What the CSV reader's complaint means, in a reader's words: never the library's class names. */
    static String csvProblem(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        String message = all.toString();
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell is never closed: a \" opens it and no \" ends it before the end of the file";
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("character between encapsulated token and delimiter")) {
            return "a quoted cell goes on after its closing \"; a \" inside a quoted cell is written twice (\"\")";
        }
        return "the text is not CSV as Excel writes it (quoted cells, commas between cells)";
    }

    /** The message for a file that is not UTF-8 when {@code e} was caused by one, else null. */
    private static String notUtf8(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictUtf8.NotUtf8Exception) {
                return t.getMessage();
            }
            if (t instanceof CharacterCodingException) {
                return StrictUtf8.NOT_UTF8 + "; " + StrictUtf8.SAVE_AS;
            }
        }
        return null;
    }

    private static void close(CSVParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // Nothing is left to read; the reader's owner closes what lies below.
            }
        }
    }

    /** Drops a UTF-8 byte order mark at the start, as Excel writes one. */
    private static final class BomSkippingReader extends FilterReader {
        private boolean first = true;

        BomSkippingReader(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (first && n > 0) {
                first = false;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    return n - 1 == 0 ? read(buffer, offset, length) : n - 1;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0];
        }
    }
}
