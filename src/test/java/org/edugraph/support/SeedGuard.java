package org.edugraph.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.edugraph.seed.RealSeeds;
import org.edugraph.seed.SeedLoader;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Fails a test that changes the reports' facts in the shared graph: tests that write use
 * schools, programs and groups of their own, never real seed ids, so that no test makes a
 * false statement about a real school that another test or a demo could read.
 *
 * <p>Right after each test method (before its {@code @AfterEach} clean-up can hide it) it checks:
 * <ol>
 * <li>the seed nodes (those whose {@code seed} is the document id of a file in {@code seeds/}),
 * their properties and their relationships are as they were just before the method ran;</li>
 * <li>no seed node other than a region has a relationship that the seed loader did not write
 * (a pairing, membership, participation or move made by a test, whenever it was made), and
 * none carries an admin's mark ({@code updatedBy}, {@code endedBy}); a seed node is missing
 * only if something deleted it;</li>
 * <li>no audit record by anyone but the seed loader, not yet looked at, names a seed id as its
 * target or in its before or after: this catches a pairing added and removed again within the
 * test, which leaves no trace in the graph.</li>
 * </ol>
 * Regions are shared reference data: fictional schools in real region codes are fine, so
 * relationships into a region are not counted unless both ends are seed nodes. The guard reads
 * through a driver of its own, so that it never shows up in the statement counts or profiles
 * of the application's {@code Graph}.
 */
public final class SeedGuard implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SeedGuard.class);

    private static volatile Watch real;
    private static volatile Driver driver;

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", real().fingerprint());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Map<String, String> before = context.getStore(NAMESPACE).get("before", Map.class);
        List<String> problems = real().problems(before);
        if (!problems.isEmpty()) {
            throw new AssertionError(("%s changed the reports' facts (real seed data); a test that writes must use schools,"
                    + " programs and groups of its own (support/TestSchools):%n  %s").formatted(context.getDisplayName(),
                    String.join(System.lineSeparator() + "  ", problems)));
        }
    }

    /** The watch over the real seed files' data, made when first needed (the seeds are loaded by then). */
    private static Watch real() {
        if (real == null) {
            synchronized (SeedGuard.class) {
                if (real == null) {
                    real = watch(RealSeeds.documents());
                }
            }
        }
        return real;
    }

    /** A watch over the nodes of these seed documents as they are now. */
    public static Watch watch(List<String> documents) {
        List<String> elementIds = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Record r : read("""
                MATCH (n) WHERE n.seed IN $documents
                RETURN elementId(n) AS element, labels(n)[0] + ':' + coalesce(n.id, n.code) AS key, n.id AS id""",
                Map.of("documents", documents))) {
            elementIds.add(r.get("element").asString());
            keys.add(r.get("key").asString());
            if (!r.get("id").isNull()) {
                ids.add(r.get("id").asString());
            }
        }
        if (elementIds.isEmpty()) {
            throw new IllegalStateException("No seed nodes of " + documents + " in the tests' graph: nothing to guard");
        }
        return new Watch(new Seeds(documents, List.copyOf(elementIds), Set.copyOf(keys), Set.copyOf(ids)));
    }

    /** The seed nodes as first seen: their element ids and keys, and the ids an audit record could name. */
    private record Seeds(List<String> documents, List<String> elementIds, Set<String> keys, Set<String> ids) {
    }

    /** The nodes of some seed documents, and the audit records already looked at. */
    public static final class Watch {

        private final Seeds seeds;
        private final Set<String> auditLooked = ConcurrentHashMap.newKeySet();

        private Watch(Seeds seeds) {
            this.seeds = seeds;
        }

        /** Each watched node, by label and id, with its properties and relationships. */
        public Map<String, String> fingerprint() {
            return SeedGuard.fingerprint(seeds);
        }

        /**
         * What a writer other than the seed loader did to the watched nodes: changes since {@code before}
         * (null: none checked), admin data on them whenever written, and audit records not looked at before.
         */
        public List<String> problems(Map<String, String> before) {
            List<String> problems = new ArrayList<>();
            if (before != null) {
                Map<String, String> after = fingerprint();
                Set<String> keys = new HashSet<>(before.keySet());
                keys.addAll(after.keySet());
                keys.stream().sorted().filter(k -> !java.util.Objects.equals(before.get(k), after.get(k)))
                        .forEach(k -> problems.add("seed %s changed during the test:%n    before %s%n    after  %s"
                                .formatted(k, before.get(k), after.get(k))));
            }
            problems.addAll(adminData(seeds));
            problems.addAll(audit(seeds, auditLooked));
            return problems;
        }
    }

    /** Each seed node (by label and id) described with its properties and relationships, each list sorted. */
    private static Map<String, String> fingerprint(Seeds s) {
        Map<String, String> nodes = new TreeMap<>();
        for (Record r : read("""
                MATCH (n) WHERE elementId(n) IN $nodes
                OPTIONAL MATCH (n)-[r]-(m) WHERE NOT n:Region OR m.seed IN $documents
                RETURN labels(n)[0] + ':' + coalesce(n.id, n.code) AS key, labels(n) AS labels, properties(n) AS properties,
                       collect(CASE WHEN r IS NULL THEN null ELSE
                         {rel: type(r) + CASE WHEN startNode(r) = n THEN ' to ' ELSE ' from ' END
                               + labels(m)[0] + ':' + coalesce(m.id, m.code, elementId(m)), properties: properties(r)} END) AS rels""",
                Map.of("nodes", s.elementIds(), "documents", s.documents()))) {
            List<String> rels = new ArrayList<>(r.get("rels").asList(v -> v.get("rel").asString() + " "
                    + new TreeMap<>(v.get("properties").asMap())));
            rels.sort(null);
            nodes.put(r.get("key").asString(), r.get("labels").asList(Value::asString) + " "
                    + new TreeMap<>(r.get("properties").asMap()) + " " + rels);
        }
        return nodes;
    }

    /** Admin data on seed nodes, whenever it was written: missing nodes, admins' marks, relationships not the loader's. */
    private static List<String> adminData(Seeds s) {
        List<String> problems = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (Record r : read("""
                MATCH (n) WHERE elementId(n) IN $nodes
                WITH n, labels(n)[0] + ':' + coalesce(n.id, n.code) AS key
                OPTIONAL MATCH (n)-[r]-(m) WHERE NOT n:Region AND (r.seed IS NULL OR NOT r.seed IN $documents)
                RETURN key, n.updatedBy AS updatedBy, n.endedBy AS endedBy, n.seed IN $documents AS seed,
                       collect(type(r) + CASE WHEN startNode(r) = n THEN ' to ' ELSE ' from ' END
                               + labels(m)[0] + ':' + coalesce(m.id, m.code, elementId(m))) AS foreign""",
                Map.of("nodes", s.elementIds(), "documents", s.documents()))) {
            String key = r.get("key").asString();
            found.add(key);
            if (!r.get("updatedBy").isNull() || !r.get("endedBy").isNull()) {
                problems.add("seed %s was changed by %s".formatted(key,
                        r.get("updatedBy").isNull() ? r.get("endedBy").asString() : r.get("updatedBy").asString()));
            }
            if (!r.get("seed").asBoolean()) {
                problems.add("seed %s is no longer the seed file's".formatted(key));
            }
            for (Object rel : r.get("foreign").asList(Value::asObject)) {
                problems.add("seed %s has a relationship the seed loader did not write: %s".formatted(key, rel));
            }
        }
        s.keys().stream().filter(k -> !found.contains(k)).sorted().forEach(k -> problems.add("seed %s was deleted".formatted(k)));
        return problems;
    }

    /** Audit records not looked at before, by anyone but the seed loader, that name a seed id. */
    private static List<String> audit(Seeds s, Set<String> auditLooked) {
        List<String> problems = new ArrayList<>();
        for (Record r : read("""
                MATCH (e:AuditEvent) WHERE e.user <> $loader
                RETURN e.id AS id, e.user AS user, e.action AS action, e.targetId AS target,
                       coalesce(e.before, '') + ' ' + coalesce(e.after, '') AS text""", Map.of("loader", SeedLoader.LOADER))) {
            if (!auditLooked.add(r.get("id").asString())) {
                continue;
            }
            String target = r.get("target").asString();
            String text = r.get("text").asString();
            List<String> named = s.ids().stream()
                    .filter(id -> List.of(target.split("/")).contains(id) || text.contains('"' + id + '"'))
                    .sorted().toList();
            if (!named.isEmpty()) {
                problems.add("%s by %s (audit %s) names seed %s".formatted(r.get("action").asString(), r.get("user").asString(),
                        r.get("id").asString(), named));
            }
        }
        return problems;
    }

    private static List<Record> read(String cypher, Map<String, Object> parameters) {
        try (var session = driver().session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list());
        }
    }

    private static Driver driver() {
        if (driver == null) {
            synchronized (SeedGuard.class) {
                if (driver == null) {
                    TestNeo4j.Server server = TestNeo4j.get();
                    Driver d = server.password() == null ? GraphDatabase.driver(server.uri(), AuthTokens.none())
                            : GraphDatabase.driver(server.uri(), AuthTokens.basic(server.username(), server.password()));
                    Runtime.getRuntime().addShutdownHook(new Thread(d::close));
                    driver = d;
                }
            }
        }
        return driver;
    }
}
