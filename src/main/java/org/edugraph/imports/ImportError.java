package org.edugraph.imports;

import java.util.Comparator;
import java.util.List;

/** One refused row of an import: its number as a spreadsheet shows it (the header is row 1) and why. */
public record ImportError(int row, String message) {

    /** The errors by row, those of one row in the order they were found. */
    public static List<ImportError> inRowOrder(List<ImportError> errors) {
        return errors.stream().sorted(Comparator.comparingInt(ImportError::row)).toList();
    }
}
