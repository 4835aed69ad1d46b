package org.edugraph.neo4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.edugraph.EduGraphProperties;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The one way into the database: every Cypher statement of the application runs here,
 * parameterised, in a transaction with a timeout, and is counted, so that the cost of a
 * request in round trips can be measured (see {@link #statementsRun()}). Sessions share the
 * driver's bookmark manager, so a read after a write sees it, in a cluster too.
 *
 * <p>Three families of ways to run a statement, each with the variations its callers need
 * given as options or by the shape of the callback, not by a method each:
 * <ul>
 * <li><b>read</b>: one statement in a read transaction. {@link #read(String, Map)} gives its
 *     records, in the request's transaction; {@link #read(Read, String, Map)} gives them as
 *     {@link Read} says: records, one row or folded into an accumulator as Java values (in this
 *     process without Bolt when the database is embedded), with a timeout of their own, or aside
 *     from the request and its count.</li>
 * <li><b>write</b>: {@link #write(String, Map)} runs one statement in a write transaction;
 *     {@link #write(Write, Function)} runs several in one, retried, run once, or each in an
 *     auto-commit transaction of its own, as {@link Write} says. Statements inside run through
 *     the {@link Transaction} handed to the work.</li>
 * <li><b>stream</b>: {@link #stream(Duration, Consumer)} runs several read statements in one
 *     transaction that is never retried, handing each record on as it arrives (exports).</li>
 * </ul>
 * Profiling is test support ({@code Profiler}, in the tests), through the package-private
 * {@link #profiled}.
 */
@Component
public class Graph {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Graph.class);

    private final Driver driver;
    private final String database;
    private final TransactionConfig txConfig;
    private final AtomicLong statements;
    private final AtomicLong transactions;
    private final AtomicLong writes;
    private final Duration timeout;
    /** The database in this process, for the rows of {@link Read#row} and {@link Read#fold}; null to go through the driver. */
    private final InProcessDatabase inProcess;

    public Graph(Driver driver, EduGraphProperties properties) {
        this(driver, properties, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public Graph(Driver driver, EduGraphProperties properties,
            org.springframework.beans.factory.ObjectProvider<InProcessDatabase> inProcess) {
        this(driver, properties.neo4j().database(), properties.neo4j().queryTimeout(), new AtomicLong(), new AtomicLong(),
                new AtomicLong(), inProcess == null || !properties.neo4j().inProcessReads() ? null : inProcess.getIfAvailable());
    }

    private Graph(Driver driver, String database, Duration timeout, AtomicLong statements, AtomicLong transactions,
            AtomicLong writes, InProcessDatabase inProcess) {
        this.driver = driver;
        this.database = database == null || database.isBlank() ? null : database;
        this.timeout = timeout;
        this.txConfig = TransactionConfig.builder().withTimeout(timeout).build();
        this.statements = statements;
        this.transactions = transactions;
        this.writes = writes;
        this.inProcess = inProcess;
    }

    /**
     * The same gateway, counted with this one, whose transactions may each take {@code timeout}
     * instead of the query timeout: for the work of start-up ({@link StartupWork}).
     */
    Graph withTimeout(Duration timeout) {
        return new Graph(driver, database, timeout, statements, transactions, writes, inProcess);
    }

    // ---------------------------------------------------------------- read

    /**
     * How a read gives its rows ({@link #records}, {@link #row}, {@link #fold}), and where it runs:
     * by default in the read transaction of the GraphQL request it serves when there is one
     * ({@link RequestTransaction}), counted; {@link #within} in a transaction of its own with its
     * own timeout; {@link #aside} in a transaction of its own and not counted.
     *
     * @param <T> what the read returns
     */
    public static final class Read<T> {

        private enum Rows {
            RECORDS, ROW, FOLD
        }

        private final Rows rows;
        private final Supplier<T> start;
        private final BiConsumer<T, Map<String, Object>> step;
        private final Duration timeout;
        private final boolean aside;

        private Read(Rows rows, Supplier<T> start, BiConsumer<T, Map<String, Object>> step, Duration timeout, boolean aside) {
            this.rows = rows;
            this.start = start;
            this.step = step;
            this.timeout = timeout;
            this.aside = aside;
        }

        /** All the records, through the driver. */
        public static Read<List<Record>> records() {
            return new Read<>(Rows.RECORDS, null, null, null, false);
        }

        /**
         * The first row, its columns as Java values (maps, lists, strings, longs, dates), or an empty
         * map when there is none: in this process without Bolt when the database is embedded
         * ({@link InProcessDatabase}), else as {@link #records}. For the compiled reads, which
         * answer in one row, and what a request asks on the side and often.
         */
        public static Read<Map<String, Object>> row() {
            return new Read<>(Rows.ROW, null, null, null, false);
        }

        /**
         * The rows (columns as Java values: strings, longs, dates, lists, maps, null) folded into a
         * fresh accumulator as they stream in, so that a large answer is never held as a list: in
         * this process without Bolt when the database is embedded (40,000 rows of an analytic cross
         * no wire), else through the driver in a transaction of its own (never the request's), where
         * a retried transaction starts again from a new accumulator.
         */
        public static <A> Read<A> fold(Supplier<A> start, BiConsumer<A, Map<String, Object>> step) {
            return new Read<>(Rows.FOLD, Objects.requireNonNull(start), Objects.requireNonNull(step), null, false);
        }

        /**
         * The same read in a transaction of its own, outside any request's, that may take
         * {@code timeout} instead of the query timeout: for the checks of a bulk import over a large file.
         */
        public Read<T> within(Duration timeout) {
            return new Read<>(rows, start, step, Objects.requireNonNull(timeout), aside);
        }

        /**
         * The same read as work in the background of the application or on the side of a request
         * (the change log's reader, the analytics' data version): in a transaction of its own, never
         * the request's, and counted in neither {@link Graph#statementsRun} nor
         * {@link Graph#transactionsRun}, which tell what requests cost. Not PROFILEd.
         */
        public Read<T> aside() {
            return new Read<>(rows, start, step, timeout, true);
        }
    }

    /**
     * Runs one read statement and returns all its records: in the read transaction of the
     * GraphQL request it serves when there is one ({@link RequestTransaction}), else in a
     * transaction of its own. The same as {@code read(Read.records(), cypher, parameters)}.
     */
    public List<Record> read(String cypher, Map<String, Object> parameters) {
        return records(Read.records(), cypher, parameters);
    }

    /** Runs one read statement and gives its rows as {@code how} says: see {@link Read}. */
    @SuppressWarnings("unchecked")
    public <T> T read(Read<T> how, String cypher, Map<String, Object> parameters) {
        return switch (how.rows) {
            case RECORDS -> (T) records(how, cypher, parameters);
            case ROW -> (T) row(how, cypher, parameters);
            case FOLD -> fold(how, cypher, parameters);
        };
    }

    /** Whether the rows of {@link Read#row} and {@link Read#fold} are read in this process, without Bolt. */
    public boolean readsInProcess() {
        return inProcess != null;
    }

    private List<Record> records(Read<?> how, String cypher, Map<String, Object> parameters) {
        if (how.aside) {
            try (Session session = session(AccessMode.READ, false)) {
                return session.executeRead(tx -> tx.run(cypher, parameters).list(), config(how.timeout));
            }
        }
        RequestTransaction shared = how.timeout == null ? RequestTransactionFilter.CURRENT.get() : null;
        if (shared != null) {
            return shared.read(tx -> {
                count(cypher);
                return records(tx::run, cypher, parameters);
            }, () -> readAlone(how.timeout, cypher, parameters));
        }
        return readAlone(how.timeout, cypher, parameters);
    }

    private List<Record> readAlone(Duration timeout, String cypher, Map<String, Object> parameters) {
        try (Session session = session(AccessMode.READ, true)) {
            return session.executeRead(tx -> {
                count(cypher);
                return records(tx::run, cypher, parameters);
            }, config(timeout));
        }
    }

    private Map<String, Object> row(Read<?> how, String cypher, Map<String, Object> parameters) {
        if (inProcess != null) {
            List<Map<String, Object>> rows = readInProcess(how, cypher, parameters, ArrayList<Map<String, Object>>::new,
                    List::add);
            return rows.isEmpty() ? Map.of() : rows.getFirst();
        }
        return records(how, cypher, parameters).stream().findFirst().map(r -> r.asMap(Value::asObject)).orElse(Map.of());
    }

    private <A> A fold(Read<A> how, String cypher, Map<String, Object> parameters) {
        if (inProcess != null) {
            return readInProcess(how, cypher, parameters, how.start, how.step);
        }
        boolean counted = !how.aside;
        try (Session session = session(AccessMode.READ, counted)) {
            return session.executeRead(tx -> {
                A accumulator = how.start.get();
                if (counted) {
                    count(cypher);
                }
                if (counted && profiled != null) {
                    records(tx::run, cypher, parameters).forEach(r -> how.step.accept(accumulator, r.asMap(Value::asObject)));
                } else {
                    tx.run(cypher, parameters).stream().forEach(r -> how.step.accept(accumulator, r.asMap(Value::asObject)));
                }
                return accumulator;
            }, config(how.timeout));
        }
    }

    /**
     * One statement in a read transaction of the embedded database, its rows folded into a fresh
     * accumulator as they come: counted and (under the test support's Profiler) PROFILEd unless it is
     * read aside.
     */
    private <A> A readInProcess(Read<?> how, String cypher, Map<String, Object> parameters, Supplier<A> start,
            BiConsumer<A, Map<String, Object>> step) {
        boolean counted = !how.aside;
        if (counted) {
            count(cypher);
            transactions.incrementAndGet();
        }
        List<Profiled> noted = counted ? profiled : null;
        Duration limit = how.timeout == null ? timeout : how.timeout;
        try (org.neo4j.graphdb.Transaction tx = inProcess.database().beginTx(limit.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS)) {
            A accumulator = start.get();
            org.neo4j.graphdb.Result result = tx.execute(noted == null ? cypher : "PROFILE " + cypher, parameters);
            while (result.hasNext()) {
                step.accept(accumulator, result.next());
            }
            if (noted != null) {
                noted.add(new Profiled(cypher, dbHits(result.getExecutionPlanDescription())));
            }
            tx.commit();
            return accumulator;
        }
    }

    /** A request's shared read transaction, opened at its first read. */
    RequestTransaction requestTransaction() {
        return new RequestTransaction(() -> session(AccessMode.READ, true), s -> s.beginTransaction(txConfig));
    }

    // ---------------------------------------------------------------- write

    /**
     * How the statements of a {@link #write(Write, Function) write} run.
     *
     * @param timeout how long a transaction may take; null for the gateway's own (the query
     *                timeout, or start-up's for {@link StartupWork#graph()})
     * @param mode    in one transaction retried, in one run once, or each in an auto-commit transaction
     */
    public record Write(Duration timeout, Mode mode) {

        public Write {
            Objects.requireNonNull(mode);
        }

        /** How the statements of a write are put in transactions. */
        public enum Mode {
            /** All in one managed transaction, run again from the start after a transient error (a deadlock, a leader switch). */
            RETRIED,
            /**
             * All in one transaction, never run again: for the bulk imports, where a file of a million rows
             * is written in statements of a few thousand, all in this one transaction, so that it is
             * imported whole or not at all; a failure minutes in (such as the database's limit on a
             * transaction's memory) is reported at once rather than run again.
             */
            ONCE,
            /**
             * Each statement in an auto-commit transaction of its own: for statements that manage their own
             * transactions ({@code CALL ... IN TRANSACTIONS}), schema statements, which cannot share a
             * transaction with writes, and waits on the database ({@code db.awaitIndexes}). Not retried,
             * not PROFILEd.
             */
            AUTO_COMMIT
        }

        /** In one transaction under the query timeout, retried: what a mutation does. */
        public static Write retried() {
            return new Write(null, Mode.RETRIED);
        }

        /** In one transaction that may take {@code timeout}, retried. */
        public static Write retried(Duration timeout) {
            return new Write(Objects.requireNonNull(timeout), Mode.RETRIED);
        }

        /** In one transaction that may take {@code timeout}, never run again: see {@link Mode#ONCE}. */
        public static Write once(Duration timeout) {
            return new Write(Objects.requireNonNull(timeout), Mode.ONCE);
        }

        /** Each statement in an auto-commit transaction that may take {@code timeout}: see {@link Mode#AUTO_COMMIT}. */
        public static Write autoCommit(Duration timeout) {
            return new Write(Objects.requireNonNull(timeout), Mode.AUTO_COMMIT);
        }
    }

    /**
     * Runs one write statement in a transaction of its own, retried, and returns all its records.
     * The same as {@code write(Write.retried(), tx -> tx.run(cypher, parameters))}.
     */
    public List<Record> write(String cypher, Map<String, Object> parameters) {
        return write(Write.retried(), tx -> tx.run(cypher, parameters));
    }

    /**
     * Runs {@code work}, whose statements go through the {@link Transaction} it is given, as
     * {@code how} says: several statements in one transaction, retried or run once, or each in an
     * auto-commit transaction. Ends the request's shared read transaction first, so that the reads
     * after the write see it; counted in {@link #writesEnded} however it ends.
     */
    public <T> T write(Write how, Function<Transaction, T> work) {
        beforeWrite();
        TransactionConfig config = config(how.timeout());
        try {
            switch (how.mode()) {
                case RETRIED -> {
                    try (Session session = session(AccessMode.WRITE, true)) {
                        return session.executeWrite(tx -> work.apply(new Transaction(tx::run, true)), config);
                    }
                }
                case ONCE -> {
                    try (Session session = session(AccessMode.WRITE, true);
                            org.neo4j.driver.Transaction tx = session.beginTransaction(config)) {
                        T result = work.apply(new Transaction(tx::run, true));
                        tx.commit();
                        return result;
                    }
                }
                case AUTO_COMMIT -> {
                    try (Session session = session(AccessMode.WRITE, false)) {
                        return work.apply(new Transaction((cypher, parameters) -> {
                            transactions.incrementAndGet();
                            return session.run(new org.neo4j.driver.Query(cypher, parameters), config);
                        }, false));
                    }
                }
                default -> throw new IllegalArgumentException(how.mode().name());
            }
        } finally {
            writes.incrementAndGet();
        }
    }

    /** Ends the request's shared read transaction before a write, so that the reads after the write see it. */
    private static void beforeWrite() {
        RequestTransaction shared = RequestTransactionFilter.CURRENT.get();
        if (shared != null) {
            shared.endBeforeWrite();
        }
    }

    // ---------------------------------------------------------------- stream

    /**
     * Runs {@code work} in one read transaction that is not retried, with its own timeout, outside
     * any request's: for answers streamed to a client as they are read (exports), where a second
     * attempt could not take back what the first one sent. Statements inside go through
     * {@link Transaction#stream}.
     */
    public void stream(Duration timeout, Consumer<Transaction> work) {
        try (Session session = session(AccessMode.READ, true);
                org.neo4j.driver.Transaction tx = session.beginTransaction(config(Objects.requireNonNull(timeout)))) {
            work.accept(new Transaction(tx::run, true));
            tx.commit();
        }
    }

    // ---------------------------------------------------------------- inside a transaction

    /**
     * A transaction of {@link #write(Write, Function)} or {@link #stream}: the statements run
     * through it are counted, and PROFILEd under the test support's Profiler (but those of an
     * auto-commit write).
     */
    public final class Transaction {

        private final BiFunction<String, Map<String, Object>, Result> runner;
        private final boolean profiles;

        private Transaction(BiFunction<String, Map<String, Object>, Result> runner, boolean profiles) {
            this.runner = runner;
            this.profiles = profiles;
        }

        /** Runs one statement and returns all its records. */
        public List<Record> run(String cypher, Map<String, Object> parameters) {
            count(cypher);
            return profiles ? records(runner, cypher, parameters) : runner.apply(cypher, parameters).list();
        }

        /** Runs one statement, handing each record on as it arrives, never holding them as a list. */
        public void stream(String cypher, Map<String, Object> parameters, Consumer<Record> each) {
            count(cypher);
            Result result = runner.apply(cypher, parameters);
            while (result.hasNext()) {
                each.accept(result.next());
            }
        }
    }

    // ---------------------------------------------------------------- what the database said

    /** Whether {@code e} is the database refusing a transaction more memory than it may use. */
    public static boolean exceedsTransactionMemory(org.neo4j.driver.exceptions.Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        return code.contains("MemoryPoolOutOfMemoryError") || code.contains("TransactionMemoryLimit")
                || String.valueOf(e.getMessage()).contains("dbms.memory.transaction");
    }

    /** True when a write was refused by a uniqueness constraint: the database's word on duplicates. */
    public static boolean violatesConstraint(org.neo4j.driver.exceptions.ClientException e) {
        return "Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code());
    }

    // ---------------------------------------------------------------- profiling (test support)

    /** A statement as it ran while profiled (test support's {@code Profiler}): its text and the database hits of its plan. */
    public record Profiled(String cypher, long dbHits) {
    }

    /** The statements noted while the test support's {@code Profiler} runs; null otherwise (always, in the application). */
    private volatile List<Profiled> profiled;

    /**
     * The hook of the test support's {@code Profiler}: runs {@code work} with every counted statement
     * it sends (but those of an auto-commit write and of {@link Transaction#stream}) PROFILEd, whatever
     * thread sends it. Not for production (the application never calls it), hence package-private.
     */
    synchronized List<Profiled> profiled(Runnable work) {
        profiled = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            work.run();
            return List.copyOf(profiled);
        } finally {
            profiled = null;
        }
    }

    /** The records of {@code cypher} run by {@code tx}, PROFILEd and noted while {@link #profiled} runs. */
    private List<Record> records(BiFunction<String, Map<String, Object>, Result> tx, String cypher,
            Map<String, Object> parameters) {
        List<Profiled> noted = profiled;
        if (noted == null) {
            return tx.apply(cypher, parameters).list();
        }
        var result = tx.apply("PROFILE " + cypher, parameters);
        List<Record> records = result.list();
        noted.add(new Profiled(cypher, dbHits(result.consume().profile())));
        return records;
    }

    private static long dbHits(org.neo4j.driver.summary.ProfiledPlan plan) {
        long hits = plan.dbHits();
        for (org.neo4j.driver.summary.ProfiledPlan child : plan.children()) {
            hits += dbHits(child);
        }
        return hits;
    }

    private static long dbHits(org.neo4j.graphdb.ExecutionPlanDescription plan) {
        long hits = plan.hasProfilerStatistics() ? plan.getProfilerStatistics().getDbHits() : 0;
        for (org.neo4j.graphdb.ExecutionPlanDescription child : plan.getChildren()) {
            hits += dbHits(child);
        }
        return hits;
    }

    // ---------------------------------------------------------------- counts

    /**
     * How many transactions this application has opened since it started (one a read or write,
     * one a statement of an auto-commit write, one a request's shared read transaction; a retried
     * attempt is not counted again; reads aside are not counted).
     */
    public long transactionsRun() {
        return transactions.get();
    }

    /**
     * How many writes ({@link #write}) this application has ended (committed, or failed: a
     * failure may still have committed) since it started: part of the data version that
     * the cached network measures are kept for, beside the pairing change log (which also
     * sees other instances' writes).
     */
    public long writesEnded() {
        return writes.get();
    }

    /** How many statements this application has sent to Neo4j since it started (reads aside not counted). */
    public long statementsRun() {
        return statements.get();
    }

    private void count(String cypher) {
        statements.incrementAndGet();
        if (log.isDebugEnabled()) {
            log.debug("Cypher: {}", cypher.replaceAll("\\s+", " "));
        }
    }

    private TransactionConfig config(Duration timeout) {
        return timeout == null ? txConfig : TransactionConfig.builder().withTimeout(timeout).build();
    }

    /** A session that shares the driver's bookmarks; {@code counted}: one transaction more in {@link #transactionsRun}. */
    private Session session(AccessMode mode, boolean counted) {
        if (counted) {
            transactions.incrementAndGet();
        }
        SessionConfig.Builder config = SessionConfig.builder()
                .withDefaultAccessMode(mode)
                .withBookmarkManager(driver.executableQueryBookmarkManager());
        if (database != null) {
            config.withDatabase(database);
        }
        return driver.session(config.build());
    }
}
