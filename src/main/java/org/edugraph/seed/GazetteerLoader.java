package org.edugraph.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.EduGraphProperties;
import org.edugraph.neo4j.Graph;
import org.edugraph.neo4j.StartupWork;
import org.edugraph.region.Gazetteer;
import org.edugraph.region.GazetteerException;
import org.edugraph.region.TownNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Loads the gazetteer (seeds/gazetteer/) at start, after the schema migrations and before the
 * seed files, which may place schools in any of its counties and by its towns. A file whose
 * checksum is the one the graph recorded at its last load is skipped without being parsed; any
 * other is read and checked whole ({@link Gazetteer#read}) and then written in one transaction:
 * a file that fails its checksum or its format stops start-up with the line and the reason, and
 * nothing of it is written. Regions are merged by code (those of regions.yaml too: both say the
 * same, which the seed loader checks), towns by code, each IN its county; what an earlier file
 * had and this one has not is removed unless something refers to it.
 */
@Component
public class GazetteerLoader {

    private static final Logger log = LoggerFactory.getLogger(GazetteerLoader.class);
    /** Part of the recorded checksum: raise it when loading changes, and the file loads again. */
    private static final String LOADER_VERSION = "1";
    /** The one GazetteerFile node: a store holds one gazetteer at a time. */
    private static final String KEY = "gazetteer";
    private static final int BATCH = 10_000;

    private final Graph graph;
    private final StartupWork startup;
    private final EduGraphProperties.Gazetteer configured;

    private final java.time.Clock clock;

    public GazetteerLoader(StartupWork startup, EduGraphProperties properties, java.time.Clock clock) {
        this.clock = clock;
        this.graph = startup.graph();
        this.startup = startup;
        this.configured = properties.gazetteer();
    }

    /**
     * A step of start-up ({@link StartupSteps}), after the schema migrations and before the seeds: loads
     * {@code edugraph.gazetteer.file} unless {@code edugraph.gazetteer.enabled} is false.
     */
    public void loadConfigured() {
        if (configured.enabled()) {
            load(configured.file());
        }
    }

    /** What a load did: whether the file was written, in how long, and how long each part of the writing took. */
    public record Outcome(boolean written, long millis, Map<String, Long> phases) {
    }

    /** Loads the file at {@code location} (a Spring resource) unless it is the one loaded last. */
    public Outcome load(String location) {
        long started = System.nanoTime();
        Resource resource = new DefaultResourceLoader().getResource(location);
        String name = displayName(location, resource);
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new GazetteerException("Gazetteer file %s cannot be read (edugraph.gazetteer.file=%s): %s"
                    .formatted(name, location, e.getMessage()));
        }
        String checksum = sha256(bytes) + ":" + LOADER_VERSION;
        if (checksum.equals(loadedChecksum())) {
            log.info("Gazetteer {} unchanged, not reloaded", name);
            return new Outcome(false, (System.nanoTime() - started) / 1_000_000, Map.of());
        }
        Gazetteer gazetteer = Gazetteer.read(name, bytes);
        Map<String, Long> phases = new java.util.LinkedHashMap<>();
        phases.put("read", (System.nanoTime() - started) / 1_000_000);
        long[] wrote = new long[1];
        boolean written = startup.run("loading the gazetteer " + name, () -> graph.write(Graph.Write.retried(), tx -> {
            phases.keySet().retainAll(List.of("read"));
            boolean done = write(tx, gazetteer, checksum, phases);
            wrote[0] = System.nanoTime();
            return done;
        }));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (written) {
            phases.put("commit", (System.nanoTime() - wrote[0]) / 1_000_000);
        }
        if (written) {
            log.info("Loaded gazetteer {} ({} list) in {} ms {}: {} regions, {} towns, {} former codes", name, gazetteer.year(),
                    millis, phases, gazetteer.regions().size(), gazetteer.towns().size(), gazetteer.formers().size());
        } else {
            log.info("Gazetteer {} was loaded meanwhile by another instance", name);
        }
        return new Outcome(written, millis, Map.copyOf(phases));
    }

    private String loadedChecksum() {
        return startup.run("reading which gazetteer is loaded", () -> graph.read(
                "MATCH (f:GazetteerFile {name: $key}) RETURN f.checksum AS checksum", Map.of("key", KEY)).stream()
                .map(r -> r.get("checksum").isNull() ? null : r.get("checksum").asString()).findFirst().orElse(null));
    }

    /** Writes the whole gazetteer in the caller's transaction; false when it is loaded already. */
    private boolean write(Graph.Transaction tx, Gazetteer g, String checksum, Map<String, Long> phases) {
        long t = System.nanoTime();
        // The file node is locked first, so that instances starting together load it once: the later one waits
        // here and then finds the checksum written.
        String before = tx.run("""
                MERGE (f:GazetteerFile {name: $key}) SET f.loading = true RETURN f.checksum AS checksum""",
                Map.of("key", KEY)).getFirst().get("checksum").asString(null);
        if (checksum.equals(before)) {
            return false;
        }
        String token = g.year() + "/" + checksum.substring(0, 16);
        Map<String, Object> source = new HashMap<>();
        source.put("id", g.sourceId());
        source.put("title", g.title());
        source.put("issuer", g.issuer());
        source.put("published", g.published());
        tx.run("""
                MERGE (s:Source {id: $s.id})
                SET s.title = $s.title, s.issuer = $s.issuer, s.published = $s.published, s.kind = 'GAZETTEER',
                    s.document = $s.id""", Map.of("s", source));

        // Nothing of a gazetteer in the store yet (the first load): no old parents to replace, nothing stale.
        boolean fresh = before == null && tx.run("MATCH (t:Town) RETURN t LIMIT 1", Map.of()).isEmpty();
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Gazetteer.Division d : g.regions()) {
            regions.add(row("code", d.code(), "name", d.name(), "level", d.level(), "parent", d.parent(),
                    "official", d.official()));
        }
        // A store with no region yet (a new one) gets them created outright; any other merges them with what is
        // there (the seeds' regions of regions.yaml, an earlier gazetteer's).
        boolean noRegions = fresh && tx.run("MATCH (r:Region) RETURN r LIMIT 1", Map.of()).isEmpty();
        batches(tx, noRegions ? """
                UNWIND $rows AS row
                CREATE (:Region {code: row.code, name: row.name, level: row.level, official: row.official,
                                 gazetteer: $token, listYear: $year})"""
                : """
                UNWIND $rows AS row
                MERGE (r:Region {code: row.code})
                SET r.name = row.name, r.level = row.level, r.official = row.official, r.gazetteer = $token,
                    r.listYear = $year""", regions, token, g.year());
        if (!fresh) {
            // A region the list moved to another parent: one parent only, or its schools would count twice above it.
            batches(tx, """
                    UNWIND $rows AS row
                    MATCH (r:Region {code: row.code})-[old:PART_OF]->(p)
                    WHERE row.parent IS NULL OR p.code <> row.parent
                    DELETE old""", regions, token, g.year());
        }
        batches(tx, """
                UNWIND $rows AS row
                MATCH (r:Region {code: row.code}), (p:Region {code: row.parent})
                %s (r)-[:PART_OF]->(p)""".formatted(noRegions ? "CREATE" : "MERGE"),
                regions.stream().filter(r -> r.get("parent") != null).toList(), token, g.year());
        t = phase(phases, "regions", t);

        // Towns are a lookup table: found by code, name or short name, with their county's code (a property,
        // not a relationship: a county holds dozens of towns, and a school keeps its town's code). Sent as lists,
        // not maps: the keys of 41,000 maps need not cross Bolt.
        List<List<Object>> towns = new ArrayList<>();
        for (Gazetteer.Division d : g.towns()) {
            towns.add(java.util.Arrays.asList(d.code(), d.name(), TownNames.key(d.name()), d.parent()));
        }
        batches(tx, fresh ? """
                UNWIND $rows AS row
                CREATE (:Town {code: row[0], name: row[1], key: row[2], county: row[3]})"""
                : """
                UNWIND $rows AS row
                MERGE (t:Town {code: row[0]})
                SET t.name = row[1], t.key = row[2], t.county = row[3]""", towns, token, g.year());
        t = phase(phases, "towns", t);

        List<Map<String, Object>> formers = new ArrayList<>();
        for (Gazetteer.Division d : g.formers()) {
            formers.add(row("code", d.code(), "name", d.name(), "parent", d.parent(), "successor", d.successor(),
                    "note", d.note()));
        }
        batches(tx, """
                UNWIND $rows AS row
                MERGE (f:FormerRegionCode {code: row.code})
                SET f.name = row.name, f.parent = row.parent, f.successor = row.successor, f.note = row.note,
                    f.year = $year""", formers, token, g.year());
        t = phase(phases, "formers", t);

        if (!fresh) {
            // What an earlier gazetteer had and this one has not. A school keeps its town's code on its LOCATED_IN,
            // not a link, so a town goes; a region that anything still refers to stays, no longer the gazetteer's.
            tx.run("MATCH (t:Town) WHERE NOT t.code IN $codes DELETE t",
                    Map.of("codes", g.towns().stream().map(Gazetteer.Division::code).toList()));
            tx.run("MATCH (f:FormerRegionCode) WHERE NOT f.code IN $codes DELETE f",
                    Map.of("codes", g.formers().stream().map(Gazetteer.Division::code).toList()));
            for (String level : List.of("COUNTY", "PREFECTURE", "PROVINCE")) {
                tx.run("""
                        MATCH (r:Region {level: $level}) WHERE r.gazetteer IS NOT NULL AND r.gazetteer <> $token
                        CALL (r) {
                          WITH r WHERE r.seed IS NULL AND NOT EXISTS { (r)<--() }
                          DETACH DELETE r
                        }""", Map.of("level", level, "token", token));
                tx.run("""
                        MATCH (r:Region {level: $level}) WHERE r.gazetteer IS NOT NULL AND r.gazetteer <> $token
                        REMOVE r.gazetteer, r.listYear""", Map.of("level", level, "token", token));
            }
        }
        t = phase(phases, "stale", t);
        Map<String, Object> file = new HashMap<>();
        file.put("key", KEY);
        file.put("checksum", checksum);
        file.put("file", g.name());
        file.put("year", g.year());
        file.put("source", g.source());
        file.put("sourceId", g.sourceId());
        file.put("regions", g.regions().size());
        file.put("towns", g.towns().size());
        file.put("formers", g.formers().size());
        file.put("loadedAt", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        tx.run("""
                MATCH (f:GazetteerFile {name: $f.key})
                SET f.checksum = $f.checksum, f.file = $f.file, f.year = $f.year, f.source = $f.source, f.sourceId = $f.sourceId,
                    f.regions = $f.regions, f.towns = $f.towns, f.formers = $f.formers, f.loadedAt = $f.loadedAt
                REMOVE f.loading""", Map.of("f", file));
        return true;
    }

    private static long phase(Map<String, Long> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1_000_000);
        return now;
    }

    private void batches(Graph.Transaction tx, String cypher, List<?> rows, String token, int year) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            tx.run(cypher, Map.of("rows", rows.subList(from, Math.min(rows.size(), from + BATCH)), "token", token,
                    "year", year));
        }
    }

    /** The file as a reader knows it: seeds/gazetteer/divisions-2023.tsv for the default, else the resource. */
    private static String displayName(String location, Resource resource) {
        if (location.startsWith("classpath:")) {
            return location.substring("classpath:".length());
        }
        try {
            return resource.isFile() ? resource.getFile().getPath() : resource.getDescription();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    /** A map that, unlike Map.of, takes null values. */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
