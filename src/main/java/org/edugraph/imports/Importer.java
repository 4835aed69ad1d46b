package org.edugraph.imports;

import java.io.Reader;
import java.util.List;

import org.edugraph.api.ApiException;
import org.edugraph.security.Caller;

/**
 * A bulk import from CSV, served both by its GraphQL mutation and by the upload at
 * {@code POST /import/{name}}: all rows checked first, all written or none.
 */
public interface Importer {

    /** The last part of the upload's path: {@code pairings} for /import/pairings. */
    String name();

    /** Checks every row and, unless there is a bad row or this is a dry run, writes them all in one transaction. */
    Report run(Caller caller, Reader csv, boolean dryRun);

    /** What every import report has: the refused rows, numbered as in a spreadsheet. */
    interface Report {
        List<ImportError> errors();
    }

    /**
     * The mutations' {@code dryRun}: omitted, it is the schema's default, false; an explicit
     * null is refused, since reading it as false would turn a muddled dry run into a real,
     * irreversible import.
     */
    static boolean dryRun(Boolean dryRun) {
        if (dryRun == null) {
            throw ApiException.badRequest("dryRun must be true or false");
        }
        return dryRun;
    }
}
