package org.edugraph.imports;

import java.io.Reader;
import java.util.List;

import org.edugraph.api.ApiException;
import org.edugraph.neo4j.Graph;
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

    /** Ids an import's audit record lists; the rest are found by the import's id, which every created node carries. */
    int AUDITED_IDS = 1_000;

    /**
     * What an import's audit record says it created: the number of rows and the first
     * {@link #AUDITED_IDS} ids (all of them for a file of that size or less). A file of a
     * million rows would otherwise make an audit record of tens of megabytes; every node an
     * import creates carries {@code importId}, the audit record's target, instead.
     */
    static java.util.Map<String, Object> auditRecord(int rows, String idsName, List<String> ids) {
        java.util.Map<String, Object> after = new java.util.HashMap<>();
        after.put("rows", rows);
        after.put(idsName, ids.size() <= AUDITED_IDS ? ids : ids.subList(0, AUDITED_IDS));
        if (ids.size() > AUDITED_IDS) {
            after.put(idsName + "NotListed", ids.size() - AUDITED_IDS);
        }
        return after;
    }

    /**
     * Runs an import's writes in its one transaction ({@link Graph.Write#once})
     * and turns the database's refusals into the import's: a transaction that would need more
     * memory than it may have is a file too large ({@link #tooLargeForOneTransaction}), a
     * uniqueness constraint met because another write came first is {@code conflict}.
     */
    static <T> T writeWhole(Graph graph, java.time.Duration timeout, int rows, String conflict,
            java.util.function.Function<Graph.Transaction, T> work) {
        try {
            return graph.write(Graph.Write.once(timeout), work);
        } catch (org.neo4j.driver.exceptions.Neo4jException e) {
            if (Graph.exceedsTransactionMemory(e)) {
                throw tooLargeForOneTransaction(rows);
            }
            if (e instanceof org.neo4j.driver.exceptions.ClientException c && Graph.violatesConstraint(c)) {
                throw ApiException.conflict(conflict);
            }
            throw e;
        }
    }

    /**
     * The refusal of a file whose one transaction would need more memory than the database
     * lets a transaction use (embedded, 70 % of the service's heap): nothing was written.
     */
    static ApiException tooLargeForOneTransaction(int rows) {
        return ApiException.badRequest(("The %,d rows need more memory than one transaction may use"
                + " (dbms.memory.transaction.total.max); nothing was imported. Split the file (each file is imported"
                + " whole or not at all) or give the service more heap").formatted(rows));
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
