package org.edugraph.imports;

import java.io.Reader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.edugraph.neo4j.Graph;
import org.edugraph.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pipeline of every import, schools and pairings alike: read the file's rows, check
 * them all against the file and the graph, and then, only when no row is bad and this is no
 * dry run, write them all in one transaction under a new import id
 * ({@link Importer#writeWhole}: a file too large for one transaction and a conflict with
 * another write are refused as such). Each kind of import gives its steps; the pipeline
 * times and logs them the same way for each.
 *
 * @param <R> a row as the import reads it
 * @param <W> what the write gives back (the created ids)
 */
public final class ImportPipeline<R, W> {

    private static final Logger log = LoggerFactory.getLogger(ImportPipeline.class);

    /** The steps of one kind of import. */
    public interface Steps<R, W> {

        /** The file's rows; what is wrong with a row's cells goes to {@code errors}. */
        List<R> read(Reader csv, ImportErrors errors);

        /** Checks the rows against the graph, all at once; what is wrong goes to {@code errors}. */
        void check(List<R> rows, ImportErrors errors);

        /** Writes every row in {@code tx} (the import's one transaction), stamped with {@code importId}. */
        W write(Graph.Transaction tx, List<R> rows, String importId);
    }

    /**
     * What an import came to.
     *
     * @param written what the write gave back; null when nothing was written (a bad row or a dry run)
     */
    public record Outcome<R, W>(List<R> rows, ImportErrors errors, W written) {
    }

    private final String what;
    private final Graph graph;
    private final Duration timeout;
    private final String conflict;

    /**
     * @param what     the kind of import, as the log names it ("School import")
     * @param conflict the refusal when another write took what the file creates meanwhile
     */
    public ImportPipeline(String what, Graph graph, Duration timeout, String conflict) {
        this.what = what;
        this.graph = graph;
        this.timeout = timeout;
        this.conflict = conflict;
    }

    public Outcome<R, W> run(Caller caller, Reader csv, boolean dryRun, Steps<R, W> steps) {
        ImportErrors errors = new ImportErrors();
        long t0 = System.nanoTime();
        List<R> rows = steps.read(csv, errors);
        long t1 = System.nanoTime();
        steps.check(rows, errors);
        log.info("{} by {}: {} rows read in {} ms, checked in {} ms, {} problems", what, caller.name(), rows.size(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, errors.found());
        if (!errors.isEmpty() || dryRun) {
            return new Outcome<>(rows, errors, null);
        }
        String importId = "import-" + UUID.randomUUID();
        long t2 = System.nanoTime();
        W written = Importer.writeWhole(graph, timeout, rows.size(), conflict, tx -> steps.write(tx, rows, importId));
        log.info("{} {} by {}: {} rows written in {} ms", what, importId, caller.name(), rows.size(),
                (System.nanoTime() - t2) / 1_000_000);
        return new Outcome<>(rows, errors, written);
    }
}
