package org.edugraph.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.edugraph.EduGraphProperties;
import org.edugraph.audit.Audit;
import org.edugraph.neo4j.Graph;
import org.edugraph.security.Caller;
import org.edugraph.neo4j.StartupWork;
import org.edugraph.region.Towns;
import org.edugraph.seed.SeedFile.FigureEntry;
import org.edugraph.seed.SeedReader.Named;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the seed files into the graph at start, after the schema migrations. Each file
 * is one transaction, audited as the seed loader: its nodes are merged by id and updated,
 * the relationships it made last time are replaced, and the entries it no longer has are
 * removed; a file whose checksum is unchanged is skipped. Everything a file writes
 * carries {@code seed} = the file's document id.
 *
 * <p>Who owns what: a seed file owns its facts until an admin changes one; then the
 * admin's change stands. A school an admin updated keeps its name, type, region and the
 * rest; a pairing an admin ended keeps its end, one an admin removed is not made again;
 * a seed pairing identical to an admin's for overlapping dates is not written; an entry
 * the file dropped that admin data still refers to (their pairings, memberships, edits)
 * is kept, no longer the file's. Each such case is logged at start-up as a WARN line and
 * listed in the load's audit record: reported, never silently merged.
 */
@Component
public class SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);
    /** Part of every file's checksum: raise it when loading changes, and every file loads again. */
    private static final String LOADER_VERSION = "4";

    /** Who the audit records as the author of seed loads. */
    public static final String LOADER = "seed-loader";

    private final Graph graph;
    private final StartupWork startup;
    private final Audit audit;
    private final Towns towns;
    private final EduGraphProperties.Seeds configured;

    private final java.time.Clock clock;

    public SeedLoader(StartupWork startup, EduGraphProperties properties, Towns towns, Audit audit, java.time.Clock clock) {
        this.clock = clock;
        this.graph = startup.graph();
        this.towns = towns;
        this.startup = startup;
        this.audit = audit;
        this.configured = properties.seeds();
    }

    /**
     * A step of start-up ({@link StartupSteps}), after the gazetteer, which the files may place schools
     * by: loads the files at {@code edugraph.seeds.location} unless {@code edugraph.seeds.enabled} is false.
     */
    public void loadConfigured() {
        if (configured.enabled()) {
            load(read(configured.location()));
        }
    }

    /** Reads, checks and orders the files: those that define regions first. */
    static List<Named> read(String location) {
        try {
            String base = location.endsWith("/") ? location : location + "/";
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(base + "*.yaml");
            List<Named> files = new ArrayList<>();
            for (Resource resource : resources) {
                byte[] bytes;
                try (InputStream in = resource.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                String name = resource.getFilename();
                files.add(new Named(name, sha256(bytes) + ":" + LOADER_VERSION, SeedReader.parse(name, new java.io.ByteArrayInputStream(bytes))));
            }
            if (files.isEmpty()) {
                // A mistyped location would otherwise start an empty graph that looks like a working one.
                throw new SeedException(("No seed files (*.yaml) at edugraph.seeds.location=%s; give the folder that holds them,"
                        + " or set edugraph.seeds.enabled=false to start without seeds").formatted(location));
            }
            files.sort(Comparator.comparing((Named n) -> n.file().regions().isEmpty()).thenComparing(Named::name));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void load(List<Named> files) {
        Set<String> knownRegions = new HashSet<>();
        Map<String, String> loaded = new HashMap<>();
        String[] gazetteer = new String[1];
        startup.run("reading what the seeds loaded", () -> {
            graph.read("MATCH (f:GazetteerFile) WHERE f.checksum IS NOT NULL RETURN f.checksum AS checksum", Map.of())
                    .forEach(r -> gazetteer[0] = r.get("checksum").asString());
            // Only the codes the files name: the gazetteer's thousands need not be read at every start.
            graph.read("UNWIND $codes AS code MATCH (r:Region {code: code}) RETURN r.code AS code",
                    Map.of("codes", List.copyOf(SeedReader.regionReferences(files))))
                    .forEach(r -> knownRegions.add(r.get("code").asString()));
            graph.read("MATCH (f:SeedFile) RETURN f.name AS name, f.checksum AS checksum", Map.of())
                    .forEach(r -> loaded.put(r.get("name").asString(), r.get("checksum").asString()));
        });
        SeedReader.validate(files, knownRegions);
        // The documents whose facts the graph holds: a file whose document it holds nothing of (a fresh store)
        // has no last load to unlink or entries to remove, and those statements (two dozen, one per label and
        // step, each compiled by Neo4j at its first use) are not run. Read only when a file is to be loaded.
        Set<String> held = new HashSet<>();
        if (files.stream().anyMatch(named -> !checksum(named, gazetteer[0]).equals(loaded.get(named.name())))) {
            startup.run("reading which documents the graph holds facts of", () ->
                    graph.read("MATCH (n) WHERE n.seed IS NOT NULL RETURN DISTINCT n.seed AS seed", Map.of())
                            .forEach(r -> held.add(r.get("seed").asString())));
        }
        for (Named named : files) {
            String checksum = checksum(named, gazetteer[0]);
            if (checksum.equals(loaded.get(named.name()))) {
                log.info("Seed file {} unchanged, not reloaded", named.name());
                continue;
            }
            boolean heldBefore = !held.add(named.file().document().id());
            agreeWithGazetteer(named);
            Map<String, Towns.Candidate> placed = placeByTown(named);
            long started = System.nanoTime();
            String loadedBefore = loaded.get(named.name());
            List<String> conflicts = startup.run("loading seed file " + named.name(), () -> graph.write(Graph.Write.retried(), tx -> {
                var now = java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
                // The file's record first, written (locked) until this transaction ends: of instances starting
                // together on one database the next waits here, then finds what the first loaded.
                Record record = tx.run("""
                        MERGE (f:SeedFile {name: $name})
                        WITH f, f.checksum AS checksum
                        SET f.loadedAt = $now
                        RETURN checksum""", Map.of("name", named.name(), "now", now)).getFirst();
                String loadedNow = record.get("checksum").isNull() ? null : record.get("checksum").asString();
                if (checksum.equals(loadedNow)) {
                    return null; // loaded meanwhile, by another instance
                }
                List<String> found = new ArrayList<>();
                // Loaded meanwhile (another content): what that load wrote is unlinked and removed as usual.
                write(tx, named.file(), placed, found, heldBefore || !java.util.Objects.equals(loadedNow, loadedBefore));
                tx.run("MATCH (f:SeedFile {name: $name}) SET f.checksum = $checksum, f.loadedAt = $now",
                        Map.of("name", named.name(), "checksum", checksum, "now", now));
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("checksum", checksum);
                after.put("schools", named.file().schools().size());
                after.put("pairings", named.file().pairings().size());
                after.put("recognitions", named.file().recognitions().size());
                after.put("adminChangesKept", found);
                audit.record(tx, new Caller(LOADER, Set.of(), false, Set.of()), "loadSeedFile", "SeedFile", named.name(),
                        null, after, Audit.Touched.regions(named.file().schools().stream()
                                .map(s -> placed.containsKey(s.id()) ? placed.get(s.id()).county().code() : s.region()).toList()));
                return found;
            }));
            if (conflicts == null) {
                log.info("Seed file {} loaded meanwhile by another instance, not loaded again", named.name());
                continue;
            }
            conflicts.forEach(c -> log.warn("Seed file {}: {}", named.name(), c));
            log.info("Loaded seed file {} in {} ms", named.name(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** A file's checksum as loads record it: a file that places schools by town is loaded again when the gazetteer changes. */
    private static String checksum(Named named, String gazetteer) {
        return named.file().schools().stream().anyMatch(s -> s.town() != null)
                ? named.checksum() + "|gazetteer:" + gazetteer : named.checksum();
    }

    /**
     * A region a seed file defines that the gazetteer has too must be the same region: same name, level and
     * parent. A region has one parent; two would count its schools twice under every region above it.
     */
    private void agreeWithGazetteer(Named named) {
        List<SeedFile.RegionEntry> regions = named.file().regions();
        if (regions.isEmpty()) {
            return;
        }
        Map<String, Record> gazetteer = new HashMap<>();
        startup.run("reading the gazetteer's regions of " + named.name(), () -> graph.read("""
                UNWIND $codes AS code
                MATCH (r:Region {code: code}) WHERE r.gazetteer IS NOT NULL
                RETURN r.code AS code, r.name AS name, r.level AS level, [(r)-[:PART_OF]->(p) | p.code][0] AS parent""",
                Map.of("codes", regions.stream().map(SeedFile.RegionEntry::code).toList()))
                .forEach(r -> gazetteer.put(r.get("code").asString(), r)));
        for (int i = 0; i < regions.size(); i++) {
            var r = regions.get(i);
            Record g = gazetteer.get(r.code());
            if (g == null) {
                continue;
            }
            String says = "%s, %s, parent %s".formatted(g.get("name").asString(), g.get("level").asString(),
                    g.get("parent").isNull() ? "none" : g.get("parent").asString());
            String file = "%s, %s, parent %s".formatted(r.name(), r.level(), r.parent() == null ? "none" : r.parent());
            if (!says.equals(file)) {
                throw new SeedException(("Seed file %s, entry regions[%d] (%s): the gazetteer says %s; the file says %s."
                        + " Correct the file, or leave the region to the gazetteer").formatted(named.name(), i, r.code(), says, file));
            }
        }
    }

    /**
     * The town each school of the file that names one is placed by, through the gazetteer: exactly one town
     * of that name within the school's region, or start-up stops with the candidates (never a guess).
     */
    private Map<String, Towns.Candidate> placeByTown(Named named) {
        List<SeedFile.SchoolEntry> schools = named.file().schools().stream().filter(s -> s.town() != null).toList();
        if (schools.isEmpty()) {
            return Map.of();
        }
        boolean gazetteer = startup.run("reading whether the gazetteer is loaded", () -> !graph.read(
                "MATCH (f:GazetteerFile) WHERE f.checksum IS NOT NULL RETURN f.name LIMIT 1", Map.of()).isEmpty());
        if (!gazetteer) {
            // Started without it (edugraph.gazetteer.enabled=false): the schools stay where the report places them.
            log.warn("Seed file {}: {} school(s) name a town, but no gazetteer is loaded: they stay in the region their"
                    + " report gives (edugraph.gazetteer.enabled=false)", named.name(), schools.size());
            return Map.of();
        }
        Map<String, List<Towns.Candidate>> candidates = startup.run("looking up the towns of " + named.name(),
                () -> towns.candidates(schools.stream().map(SeedFile.SchoolEntry::town).distinct().toList(), startup.timeout()));
        Map<String, Towns.Candidate> placed = new HashMap<>();
        for (SeedFile.SchoolEntry s : schools) {
            switch (Towns.resolve(s.town(), s.region(), null, candidates.get(s.town()))) {
                case Towns.Found found -> placed.put(s.id(), found.town());
                case Towns.Refused refused -> throw new SeedException("Seed file %s, entry schools[%d] (%s): %s".formatted(
                        named.name(), named.file().schools().indexOf(s), s.id(), refused.problem()));
            }
        }
        return placed;
    }

    /**
     * Writes one seed file in the caller's transaction, part by part: what it wrote last time is
     * unlinked, then each kind of entry is written (each part notes the source of every fact and the
     * ids it keeps), then the sources, and last what the file no longer has is removed. When the graph
     * holds nothing of the file's document ({@code held} false) there is nothing to unlink or remove.
     */
    private void write(Graph.Transaction tx, SeedFile f, Map<String, Towns.Candidate> placed, List<String> conflicts, boolean held) {
        Written w = new Written(f.document(), conflicts);
        if (held) {
            forgetLastLoad(tx, w.seed);
        }
        writeRegions(tx, f, w);
        writeSchools(tx, f, placed, w);
        writeGroups(tx, f, w);
        writePrograms(tx, f, w);
        writePairings(tx, f, w);
        writeMergers(tx, f, w);
        writeFigures(tx, f, w);
        writeRecognitions(tx, f, w);
        writeSources(tx, w);
        if (held) {
            removeWhatTheFileNoLongerHas(tx, w);
        }
    }

    /** What this file wrote last time, relationships first: it is all written anew. (Statements over no rows are skipped.) */
    private void forgetLastLoad(Graph.Transaction tx, String seed) {
        for (String label : List.of("Region", "School", "EducationGroup", "Program", "Pairing", "Figure", "Recognition",
                "Source")) {
            // An admin's change to a node (updatedBy) keeps its place: its LOCATED_IN stays as the admin left it.
            tx.run("""
                    MATCH (n:%s {seed: $seed})-[r]-() WHERE r.seed = $seed
                      AND NOT (type(r) = 'LOCATED_IN' AND n.updatedBy IS NOT NULL)
                    DELETE r""".formatted(label), Map.of("seed", seed));
        }

    }

    /** The file's regions, each PART_OF its parent. */
    private void writeRegions(Graph.Transaction tx, SeedFile f, Written w) {
        List<Map<String, Object>> regions = new ArrayList<>();
        for (var r : f.regions()) {
            regions.add(row("code", r.code(), "name", r.name(), "level", r.level().name(), "parent", r.parent(),
                    "official", r.official() == null || r.official(), "source", w.sources.of(r.section(), null)));
        }
        writeRows(tx, """
                    UNWIND $rows AS row
                    MERGE (n:Region {code: row.code})
                    SET n.name = row.name, n.level = row.level, n.official = row.official, n.seed = $seed
                    WITH n, row
                    CALL (n, row) {
                      MATCH (p:Region {code: row.parent})
                      MERGE (n)-[r:PART_OF]->(p) ON CREATE SET r.seed = $seed
                    }
                    """, regions, w.seed);

        regions.forEach(row -> w.stated("Region", row.get("code"), row.get("source")));
        w.keep("Region", regions.stream().map(row -> row.get("code")).toList());
    }

    /** The file's schools, where the report (or the gazetteer, by town) places them; an admin's change stands and is reported. */
    private void writeSchools(Graph.Transaction tx, SeedFile f, Map<String, Towns.Candidate> placed, Written w) {
        List<Map<String, Object>> schools = new ArrayList<>();
        for (var s : f.schools()) {
            String typeCode = s.typeCode() != null ? s.typeCode() : s.type().defaultCode();
            schools.add(row("id", s.id(), "name", s.name(), "aliases", s.aliases(),
                    "searchText", String.join(" ", s.aliases()), "type", s.type().name(), "typeCode", typeCode,
                    "ownership", s.ownership() == null ? "UNKNOWN" : s.ownership().name(),
                    "nationalCode", s.nationalCode(), "note", s.note(),
                    "source", w.sources.of(s.section(), s.quote())));
            // Placed by a town: in the gazetteer's county of it, which says so; else where the report places it.
            Towns.Candidate town = placed.get(s.id());
            Map<String, Object> row = schools.getLast();
            row.put("region", town != null ? town.county().code() : s.region());
            row.put("town", town != null ? town.code() : null);
            row.put("regionSource", town != null ? null : row.get("source"));
        }
        writeRows(tx, """
                    UNWIND $rows AS row
                    MERGE (n:School {id: row.id})
                    WITH n, row, n.updatedBy IS NOT NULL AS edited
                    SET n += CASE WHEN edited THEN {} ELSE {name: row.name, aliases: row.aliases, searchText: row.searchText,
                            type: row.type, typeCode: row.typeCode, ownership: row.ownership, nationalCode: row.nationalCode,
                            note: row.note} END,
                        n.seed = $seed
                    WITH n, row, edited
                    CALL (n, row, edited) {
                      MATCH (r:Region {code: row.region}) WHERE NOT edited
                      CREATE (n)-[:LOCATED_IN {seed: $seed, town: row.town, source: row.regionSource}]->(r)
                    }
                    """, schools, w.seed);
        for (Record r : schools.isEmpty() ? List.<Record>of() : tx.run("""
                UNWIND $rows AS row
                MATCH (n:School {id: row.id}) WHERE n.updatedBy IS NOT NULL
                WITH n, row, [(n)-[:LOCATED_IN]->(r) | r.code][0] AS region
                WHERE n.name <> row.name OR n.type <> row.type OR coalesce(region, '') <> row.region
                   OR coalesce(n.nationalCode, '') <> coalesce(row.nationalCode, '')
                RETURN n.id AS id, n.updatedBy AS by, n.name AS name, row.name AS seedName, n.type AS type,
                       row.type AS seedType, region, row.region AS seedRegion""", Map.of("rows", schools))) {
            w.conflicts.add(("school %s: the file says %s, %s, region %s; %s changed it to %s, %s, region %s, and that stands")
                    .formatted(r.get("id").asString(), r.get("seedName").asString(), r.get("seedType").asString(),
                            r.get("seedRegion").asString(), r.get("by").asString(), r.get("name").asString(),
                            r.get("type").asString(), r.get("region").isNull() ? "none" : r.get("region").asString()));
        }

        schools.forEach(row -> w.stated("School", row.get("id"), row.get("source")));
        w.keep("School", schools.stream().map(row -> row.get("id")).toList());
    }

    /** The file's education groups and their members. */
    private void writeGroups(Graph.Transaction tx, SeedFile f, Written w) {
        List<Map<String, Object>> groups = new ArrayList<>();
        List<Map<String, Object>> members = new ArrayList<>();
        for (var g : f.groups()) {
            groups.add(row("id", g.id(), "name", g.name(), "kind", g.kind().name(), "note", g.note(),
                    "region", g.region(), "source", w.sources.of(g.section(), g.quote())));
            for (var m : g.members()) {
                members.add(row("group", g.id(), "school", m.school(), "role", m.role().name(), "since", m.since(),
                        "source", w.sources.of(m.section() != null ? m.section() : g.section(), m.quote())));
            }
        }
        writeRows(tx, """
                    UNWIND $rows AS row
                    MERGE (n:EducationGroup {id: row.id})
                    SET n.name = row.name, n.kind = row.kind, n.note = row.note, n.seed = $seed
                    WITH n, row
                    CALL (n, row) { MATCH (r:Region {code: row.region}) CREATE (n)-[:LOCATED_IN {seed: $seed}]->(r) }
                    """, groups, w.seed);
        writeRows(tx, """
                    UNWIND $rows AS row
                    MATCH (s:School {id: row.school}), (g:EducationGroup {id: row.group})
                    CREATE (s)-[:MEMBER_OF {role: row.role, since: row.since, seed: $seed}]->(g)
                    """, members, w.seed);

        members.forEach(row -> w.stated("School", row.get("school"), row.get("source")));
        groups.forEach(row -> w.stated("EducationGroup", row.get("id"), row.get("source")));
        w.keep("EducationGroup", groups.stream().map(row -> row.get("id")).toList());
    }

    /** The file's programs and their participants. */
    private void writePrograms(Graph.Transaction tx, SeedFile f, Written w) {
        List<Map<String, Object>> programs = new ArrayList<>();
        List<Map<String, Object>> participants = new ArrayList<>();
        for (var p : f.programs()) {
            programs.add(row("id", p.id(), "name", p.name(), "kind", p.kind().name(),
                    "level", p.level() == null ? null : p.level().name(), "year", p.year(), "note", p.note(),
                    "region", p.region(), "source", w.sources.of(p.section(), p.quote())));
            for (var m : p.participants()) {
                participants.add(row("program", p.id(), "school", m.school(), "role", m.role().name(), "year", m.year(),
                        "source", w.sources.of(m.section() != null ? m.section() : p.section(), m.quote())));
            }
        }
        writeRows(tx, """
                    UNWIND $rows AS row
                    MERGE (n:Program {id: row.id})
                    SET n.name = row.name, n.kind = row.kind, n.level = row.level, n.year = row.year,
                        n.note = row.note, n.seed = $seed
                    WITH n, row
                    CALL (n, row) { MATCH (r:Region {code: row.region}) CREATE (n)-[:LOCATED_IN {seed: $seed}]->(r) }
                    """, programs, w.seed);
        writeRows(tx, """
                    UNWIND $rows AS row
                    MATCH (s:School {id: row.school}), (p:Program {id: row.program})
                    CREATE (s)-[:PARTICIPATES_IN {role: row.role, year: row.year, seed: $seed}]->(p)
                    """, participants, w.seed);

        participants.forEach(row -> w.stated("School", row.get("school"), row.get("source")));
        programs.forEach(row -> w.stated("Program", row.get("id"), row.get("source")));
        w.keep("Program", programs.stream().map(row -> row.get("id")).toList());
    }

    /** The file's pairings, except those an admin's decision keeps out (reported). */
    private void writePairings(Graph.Transaction tx, SeedFile f, Written w) {
        List<Map<String, Object>> pairings = new ArrayList<>();
        for (var p : f.pairings()) {
            pairings.add(row("id", p.id(), "kind", p.kind().name(), "mentor", p.mentor(), "mentee", p.mentee(),
                    "program", p.program(), "startDate", p.startDate(), "endDate", p.endDate(), "note", p.note(),
                    "source", w.sources.of(p.section(), p.quote())));
        }
        // Admin decisions about seed pairings stand: a removed one is not made again, an identical admin pairing
        // for overlapping dates keeps the seed's out, an ended one keeps its end.
        Set<String> skipped = new HashSet<>();
        for (Record r : pairings.isEmpty() ? List.<Record>of() : tx.run("""
                UNWIND $rows AS row
                OPTIONAL MATCH (removed:AuditEvent {action: 'removePairing', targetId: row.id})
                OPTIONAL CALL (row) {
                  MATCH (m:School {id: row.mentor})<-[:MENTOR]-(p:Pairing)-[:MENTEE]->(:School {id: row.mentee})
                  WHERE p.seed IS NULL AND p.kind = row.kind
                    AND coalesce([(p)-[:UNDER]->(g:Program) | g.id][0], '') = coalesce(row.program, '')
                    AND %s
                  RETURN p.id AS admins LIMIT 1
                }
                WITH row, removed, admins WHERE removed IS NOT NULL OR admins IS NOT NULL
                RETURN row.id AS id, removed.user AS removedBy, admins""".formatted(
                        org.edugraph.pairing.PairingActivity.overlapCypher("p", "row.startDate", "row.endDate")),
                Map.of("rows", pairings))) {
            String id = r.get("id").asString();
            skipped.add(id);
            w.conflicts.add(r.get("removedBy").isNull()
                    ? "pairing %s not written: admin pairing %s is the same pairing for overlapping dates, and it stands"
                            .formatted(id, r.get("admins").asString())
                    : "pairing %s not written: %s removed it, and that stands".formatted(id, r.get("removedBy").asString()));
        }
        List<Map<String, Object>> written = pairings.stream().filter(p -> !skipped.contains(p.get("id"))).toList();
        writeRows(tx, """
                    UNWIND $rows AS row
                    MATCH (mentor:School {id: row.mentor}), (mentee:School {id: row.mentee})
                    MERGE (n:Pairing {id: row.id})
                    SET n.kind = row.kind, n.note = row.note, n.createdBy = 'seed:' + $seed, n.seed = $seed,
                        n.startDate = row.startDate,
                        n.endDate = CASE WHEN n.endedBy IS NULL THEN row.endDate ELSE n.endDate END
                    CREATE (n)-[:MENTOR {seed: $seed}]->(mentor), (n)-[:MENTEE {seed: $seed}]->(mentee)
                    WITH n, row
                    CALL (n, row) { MATCH (p:Program {id: row.program}) CREATE (n)-[:UNDER {seed: $seed}]->(p) }
                    """, written, w.seed);

        written.forEach(row -> w.stated("Pairing", row.get("id"), row.get("source")));
        w.keep("Pairing", written.stream().map(row -> row.get("id")).toList());
    }

    /** The file's mergers of one school into another. */
    private void writeMergers(Graph.Transaction tx, SeedFile f, Written w) {
        List<Map<String, Object>> mergers = new ArrayList<>();
        for (var m : f.mergers()) {
            mergers.add(row("school", m.school(), "into", m.into(), "date", m.date(),
                    "source", w.sources.of(m.section(), m.quote())));
        }
        writeRows(tx, """
                    UNWIND $rows AS row
                    MATCH (s:School {id: row.school}), (t:School {id: row.into})
                    CREATE (s)-[:MERGED_INTO {date: row.date, seed: $seed}]->(t)
                    """, mergers, w.seed);

        mergers.forEach(row -> w.stated("School", row.get("school"), row.get("source")));
    }

    /** The file's figures, by what they are about: a group, a program or a region. */
    private void writeFigures(Graph.Transaction tx, SeedFile f, Written w) {
        // Figures, by what they are about.
        Map<String, List<Map<String, Object>>> figures = new LinkedHashMap<>();
        for (var g : f.groups()) {
            figures(figures, "EducationGroup", g.id(), g.figures(), w.sources);
        }
        for (var p : f.programs()) {
            figures(figures, "Program", p.id(), p.figures(), w.sources);
        }
        for (FigureEntry fig : f.figures()) {
            String region = fig.region() != null ? fig.region() : f.document().region();
            figures(figures, "Region", region, List.of(fig), w.sources);
        }
        List<String> figureIds = new ArrayList<>();
        for (var entry : figures.entrySet()) {
            String key = entry.getKey().equals("Region") ? "code" : "id";
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (owner:%s {%s: row.owner})
                    MERGE (n:Figure {id: row.id})
                    SET n.metric = row.metric, n.label = row.label, n.value = row.value, n.unit = row.unit,
                        n.qualifier = row.qualifier, n.year = row.year, n.seed = $seed
                    CREATE (n)-[:ABOUT {seed: $seed}]->(owner)
                    """.formatted(entry.getKey(), key), Map.of("rows", entry.getValue(), "seed", w.seed));
            entry.getValue().forEach(row -> figureIds.add((String) row.get("id")));
        }

        figures.values().forEach(rows -> rows.forEach(row -> w.stated("Figure", row.get("id"), row.get("source"))));
        w.keep("Figure", new ArrayList<>(figureIds));
    }

    /** The file's recognitions, of a school or a program (of any file: ids are unique across schools and programs). */
    private void writeRecognitions(Graph.Transaction tx, SeedFile f, Written w) {
        // Recognitions, of a school or a program (of any file: ids are unique across schools and programs).
        List<Map<String, Object>> recognitions = new ArrayList<>();
        for (var r : f.recognitions()) {
            recognitions.add(row("id", recognitionId(w.seed, r), "of", r.of(), "title", r.title(),
                    "level", r.level() == null ? null : r.level().name(), "year", r.year(), "rank", r.rank(),
                    "source", w.sources.of(r.section(), r.quote())));
        }
        writeRows(tx, """
                    UNWIND $rows AS row
                    OPTIONAL MATCH (school:School {id: row.of})
                    OPTIONAL MATCH (program:Program {id: row.of})
                    WITH row, coalesce(school, program) AS target WHERE target IS NOT NULL
                    MERGE (n:Recognition {id: row.id})
                    SET n.title = row.title, n.level = row.level, n.year = row.year, n.rank = row.rank, n.seed = $seed
                    CREATE (n)-[:OF {seed: $seed}]->(target)
                    """, recognitions, w.seed);

        recognitions.forEach(row -> w.stated("Recognition", row.get("id"), row.get("source")));
        w.keep("Recognition", recognitions.stream().map(row -> row.get("id")).toList());
    }

    /** The sources the file's facts cite, and every fact's link to its source. */
    private void writeSources(Graph.Transaction tx, Written w) {
        // Sources, and every fact's link to its source.
        writeRows(tx, """
                    UNWIND $rows AS row
                    MERGE (n:Source {id: row.id})
                    SET n.title = row.title, n.issuer = row.issuer, n.published = row.published,
                        n.section = row.section, n.quote = row.quote, n.document = row.document, n.seed = $seed
                    """, w.sources.rows(), w.seed);
        w.statedIn.forEach((label, rows) -> writeRows(tx, """
                UNWIND $rows AS row
                MATCH (n:%s {%s: row.id}), (s:Source {id: row.source})
                MERGE (n)-[r:STATED_IN]->(s)
                SET r.seed = $seed
                """.formatted(label, label.equals("Region") ? "code" : "id"), rows, w.seed));

        w.keep("Source", w.sources.rows().stream().map(row -> row.get("id")).toList());
    }

    /** Entries this file no longer has: removed, unless what admins made or changed refers to them. */
    private void removeWhatTheFileNoLongerHas(Graph.Transaction tx, Written w) {
        // A region the file no longer has that the gazetteer holds stays, the gazetteer's alone.
        tx.run("MATCH (n:Region {seed: $seed}) WHERE NOT n.code IN $ids AND n.gazetteer IS NOT NULL REMOVE n.seed",
                Map.of("seed", w.seed, "ids", w.kept.get("Region")));
        w.kept.forEach((label, ids) -> {
            String key = label.equals("Region") ? "code" : "id";
            // Still referred to by what admins made or changed (or by another file): kept, no longer this file's.
            for (Record r : tx.run("""
                    MATCH (n:%s {seed: $seed}) WHERE NOT n.%s IN $ids
                      AND (n.updatedBy IS NOT NULL OR n.endedBy IS NOT NULL
                           OR EXISTS { (n)-[r]-() WHERE r.seed IS NULL OR r.seed <> $seed })
                    REMOVE n.seed SET n.releasedFrom = $seed
                    RETURN n.%s AS id""".formatted(label, key, key), Map.of("seed", w.seed, "ids", ids))) {
                w.conflicts.add("%s %s is no longer in the file but admin data refers to it: kept, no longer the file's"
                        .formatted(label, r.get("id").asString()));
            }
            List<Record> removed = tx.run("""
                    MATCH (n:%s {seed: $seed}) WHERE NOT n.%s IN $ids
                    DETACH DELETE n RETURN count(*) AS removed""".formatted(label, key),
                    Map.of("seed", w.seed, "ids", ids));
            long count = removed.getFirst().get("removed").asLong();
            if (count > 0) {
                log.info("Seed {}: removed {} {} node(s) no longer in the file", w.seed, count, label);
            }
        });
    }

    /**
     * What one file's write has done so far: the sources its facts cite, the link of each fact to its
     * source (by label, in the order the parts wrote them) and the ids of each label it keeps (every
     * label, also those of which the file has none: those are all removed).
     */
    private static final class Written {
        final String seed;
        final SourceIds sources;
        final List<String> conflicts;
        final Map<String, List<Map<String, Object>>> statedIn = new LinkedHashMap<>();
        final Map<String, List<Object>> kept = new LinkedHashMap<>();

        Written(SeedFile.Document document, List<String> conflicts) {
            this.seed = document.id();
            this.sources = new SourceIds(document);
            this.conflicts = conflicts;
            for (String label : List.of("Region", "School", "EducationGroup", "Program", "Pairing", "Figure", "Recognition")) {
                statedIn.put(label, new ArrayList<>());
            }
            for (String label : List.of("Region", "School", "EducationGroup", "Program", "Pairing", "Figure", "Recognition",
                    "Source")) {
                kept.put(label, List.of());
            }
        }

        void stated(String label, Object id, Object source) {
            statedIn.get(label).add(row("label", label, "id", id, "source", source));
        }

        void keep(String label, List<Object> ids) {
            kept.put(label, ids);
        }
    }

    private static void figures(Map<String, List<Map<String, Object>>> out, String label, String owner,
            List<FigureEntry> figures, SourceIds sources) {
        for (FigureEntry fig : figures) {
            String id = owner + "/" + fig.metric() + (fig.region() != null && !label.equals("Region") ? "@" + fig.region() : "");
            out.computeIfAbsent(label, l -> new ArrayList<>()).add(row("id", id, "owner", owner, "metric", fig.metric(),
                    "label", fig.label(), "value", fig.value(), "unit", fig.unit(), "qualifier", fig.qualifier().name(),
                    "year", fig.year(), "source", sources.of(fig.section(), fig.quote())));
        }
    }

    /** Runs {@code cypher} over {@code rows} (as $rows, with $seed); no statement when there are none. */
    private void writeRows(Graph.Transaction tx, String cypher, List<Map<String, Object>> rows, String seed) {
        if (!rows.isEmpty()) {
            tx.run(cypher, Map.of("rows", rows, "seed", seed));
        }
    }

    /** A map that, unlike Map.of, takes null values: absent optional fields. */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /**
     * A recognition's id: the document, then a hash of what the recognition is (of whom, which title, which
     * year), so that it stays the same when entries are added or reordered around it.
     */
    static String recognitionId(String document, SeedFile.RecognitionEntry r) {
        return document + "#rec#" + hash10(r.of() + "\n" + r.title() + "\n" + r.year());
    }

    /** The first 10 hex digits of the SHA-256 of {@code text} (UTF-8). */
    static String hash10(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 10);
    }

    /**
     * The sources of one document: one per section and quote cited. A fact without a quote cites
     * {@code <document>#<section>}; one with a quote cites {@code <document>#<section>#<hash of the quote>},
     * whose node holds the quote, shared by every fact stated in the same words.
     */
    private static final class SourceIds {
        private final SeedFile.Document document;
        private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();

        SourceIds(SeedFile.Document document) {
            this.document = document;
        }

        String of(String section, String quote) {
            String s = section != null ? section : document.section();
            String base = s == null ? document.id() : document.id() + "#" + s;
            String id = quote == null || quote.isBlank() ? base : base + "#" + hash10(quote);
            rows.computeIfAbsent(id, k -> row("id", id, "title", document.title(), "issuer", document.issuer(),
                    "published", document.published(), "section", s, "document", document.id(),
                    "quote", quote == null || quote.isBlank() ? null : quote));
            return id;
        }

        List<Map<String, Object>> rows() {
            return new ArrayList<>(rows.values());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
