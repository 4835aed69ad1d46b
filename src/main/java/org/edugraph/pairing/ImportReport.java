package org.edugraph.pairing;

import java.util.List;

/** What an import read, created and refused; rows are numbered as in a spreadsheet (the header is row 1). */
public record ImportReport(boolean dryRun, int rowsRead, int pairingsCreated, List<ImportError> errors) {

    public record ImportError(int row, String message) {
    }
}
