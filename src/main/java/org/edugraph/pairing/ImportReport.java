package org.edugraph.pairing;

import java.util.List;

import org.edugraph.imports.ImportError;
import org.edugraph.imports.Importer;

/** What a pairing import read, created and refused; rows are numbered as in a spreadsheet (the header is row 1). */
public record ImportReport(boolean dryRun, int rowsRead, int pairingsCreated, List<ImportError> errors)
        implements Importer.Report {
}
