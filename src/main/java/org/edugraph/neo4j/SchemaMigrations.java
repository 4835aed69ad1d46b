package org.edugraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;
import java.util.UUID;

import org.edugraph.EduGraphProperties;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.beans.factory.annotation.Autowired;

import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the Cypher migrations of {@code neo4j/migrations} (on the classpath) in
 * version order, each once, and records each with its checksum. A migration that was
 * applied and has since changed stops start-up: schema history is append-only.
 * (neo4j-migrations would do this, but cannot be resolved from the reachable registry.)
 */
@Component
public class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");

    /**
     * @param checksum       over the statements, line endings and surrounding whitespace normalised
     *                       and comments left out (as neo4j-migrations does), so that a checkout
     *                       with CRLF line endings is the same migration
     * @param legacyChecksum over the whole file with LF line endings, as stores migrated before
     *                       recorded it; accepted and replaced by {@code checksum}
     */
    record Migration(int version, String description, String checksum, String legacyChecksum, List<String> statements) {

        /** Whether the checksum a store recorded is this migration's. */
        boolean isRecordedAs(String recorded) {
            return checksum.equals(recorded) || legacyChecksum.equals(recorded);
        }

        static Migration of(int version, String description, String text) {
            String lf = text.replace("\r\n", "\n").replace('\r', '\n');
            List<String> statements = SchemaMigrations.statements(lf);
            String canonical = String.join(";\n", statements.stream()
                    .map(st -> String.join("\n", st.lines().map(String::strip).toList())).toList());
            return new Migration(version, description, sha256(canonical), sha256(lf), statements);
        }
    }

    private static final String LOCK_ID = "schema";

    private final StartupWork startup;
    private final Graph graph;
    private final Duration timeout;
    private final Duration wait;
    private final String owner;

    /** Applies what the store lacks when {@link #migrate} is called: its statements run as start-up work ({@link StartupWork}). */
    @Autowired
    public SchemaMigrations(StartupWork startup, EduGraphProperties properties) {
        this(startup, properties.neo4j().migrationTimeout(), properties.neo4j().migrationWait());
    }

    SchemaMigrations(StartupWork startup, Duration timeout, Duration wait) {
        this.startup = startup;
        this.graph = startup.graph();
        this.timeout = timeout;
        this.wait = wait;
        this.owner = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The first step of start-up ({@code seed.StartupSteps}): applies the migrations the store lacks, as
     * the start-up step "schema migrations" ({@link StartupWork#run}), and waits for the indexes.
     */
    public void migrate() {
        startup.run("schema migrations", this::migrateUnderLock);
    }

    /**
     * Several instances may start at once against one database: each creates the bootstrap
     * constraints (tolerating the other's), then one at a time, under a lock node (as
     * neo4j-migrations does), applies what the store lacks; the others wait, then find it
     * applied. Indexes are awaited after, outside the query timeout.
     */
    private void migrateUnderLock() {
        bootstrap("migration_version", "CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:__Migration) REQUIRE m.version IS UNIQUE");
        bootstrap("migration_lock", "CREATE CONSTRAINT migration_lock IF NOT EXISTS FOR (l:__MigrationLock) REQUIRE l.id IS UNIQUE");
        lock();
        try {
            apply();
        } finally {
            graph.write("MATCH (l:__MigrationLock {id: $id, owner: $owner}) DELETE l", Map.of("id", LOCK_ID, "owner", owner));
        }
        // Constraints and indexes are built in the background; queries must not race them.
        graph.write(Graph.Write.autoCommit(timeout.plusMinutes(1)),
                tx -> tx.run("CALL db.awaitIndexes($seconds)", Map.of("seconds", timeout.toSeconds())));
    }

    private void bootstrap(String name, String statement) {
        try {
            graph.write(Graph.Write.autoCommit(timeout), tx -> tx.run(statement, Map.of()));
        } catch (Neo4jException e) {
            // Another instance created it at the same moment: what matters is that it exists.
            boolean exists = !graph.read("SHOW CONSTRAINTS YIELD name WHERE name = $name RETURN name", Map.of("name", name)).isEmpty();
            if (!exists) {
                throw e;
            }
        }
    }

    private void lock() {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            try {
                graph.write("CREATE (:__MigrationLock {id: $id, owner: $owner, since: datetime()})",
                        Map.of("id", LOCK_ID, "owner", owner));
                return;
            } catch (ClientException e) {
                if (!Graph.violatesConstraint(e)) {
                    throw e;
                }
            }
            var holder = graph.read("MATCH (l:__MigrationLock {id: $id}) RETURN l.owner AS owner, toString(l.since) AS since",
                    Map.of("id", LOCK_ID));
            String who = holder.isEmpty() ? "another instance" : holder.getFirst().get("owner").asString()
                    + " since " + holder.getFirst().get("since").asString();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(("Schema migrations are locked by %s and did not finish within %s: if no"
                        + " other instance is migrating (one died while it did), remove the lock with"
                        + " MATCH (l:__MigrationLock) DELETE l").formatted(who, wait));
            }
            if (!told) {
                log.info("Waiting for schema migrations of {}", who);
                told = true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for schema migrations", interrupted);
            }
        }
    }

    private void apply() {
        Map<Integer, String> applied = new java.util.HashMap<>();
        for (Record r : graph.read("MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum", Map.of())) {
            applied.put(r.get("version").asInt(), r.get("checksum").asString());
        }
        for (Migration m : load()) {
            String known = applied.get(m.version());
            if (known != null) {
                if (!m.isRecordedAs(known)) {
                    throw new IllegalStateException("Migration V%03d (%s) was changed after it was applied; add a new migration instead"
                            .formatted(m.version(), m.description()));
                }
                if (!known.equals(m.checksum())) {
                    graph.write("MATCH (m:__Migration {version: $version}) SET m.checksum = $checksum",
                            Map.of("version", m.version(), "checksum", m.checksum()));
                }
                continue;
            }
            // Schema statements cannot share a transaction with writes, so each runs alone, in its own
            // auto-commit transaction (data changes of a large store use CALL ... IN TRANSACTIONS).
            for (String statement : m.statements()) {
                graph.write(Graph.Write.autoCommit(timeout), tx -> tx.run(statement, Map.of()));
            }
            graph.write("""
                    CREATE (:__Migration {version: $version, description: $description,
                                          checksum: $checksum, appliedAt: datetime()})""",
                    Map.of("version", m.version(), "description", m.description(), "checksum", m.checksum()));
            log.info("Applied migration V{}__{}", m.version(), m.description());
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    static List<Migration> load() {
        try {
            // This class's own loader: the thread's may be the web server's, which also lists what its parent finds.
            Resource[] resources = new PathMatchingResourcePatternResolver(SchemaMigrations.class.getClassLoader())
                    .getResources("classpath*:neo4j/migrations/V*.cypher");
            List<Migration> migrations = new ArrayList<>();
            for (Resource resource : resources) {
                Matcher name = NAME.matcher(resource.getFilename());
                if (!name.matches()) {
                    throw new IllegalStateException("Migration file name not of the form V<version>__<description>.cypher: "
                            + resource.getFilename());
                }
                migrations.add(Migration.of(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
                        resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return inVersionOrder(migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The migrations by version, each once: the same file found twice (two class path entries
     * holding one folder) is one migration, two different files of one version stop start-up.
     */
    static List<Migration> inVersionOrder(List<Migration> found) {
        Map<Integer, Migration> byVersion = new java.util.TreeMap<>();
        for (Migration m : found) {
            Migration other = byVersion.putIfAbsent(m.version(), m);
            if (other != null && !other.checksum().equals(m.checksum())) {
                throw new IllegalStateException("Two different migrations have version %d (%s, %s); give each its own version"
                        .formatted(m.version(), other.description(), m.description()));
            }
        }
        return List.copyOf(byVersion.values());
    }

    /** Splits a file into statements at semicolons that end a line; `//` lines are comments. */
    static List<String> statements(String text) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("//")) {
                withoutComments.append(line).append('\n');
            }
        }
        return Arrays.stream(withoutComments.toString().split(";\\s*\n"))
                .map(String::strip)
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
