package org.edugraph.school;

import java.util.List;

import org.edugraph.imports.ImportError;
import org.edugraph.imports.Importer;

/**
 * What a school import read, created and refused; rows are numbered as in a spreadsheet
 * (the header is row 1), and the created schools' ids are in the file's order. {@code notices}
 * say what the import did that a row did not say outright: a region code the division list no
 * longer has, placed in its successor (the first {@link org.edugraph.imports.ImportErrors#LIMIT}).
 */
public record SchoolImportReport(boolean dryRun, int rowsRead, int schoolsCreated, List<ImportError> errors,
        List<String> schoolIds, List<ImportError> notices) implements Importer.Report {
}
