package org.edugraph;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of EduGraph, under the prefix {@code edugraph}; the table of
 * docs/configuration.md documents each one.
 *
 * @param dataDir where the embedded Neo4j keeps its files (ignored with {@code spring.neo4j.uri})
 * @param neo4j   the database connection
 * @param seeds   loading the report facts at start
 * @param gazetteer loading the division list (regions and towns) at start, before the seeds
 * @param graphql limits on GraphQL requests
 * @param security who may read and who may write
 * @param demo     the generated network the {@code demo} profile loads
 * @param export   the file exports
 * @param imports  the bulk imports of schools and pairings
 * @param subscriptions how pairing changes reach subscribers of every instance
 * @param startup  how long the work of start-up may take
 * @param analytics the network measures: how large a network may be measured, and how
 * @param timeZone the zone whose calendar dates the reports and admins mean (a pairing ending
 *                 31 December ends at midnight there)
 */
@ConfigurationProperties("edugraph")
public record EduGraphProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Neo4j neo4j,
        @DefaultValue Seeds seeds,
        @DefaultValue Gazetteer gazetteer,
        @DefaultValue Graphql graphql,
        @DefaultValue Security security,
        @DefaultValue Demo demo,
        @DefaultValue Export export,
        @DefaultValue Imports imports,
        @DefaultValue Subscriptions subscriptions,
        @DefaultValue Startup startup,
        @DefaultValue Analytics analytics,
        @DefaultValue("Asia/Shanghai") java.time.ZoneId timeZone) {

    /**
     * @param boltPort     Bolt port of the embedded Neo4j on 127.0.0.1; 0 picks a free one
     * @param database     the database to use on a server; empty for the server's default
     * @param queryTimeout longest a single Cypher transaction may run
     * @param pageCache    page cache of the embedded Neo4j, e.g. 256m
     * @param requestTransaction a GraphQL request over HTTP makes its reads in one read transaction
     * @param migrationTimeout longest one migration statement, and the wait for its indexes, may take
     * @param migrationWait    how long an instance waits for another one's schema migrations before it gives up
     * @param password     password of user {@code neo4j} on the embedded Bolt port (EDUGRAPH_NEO4J_PASSWORD);
     *                     empty: one is generated at each start and never shown, so only the service connects
     * @param healthTimeout longest /actuator/health waits for the database before it reports it DOWN
     * @param inProcessReads with the embedded database, compiled reads run in this process without Bolt
     */
    public record Neo4j(
            @DefaultValue("7687") int boltPort,
            @DefaultValue("") String database,
            @DefaultValue("10s") Duration queryTimeout,
            @DefaultValue("256m") String pageCache,
            @DefaultValue("true") boolean requestTransaction,
            @DefaultValue("1h") Duration migrationTimeout,
            @DefaultValue("5m") Duration migrationWait,
            @DefaultValue("") String password,
            @DefaultValue("3s") Duration healthTimeout,
            @DefaultValue("true") boolean inProcessReads) {
    }

    /**
     * @param enabled  load the seed files at start
     * @param location where the seed files are (a Spring resource pattern's folder)
     */
    public record Seeds(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("classpath:seeds/") String location) {
    }

    /**
     * @param enabled load the gazetteer at start (when its checksum differs from the one loaded last)
     * @param file    the gazetteer file (seeds/gazetteer/README.md), a Spring resource
     */
    public record Gazetteer(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("classpath:seeds/gazetteer/divisions-2023.tsv") String file) {
    }

    /**
     * @param timeout longest each step of start-up (the database coming online, the Bolt password,
     *                migrations, seeds, the demo network) may take, retryable failures tried again
     *                within it; not the query timeout, which a cold store on a busy machine outlives
     */
    public record Startup(@DefaultValue("5m") Duration timeout) {
    }

    /**
     * @param maxSchools  the most schools a network may have for its measures to be computed; a larger one is
     *                    refused (BAD_REQUEST, advising a filter) as soon as reading it passes the bound
     * @param maxPairings the most pairings, likewise
     * @param exactBetweennessSchools networks of at most this many schools get exact betweenness; larger ones an
     *                    estimate from {@code betweennessSources} sources
     * @param betweennessSources how many schools the betweenness of a larger network is estimated from
     * @param cacheEntries how many networks' measures are kept (each until the data changes), least recently used out first;
     *                    as many filters' pairings likewise, within {@code keptPairings}
     * @param keptPairings how many selected pairings are kept in all, for the statistics, flows, changes, counts,
     *                    trends and measures of the same filter to read them once (about 200 bytes each); a
     *                    selection of more is read each time it is asked about; 0 keeps none
     * @param measuresTimeout longest the measures of one network may take to compute; past it they are given up. One
     *                    that outlives its request (edugraph.graphql.timeout) still finishes and is kept for the next
     */
    public record Analytics(
            @DefaultValue("50000") int maxSchools,
            @DefaultValue("100000") int maxPairings,
            @DefaultValue("5000") int exactBetweennessSchools,
            @DefaultValue("1000") int betweennessSources,
            @DefaultValue("16") int cacheEntries,
            @DefaultValue("2m") Duration measuresTimeout,
            @DefaultValue("200000") int keptPairings) {
    }

    /**
     * @param schools  how many synthetic schools the demo network has
     * @param pairings how many synthetic pairings
     * @param seed     the random seed: the same seed gives the same network
     */
    public record Demo(
            @DefaultValue("2000") int schools,
            @DefaultValue("4000") int pairings,
            @DefaultValue("2022") long seed) {
    }

    /**
     * @param timeout     longest an export may stream (its read transaction stays open meanwhile)
     * @param concurrency how many exports may stream at once; one more is refused (503)
     */
    public record Export(@DefaultValue("10m") Duration timeout, @DefaultValue("4") int concurrency) {
    }

    /**
     * @param maxRows   the most data rows one file may hold
     * @param batchSize rows written per statement; every statement of an import runs in its one transaction
     * @param timeout   longest an import's checks, and its one write transaction, may take
     */
    public record Imports(
            @DefaultValue("1000000") int maxRows,
            @DefaultValue("10000") int batchSize,
            @DefaultValue("10m") Duration timeout) {
    }

    /**
     * @param pollInterval how often an instance with subscribers reads the change log for changes
     *                     committed through other instances (its own writes are read at once)
     * @param retention    how long the change log keeps a change; writers remove older ones
     */
    public record Subscriptions(
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("24h") Duration retention) {
    }

    /**
     * @param maxDepth      deepest selection set accepted (introspection is bounded on its own)
     * @param maxSelections most fields a request may select, each fragment counted where it is spread
     * @param documentCache total length of the documents kept parsed and validated (by their text)
     * @param maxComplexity the most a request may cost: each field counts 1 per row it may return
     *                      (times `first` under a page), the network analytics more (see {@code api.RequestCost})
     * @param maxTokens     most tokens the parser reads before giving up
     * @param maxCharacters longest document the parser reads
     * @param timeout       longest a request may take before it is answered with an error
     * @param maxPageSize   largest `first` a connection accepts
     * @param defaultPageSize `first` when a client gives none
     * @param analyticsConcurrency how many network analytics may read the database at once; more wait
     * @param analyticsWait how long an analytic waits for its turn before it is refused
     * @param maxRootFields most fields an operation may ask for at its top level
     * @param maxAliases    most aliases a request may name, at any depth
     * @param maxSubscriptionsPerClient most subscriptions one client (address) may hold open at once
     * @param maxBodySize   largest body a POST to /graphql may have (variables included)
     */
    public record Graphql(
            @DefaultValue("12") int maxDepth,
            @DefaultValue("20000") int maxComplexity,
            @DefaultValue("15000") int maxTokens,
            @DefaultValue("100000") int maxCharacters,
            @DefaultValue("15s") Duration timeout,
            @DefaultValue("500") int maxPageSize,
            @DefaultValue("20") int defaultPageSize,
            @DefaultValue("4") int analyticsConcurrency,
            @DefaultValue("10s") Duration analyticsWait,
            @DefaultValue("30") int maxRootFields,
            @DefaultValue("50") int maxAliases,
            @DefaultValue("20") int maxSubscriptionsPerClient,
            @DefaultValue("16MB") org.springframework.util.unit.DataSize maxBodySize,
            @DefaultValue("2000") int maxSelections,
            @DefaultValue("4MB") org.springframework.util.unit.DataSize documentCache) {
    }

    /**
     * @param publicRead    reads need no sign-in; when false every request needs a signed-in user
     * @param mode          BASIC (HTTP Basic users from configuration) or JWT (an OAuth2 resource server)
     * @param adminPassword password of the built-in user `admin` (EDUGRAPH_ADMIN_PASSWORD); generated when empty
     * @param users         more users: name, bcrypt hash, roles, and the regions an admin is limited to
     * @param jwt           where roles and regions are found in a JWT
     * @param signIn        throttling of failed sign-ins
     * @param trustedOrigins origins (https://host:port) besides the service's own whose browser pages may
     *                      send state-changing requests; any other origin is refused (cross-site request forgery)
     */
    public record Security(
            @DefaultValue("true") boolean publicRead,
            @DefaultValue("BASIC") Mode mode,
            @DefaultValue("") String adminPassword,
            @DefaultValue java.util.List<User> users,
            @DefaultValue Jwt jwt,
            @DefaultValue SignIn signIn,
            @DefaultValue java.util.List<String> trustedOrigins) {

        public enum Mode { BASIC, JWT }

        /**
         * @param window             how long a failed sign-in counts
         * @param maxFailures        failed sign-ins as one user name (from anywhere) within the window before
         *                           that name is refused, right password or not, until the window passes
         * @param maxFailuresPerAddress failed sign-ins from one address (any names, bearer tokens too) within the
         *                           window before that address is refused
         */
        public record SignIn(
                @DefaultValue("5m") java.time.Duration window,
                @DefaultValue("10") int maxFailures,
                @DefaultValue("30") int maxFailuresPerAddress) {
        }

        /**
         * @param name         the user name
         * @param passwordHash a bcrypt hash ({bcrypt}$2a$... or $2a$...); plain passwords are refused
         * @param roles        ADMIN for writes; any role for reads when public-read is off
         * @param regions      GB/T 2260 codes an admin may write in (and below); left out for everywhere
         *                     (an empty list stops start-up: it would mean nowhere)
         */
        public record User(String name, String passwordHash, @DefaultValue java.util.List<String> roles,
                java.util.List<String> regions) {
        }

        /**
         * @param rolesClaim   the claim holding the roles (ADMIN ...)
         * @param regionsClaim the claim holding the region codes an admin is limited to
         */
        public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("regions") String regionsClaim) {
        }
    }
}
