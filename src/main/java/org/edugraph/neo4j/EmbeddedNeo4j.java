package org.edugraph.neo4j;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.DatabaseStateService;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Neo4j Community server with its Bolt connector on 127.0.0.1, so that
 * the application (and Neo4j Browser or cypher-shell) talk to it like to any server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    /** Neo4j's built-in user, the one the application signs in as. */
    public static final String USER = "neo4j";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * How long Bolt's network threads wait, once its connections are closed, for work that
     * will not come: Neo4j's default of 5 s, once for each of its two thread groups, made
     * every stop take 10 s more, a failed start too.
     */
    private static final Duration BOLT_QUIET_PERIOD = Duration.ofMillis(200);
    /** How long start-up work may take when no {@code edugraph.startup.timeout} is given. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private final DatabaseManagementService service;
    private final int boltPort;
    private final String password;

    private EmbeddedNeo4j(DatabaseManagementService service, int boltPort, String password) {
        this.service = service;
        this.boltPort = boltPort;
        this.password = password;
    }

    /** Starts Neo4j with a password generated for this run and known only to this process. */
    public static EmbeddedNeo4j start(Path home, int boltPort, Duration transactionTimeout, String pageCache) {
        return start(home, boltPort, transactionTimeout, pageCache, "");
    }

    /** Starts Neo4j with the given password of user {@code neo4j}, start-up work bounded by the default of 5 minutes. */
    public static EmbeddedNeo4j start(Path home, int boltPort, Duration transactionTimeout, String pageCache,
            String password) {
        return start(home, boltPort, transactionTimeout, pageCache, password, STARTUP_TIMEOUT);
    }

    /**
     * Starts Neo4j with its files under {@code home}. Bolt listens on the loopback
     * interface only, and even there asks for a password: any local process could
     * otherwise bypass the service's roles, region scopes and audit. {@code LOAD CSV}
     * may not read local files (it would read {@code /proc/self/environ}). A folder that held
     * a store and lost it is refused ({@link DataDir}), and a store Neo4j cannot open stops the
     * start with an {@link EmbeddedStoreException} naming the folder and Neo4j's reason.
     *
     * @param boltPort the Bolt port, or 0 for a free one
     * @param password the password of user {@code neo4j}; empty for one generated now and never shown
     * @param startupTimeout how long the database may take to come online, and setting the password
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, Duration transactionTimeout, String pageCache,
            String password, Duration startupTimeout) {
        long started = System.nanoTime();
        String secret = password == null || password.isEmpty() ? generatedPassword() : password;
        DataDir dataDir = new DataDir(home);
        dataDir.requireWritable();
        dataDir.refuseIfStoreGone();
        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(dataDir.home())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseSettings.transaction_timeout, transactionTimeout)
                    // Time limits are enforced by a monitor: every 2 s by default, so a transaction of a 50 ms limit
                    // could run 2 s. Every 100 ms, a limit holds to a tenth of a second.
                    .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, java.time.Duration.ofMillis(100))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, BOLT_QUIET_PERIOD)
                    .build();
        } catch (RuntimeException e) {
            throw dataDir.cannotOpen(e);
        }
        int port;
        try {
            requireOnline(service, dataDir, startupTimeout);
            StartupWork.run("setting the Bolt password", startupTimeout, () -> {
                setPassword(service, secret, startupTimeout);
                return null;
            });
            GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).getPort();
            dataDir.mark(Instant.now());
        } catch (RuntimeException e) {
            try {
                service.shutdown(); // else its Bolt port and store lock outlive the failed start
            } catch (RuntimeException shutdown) {
                e.addSuppressed(shutdown);
            }
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "neo4j-shutdown"));
        log.info("Embedded Neo4j started in {} ms, files under {}, Bolt on bolt://127.0.0.1:{}",
                (System.nanoTime() - started) / 1_000_000, dataDir.home(), port);
        return new EmbeddedNeo4j(service, port, secret);
    }

    /**
     * Fails unless the default database is online. Neo4j starts even when that database's
     * store cannot be opened (damaged files, a file where a folder should be): only the
     * {@code system} database runs, the cause goes to {@code logs/debug.log}, and every query
     * is refused as "not currently available", which the driver retries, so the application
     * used to stop a minute and a half later without saying why.
     */
    private static void requireOnline(DatabaseManagementService service, DataDir dataDir, Duration wait) {
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            DatabaseStateService<?> states = ((GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
                    .getDependencyResolver().resolveDependency(DatabaseStateService.class);
            Optional<Throwable> failure = states.causeOfFailure(db.databaseId());
            if (failure.isPresent()) {
                throw dataDir.cannotOpen(failure.get());
            }
            if (!db.isAvailable(wait.toMillis())) {
                // Not failed, only slow (a large store, a busy machine): more time may do.
                throw new StartupWork.StartupTimeoutException("the database '" + db.databaseName() + "' coming online",
                        wait, null);
            }
        } catch (EmbeddedStoreException | StartupWork.StartupTimeoutException e) {
            throw e;
        } catch (RuntimeException e) {
            throw dataDir.cannotOpen(e);
        }
    }

    /**
     * Makes {@code password} the password of user {@code neo4j}, unless it already is: the
     * store keeps the last one, and Neo4j refuses to set the same one again ("Old password and
     * new password cannot be the same"), which used to stop every start after the first with a
     * fixed {@code EDUGRAPH_NEO4J_PASSWORD}. The check is a sign-in inside the process; the
     * embedded API runs as the database itself, so no old password is needed to set a new one.
     */
    private static void setPassword(DatabaseManagementService service, String password, Duration timeout) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (signsIn(system, password)) {
            log.info("The Bolt password of user '{}' is unchanged", USER);
            return;
        }
        system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password), result -> null, timeout);
    }

    /** Whether user {@code neo4j} signs in with {@code password} now, without a change of password required. */
    private static boolean signsIn(GraphDatabaseAPI system, String password) {
        try {
            LoginContext login = system.getDependencyResolver().resolveDependency(AuthManager.class)
                    .login(org.neo4j.kernel.api.security.AuthToken.newBasicAuthToken(USER, password), ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (InvalidAuthTokenException e) {
            return false;
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The default database, for statements run in this process without Bolt. */
    public org.neo4j.graphdb.GraphDatabaseService database() {
        return service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** The password of user {@code neo4j} for this run. */
    public String password() {
        return password;
    }

    /** How a driver signs in to this database. */
    public AuthToken authToken() {
        return AuthTokens.basic(USER, password);
    }

    public int boltPort() {
        return boltPort;
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    @Override
    public void close() {
        service.shutdown();
    }
}
