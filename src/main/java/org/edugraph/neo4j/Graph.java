package org.edugraph.neo4j;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.edugraph.EduGraphProperties;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * The one way into the database: every Cypher statement of the application runs here,
 * parameterised, in a managed transaction with a timeout, and is counted, so that the
 * cost of a request in round trips can be measured (see {@link #statementsRun()}).
 * Sessions share the driver's bookmark manager, so a read after a write sees it, in a
 * cluster too.
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
    private final java.time.Duration timeout;
    /** The database in this process, for {@link #readRow}; null to go through the driver. */
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

    private Graph(Driver driver, String database, java.time.Duration timeout, AtomicLong statements, AtomicLong transactions,
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
    Graph withTimeout(java.time.Duration timeout) {
        return new Graph(driver, database, timeout, statements, transactions, writes, inProcess);
    }

    /**
     * Runs one read statement and returns all its records: in the read transaction of the
     * GraphQL request it serves when there is one ({@link RequestTransaction}), else in a
     * transaction of its own.
     */
    public List<Record> read(String cypher, Map<String, Object> parameters) {
        RequestTransaction shared = RequestTransactionFilter.CURRENT.get();
        if (shared != null) {
            return shared.read(tx -> {
                count(cypher);
                return records(tx::run, cypher, parameters);
            }, () -> readAlone(cypher, parameters));
        }
        return readAlone(cypher, parameters);
    }

    /**
     * Runs one read statement that returns one row and gives its columns as Java values (maps,
     * lists, strings, longs, dates): in this process without Bolt when the database is embedded
     * ({@link InProcessDatabase}), else as {@link #read}, in the request's read transaction.
     */
    public Map<String, Object> readRow(String cypher, Map<String, Object> parameters) {
        if (inProcess == null) {
            return read(cypher, parameters).getFirst().asMap(org.neo4j.driver.Value::asObject);
        }
        return readInProcess(cypher, parameters, true, java.util.ArrayList<Map<String, Object>>::new, List::add).getFirst();
    }

    /**
     * One statement in a read transaction of the embedded database, its rows folded into a fresh
     * accumulator as they come: counted and (under the test support's Profiler) PROFILEd unless it is
     * work aside ({@code counted} false).
     */
    private <A> A readInProcess(String cypher, Map<String, Object> parameters, boolean counted, java.util.function.Supplier<A> start,
            java.util.function.BiConsumer<A, Map<String, Object>> step) {
        if (counted) {
            count(cypher);
            transactions.incrementAndGet();
        }
        List<Profiled> noted = counted ? profiled : null;
        try (org.neo4j.graphdb.Transaction tx = inProcess.database().beginTx(timeout.toMillis(),
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

    private static long dbHits(org.neo4j.graphdb.ExecutionPlanDescription plan) {
        long hits = plan.hasProfilerStatistics() ? plan.getProfilerStatistics().getDbHits() : 0;
        for (org.neo4j.graphdb.ExecutionPlanDescription child : plan.getChildren()) {
            hits += dbHits(child);
        }
        return hits;
    }

    /** Whether {@link #readRow} runs in this process, without Bolt. */
    public boolean readsInProcess() {
        return inProcess != null;
    }

    private List<Record> readAlone(String cypher, Map<String, Object> parameters) {
        try (Session session = session(AccessMode.READ)) {
            return session.executeRead(tx -> run(tx, cypher, parameters), txConfig);
        }
    }

    /** A request's shared read transaction, opened at its first read. */
    RequestTransaction requestTransaction() {
        return new RequestTransaction(() -> session(AccessMode.READ), s -> s.beginTransaction(txConfig));
    }

    /** Ends the request's shared read transaction before a write, so that the reads after the write see it. */
    private static void beforeWrite() {
        RequestTransaction shared = RequestTransactionFilter.CURRENT.get();
        if (shared != null) {
            shared.endBeforeWrite();
        }
    }

    /** A statement as it ran while profiled (test support's {@code Profiler}): its text and the database hits of its plan. */
    public record Profiled(String cypher, long dbHits) {
    }

    /** The statements noted while the test support's {@code Profiler} runs; null otherwise (always, in the application). */
    private volatile List<Profiled> profiled;

    /**
     * The hook of the test support's {@code Profiler}: runs {@code work} with every statement it sends
     * through {@link #read}, {@link #readRow}, {@link #fold} or {@link #run} PROFILEd, whatever thread sends
     * it. Not for production (the application never calls it), hence package-private.
     */
    synchronized List<Profiled> profiled(Runnable work) {
        profiled = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try {
            work.run();
            return List.copyOf(profiled);
        } finally {
            profiled = null;
        }
    }

    private static long dbHits(org.neo4j.driver.summary.ProfiledPlan plan) {
        long hits = plan.dbHits();
        for (org.neo4j.driver.summary.ProfiledPlan child : plan.children()) {
            hits += dbHits(child);
        }
        return hits;
    }

    /** The records of {@code cypher} run by {@code tx}, PROFILEd and noted while {@link #profiled} runs. */
    private List<Record> records(BiFunction<String, Map<String, Object>, Result> tx, String cypher, Map<String, Object> parameters) {
        List<Profiled> noted = profiled;
        if (noted == null) {
            return tx.apply(cypher, parameters).list();
        }
        var result = tx.apply("PROFILE " + cypher, parameters);
        List<Record> records = result.list();
        noted.add(new Profiled(cypher, dbHits(result.consume().profile())));
        return records;
    }

    /**
     * Runs one read statement and folds its rows (columns as Java values: strings, longs, dates,
     * lists, maps, null) into a fresh accumulator as they stream in, so that a large answer is
     * never held as a list: in this process without Bolt when the database is embedded (40,000
     * rows of an analytic cross no wire), else through the driver, where a retried transaction
     * starts again from a new accumulator.
     */
    public <A> A fold(String cypher, Map<String, Object> parameters, java.util.function.Supplier<A> start,
            java.util.function.BiConsumer<A, Map<String, Object>> step) {
        if (inProcess != null) {
            return readInProcess(cypher, parameters, true, start, step);
        }
        try (Session session = session(AccessMode.READ)) {
            return session.executeRead(tx -> {
                A accumulator = start.get();
                count(cypher);
                if (profiled != null) {
                    records(tx::run, cypher, parameters).forEach(r -> step.accept(accumulator, r.asMap(org.neo4j.driver.Value::asObject)));
                } else {
                    tx.run(cypher, parameters).stream().forEach(r -> step.accept(accumulator, r.asMap(org.neo4j.driver.Value::asObject)));
                }
                return accumulator;
            }, txConfig);
        }
    }

    /**
     * Runs {@code work} in one read transaction that is not retried, with its own timeout:
     * for answers streamed to a client as they are read (exports), where a second attempt
     * could not take back what the first one sent. Statements inside go through
     * {@link #stream}.
     */
    public void readOnce(java.time.Duration timeout, java.util.function.Consumer<org.neo4j.driver.Transaction> work) {
        try (Session session = session(AccessMode.READ);
                org.neo4j.driver.Transaction tx = session.beginTransaction(TransactionConfig.builder().withTimeout(timeout).build())) {
            work.accept(tx);
            tx.commit();
        }
    }

    /** Runs one statement in a transaction of {@link #readOnce}, handing each record on as it arrives. */
    public void stream(org.neo4j.driver.Transaction tx, String cypher, Map<String, Object> parameters,
            java.util.function.Consumer<Record> each) {
        count(cypher);
        var result = tx.run(cypher, parameters);
        while (result.hasNext()) {
            each.accept(result.next());
        }
    }

    /** Runs one write statement and returns all its records. */
    public List<Record> write(String cypher, Map<String, Object> parameters) {
        beforeWrite();
        try (Session session = session(AccessMode.WRITE)) {
            return session.executeWrite(tx -> run(tx, cypher, parameters), txConfig);
        } finally {
            writes.incrementAndGet();
        }
    }

    /**
     * Runs one statement in an auto-commit transaction with a timeout of its own: for
     * statements that manage their own transactions ({@code CALL ... IN TRANSACTIONS}) and
     * for waits on the database ({@code db.awaitIndexes}), which must not be cut by the
     * query timeout. Not retried.
     */
    public void autoCommit(String cypher, Map<String, Object> parameters, java.time.Duration timeout) {
        beforeWrite();
        try (Session session = session(AccessMode.WRITE)) {
            session.run(new org.neo4j.driver.Query(cypher, parameters),
                    TransactionConfig.builder().withTimeout(timeout).build()).consume();
        } finally {
            writes.incrementAndGet();
        }
    }

    /** Runs several write statements in one transaction; {@code work} uses {@link #run}. */
    public <T> T writeTransaction(Function<TransactionContext, T> work) {
        return writeTransaction(txConfig, work);
    }

    /**
     * Runs several write statements in one transaction with a timeout of its own (loading a
     * seed file at start), retried on transient errors like the others.
     */
    public <T> T writeTransaction(java.time.Duration timeout, Function<TransactionContext, T> work) {
        return writeTransaction(TransactionConfig.builder().withTimeout(timeout).build(), work);
    }

    private <T> T writeTransaction(TransactionConfig config, Function<TransactionContext, T> work) {
        beforeWrite();
        try (Session session = session(AccessMode.WRITE)) {
            return session.executeWrite(work::apply, config);
        } finally {
            writes.incrementAndGet();
        }
    }

    /**
     * Runs several write statements in one transaction with a timeout of its own, not
     * retried, for the bulk imports: a file of a million rows is written in statements of a
     * few thousand, all in this one transaction, so that it is imported whole or not at all;
     * a failure minutes in (such as the database's limit on a transaction's memory) is
     * reported at once rather than run again.
     */
    public <T> T writeOnce(java.time.Duration timeout, Function<TransactionContext, T> work) {
        beforeWrite();
        try (Session session = session(AccessMode.WRITE);
                org.neo4j.driver.Transaction tx = session.beginTransaction(TransactionConfig.builder().withTimeout(timeout).build())) {
            T result = work.apply(new TransactionContext() {
                @Override
                public Result run(String query, org.neo4j.driver.Value parameters) {
                    return tx.run(query, parameters);
                }

                @Override
                public Result run(String query, Map<String, Object> parameters) {
                    return tx.run(query, parameters);
                }

                @Override
                public Result run(String query, Record parameters) {
                    return tx.run(query, parameters);
                }

                @Override
                public Result run(String query) {
                    return tx.run(query);
                }

                @Override
                public Result run(org.neo4j.driver.Query query) {
                    return tx.run(query);
                }
            });
            tx.commit();
            return result;
        } finally {
            writes.incrementAndGet();
        }
    }

    /** Whether {@code e} is the database refusing a transaction more memory than it may use. */
    public static boolean exceedsTransactionMemory(org.neo4j.driver.exceptions.Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        return code.contains("MemoryPoolOutOfMemoryError") || code.contains("TransactionMemoryLimit")
                || String.valueOf(e.getMessage()).contains("dbms.memory.transaction");
    }

    /**
     * Runs one read statement in a transaction of its own with its own timeout, outside any
     * request's shared transaction: for the checks of a bulk import over a large file.
     */
    public List<Record> read(java.time.Duration timeout, String cypher, Map<String, Object> parameters) {
        try (Session session = session(AccessMode.READ)) {
            return session.executeRead(tx -> run(tx, cypher, parameters), TransactionConfig.builder().withTimeout(timeout).build());
        }
    }

    /**
     * Runs one read statement for work in the background of the application (the change log's
     * reader), in a transaction of its own: never in a request's transaction, and not counted
     * in {@link #statementsRun}, which tells what requests cost.
     */
    public List<Record> readAside(String cypher, Map<String, Object> parameters) {
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ)
                .withBookmarkManager(driver.executableQueryBookmarkManager());
        if (database != null) {
            config.withDatabase(database);
        }
        try (Session session = driver.session(config.build())) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list(), txConfig);
        }
    }

    /**
     * {@link #readAside} for a statement of at most one row, given as Java values (empty when
     * there is no row): in this process without Bolt when the database is embedded. For what a
     * request asks on the side and often (the analytics' data version, before each kept answer).
     */
    public Map<String, Object> readRowAside(String cypher, Map<String, Object> parameters) {
        if (inProcess == null) {
            return readAside(cypher, parameters).stream().findFirst()
                    .map(r -> r.asMap(org.neo4j.driver.Value::asObject)).orElse(Map.of());
        }
        List<Map<String, Object>> rows = readInProcess(cypher, parameters, false, java.util.ArrayList<Map<String, Object>>::new,
                List::add);
        return rows.isEmpty() ? Map.of() : rows.getFirst();
    }

    /** Runs one statement inside a transaction of {@link #writeTransaction}, counting it. */
    public List<Record> run(TransactionContext tx, String cypher, Map<String, Object> parameters) {
        count(cypher);
        return records(tx::run, cypher, parameters);
    }

    private void count(String cypher) {
        statements.incrementAndGet();
        if (log.isDebugEnabled()) {
            log.debug("Cypher: {}", cypher.replaceAll("\\s+", " "));
        }
    }

    /** True when a write was refused by a uniqueness constraint: the database's word on duplicates. */
    public static boolean violatesConstraint(org.neo4j.driver.exceptions.ClientException e) {
        return "Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code());
    }

    /**
     * How many transactions this application has opened since it started (each method of this
     * class opens one session for one transaction; a retried attempt is not counted again).
     */
    public long transactionsRun() {
        return transactions.get();
    }

    /**
     * How many write transactions this application has ended (committed, or failed: a
     * failure may still have committed) since it started: part of the data version that
     * the cached network measures are kept for, beside the pairing change log (which also
     * sees other instances' writes).
     */
    public long writesEnded() {
        return writes.get();
    }

    /** How many statements this application has sent to Neo4j since it started. */
    public long statementsRun() {
        return statements.get();
    }

    private Session session(AccessMode mode) {
        transactions.incrementAndGet();
        SessionConfig.Builder config = SessionConfig.builder()
                .withDefaultAccessMode(mode)
                .withBookmarkManager(driver.executableQueryBookmarkManager());
        if (database != null) {
            config.withDatabase(database);
        }
        return driver.session(config.build());
    }
}
