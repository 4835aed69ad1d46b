package org.edugraph.imports;

/** One refused row of an import: its number as a spreadsheet shows it (the header is row 1) and why. */
public record ImportError(int row, String message) {
}
