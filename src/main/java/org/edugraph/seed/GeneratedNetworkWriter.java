package org.edugraph.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.edugraph.neo4j.Graph;
import org.edugraph.seed.NetworkGenerator.Network;

/**
 * Writes a generated network into the graph through the driver, in transactions of a
 * few thousand rows (so that no single one meets the transaction timeout, whatever the
 * size), and removes one again. Every node it writes carries {@code synthetic: true} and
 * {@code dataset}; the only edges it draws to anything it did not write go to regions.
 * A marker node records which specification is loaded, so loading the same one twice
 * does nothing.
 */
public final class GeneratedNetworkWriter {

    static final int BATCH = 5_000;
    /** Part of the marker's checksum: raise it when what is generated changes. */
    static final String GENERATOR_VERSION = "2";
    private static final List<String> LABELS = List.of("Pairing", "School", "EducationGroup", "Program", "Source");

    private final Graph graph;

    public GeneratedNetworkWriter(Graph graph) {
        this.graph = graph;
    }

    /** The checksum a loaded network's marker holds: its specification and the generator's version. */
    public static String checksum(NetworkGenerator.Spec spec) {
        return String.join("|", GENERATOR_VERSION, spec.idPrefix(), String.valueOf(spec.schools()), String.valueOf(spec.pairings()),
                String.valueOf(spec.seed()), String.join(",", spec.counties().stream().map(NetworkGenerator.County::code).toList()));
    }

    /** True when exactly this specification is loaded under its dataset name. */
    public boolean isLoaded(NetworkGenerator.Spec spec) {
        return !graph.read("MATCH (m:GeneratedDataset {name: $name, checksum: $checksum}) RETURN m.name",
                Map.of("name", spec.dataset(), "checksum", checksum(spec))).isEmpty();
    }

    /** Removes every node of {@code dataset} and its marker, a batch at a time. */
    public void remove(String dataset) {
        for (String label : LABELS) {
            long removed;
            do {
                removed = graph.write("""
                        MATCH (n:%s {dataset: $dataset}) WITH n LIMIT $batch
                        DETACH DELETE n RETURN count(*) AS removed""".formatted(label), Map.of("dataset", dataset, "batch", BATCH))
                        .getFirst().get("removed").asLong();
            } while (removed > 0);
        }
        graph.write("MATCH (m:GeneratedDataset {name: $name}) DELETE m", Map.of("name", dataset));
    }

    /** Replaces whatever {@code dataset} held with {@code network}. */
    public void write(Network network) {
        remove(network.spec().dataset());
        writeSourceAndPrograms(network);
        writeSchools(network);
        writeGroups(network);
        writePairings(network);
        writeProgramRoles(network);
        graph.write("MERGE (m:GeneratedDataset {name: $name}) SET m.checksum = $checksum, m.loadedAt = datetime()",
                Map.of("name", network.spec().dataset(), "checksum", checksum(network.spec())));
    }

    /**
     * For a network that goes through the importers ({@link NetworkCsv}): what they cannot
     * create, written before them (its source and programs, which pairings name).
     */
    public void writeBeforeImports(Network network) {
        remove(network.spec().dataset());
        writeSourceAndPrograms(network);
    }

    /** For a network that went through the importers: its groups and program roles, which no importer creates. */
    public void writeAfterImports(Network network) {
        writeGroups(network);
        writeProgramRoles(network);
    }

    private static String source(Network network) {
        return network.spec().idPrefix() + "source";
    }

    private void writeSourceAndPrograms(Network network) {
        NetworkGenerator.Spec spec = network.spec();
        String dataset = spec.dataset();
        String source = source(network);
        graph.write("""
                CREATE (:Source {id: $id, title: 'EduGraph 合成示例网络 (synthetic demonstration data, generated)',
                                 issuer: 'EduGraph', section: $section, synthetic: true, dataset: $dataset})""",
                Map.of("id", source, "dataset", dataset, "section",
                        "generator %s, seed %d: %d schools, %d pairings".formatted(GENERATOR_VERSION, spec.seed(),
                                spec.schools(), spec.pairings())));
        batches(network.programs(), p -> row("id", p.id(), "name", p.name()), """
                UNWIND $rows AS row
                MATCH (src:Source {id: $source})
                CREATE (p:Program {id: row.id, name: row.name, kind: 'PARTNERSHIP', synthetic: true, dataset: $dataset,
                                   note: 'Generated for demonstration; not a real program.'})
                CREATE (p)-[:STATED_IN {synthetic: true}]->(src)""", dataset, source);
    }

    private void writeSchools(Network network) {
        String dataset = network.spec().dataset();
        String source = source(network);
        batches(network.schools(), s -> row("id", s.id(), "name", s.name(), "type", s.type().name(),
                "typeCode", s.type().defaultCode(), "region", s.regionCode()), """
                UNWIND $rows AS row
                MATCH (r:Region {code: row.region}), (src:Source {id: $source})
                CREATE (s:School {id: row.id, name: row.name, aliases: [], searchText: '', type: row.type, typeCode: row.typeCode,
                                  ownership: 'PUBLIC', synthetic: true, dataset: $dataset})
                CREATE (s)-[:LOCATED_IN {synthetic: true}]->(r), (s)-[:STATED_IN {synthetic: true}]->(src)""", dataset, source);
    }

    private void writeGroups(Network network) {
        String dataset = network.spec().dataset();
        String source = source(network);
        List<Map<String, Object>> members = new ArrayList<>();
        for (var g : network.groups()) {
            members.add(row("group", g.id(), "school", g.leadId(), "role", "LEAD", "since", g.since()));
            g.memberIds().forEach(m -> members.add(row("group", g.id(), "school", m, "role", "MEMBER", "since", g.since())));
        }
        batches(network.groups(), g -> row("id", g.id(), "name", g.name(), "kind", g.kind(), "region", g.regionCode()), """
                UNWIND $rows AS row
                MATCH (r:Region {code: row.region}), (src:Source {id: $source})
                CREATE (g:EducationGroup {id: row.id, name: row.name, kind: row.kind, synthetic: true, dataset: $dataset})
                CREATE (g)-[:LOCATED_IN {synthetic: true}]->(r), (g)-[:STATED_IN {synthetic: true}]->(src)""", dataset, source);
        batches(members, m -> m, """
                UNWIND $rows AS row
                MATCH (s:School {id: row.school}), (g:EducationGroup {id: row.group})
                CREATE (s)-[:MEMBER_OF {role: row.role, since: row.since, synthetic: true}]->(g)""", dataset, source);
    }

    private void writePairings(Network network) {
        String dataset = network.spec().dataset();
        String source = source(network);
        batches(network.pairings(), p -> row("id", p.id(), "mentor", p.mentorId(), "mentee", p.menteeId(),
                "kind", p.kind().name(), "program", p.programId(), "start", p.startDate(), "end", p.endDate()), """
                UNWIND $rows AS row
                MATCH (mentor:School {id: row.mentor}), (mentee:School {id: row.mentee}), (src:Source {id: $source})
                CREATE (n:Pairing {id: row.id, kind: row.kind, startDate: row.start, endDate: row.end,
                                   createdBy: 'generator:' + $dataset, synthetic: true, dataset: $dataset})
                CREATE (n)-[:MENTOR {synthetic: true}]->(mentor), (n)-[:MENTEE {synthetic: true}]->(mentee),
                       (n)-[:STATED_IN {synthetic: true}]->(src)
                WITH n, row
                CALL (n, row) { MATCH (p:Program {id: row.program}) CREATE (n)-[:UNDER {synthetic: true}]->(p) }""",
                dataset, source);
    }

    private void writeProgramRoles(Network network) {
        // Program roles follow the pairings: a program's mentors and mentees take part in it.
        Set<String> roles = new LinkedHashSet<>();
        List<Map<String, Object>> participants = new ArrayList<>();
        for (var p : network.pairings()) {
            if (p.programId() != null) {
                if (roles.add(p.mentorId() + "|" + p.programId() + "|MENTOR")) {
                    participants.add(row("school", p.mentorId(), "program", p.programId(), "role", "MENTOR"));
                }
                if (roles.add(p.menteeId() + "|" + p.programId() + "|MENTEE")) {
                    participants.add(row("school", p.menteeId(), "program", p.programId(), "role", "MENTEE"));
                }
            }
        }
        batches(participants, m -> m, """
                UNWIND $rows AS row
                MATCH (s:School {id: row.school}), (p:Program {id: row.program})
                CREATE (s)-[:PARTICIPATES_IN {role: row.role, synthetic: true}]->(p)""", network.spec().dataset(), source(network));
    }

    private <T> void batches(List<T> items, Function<T, Map<String, Object>> toRow, String cypher, String dataset,
            String source) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<Map<String, Object>> rows = items.subList(from, Math.min(items.size(), from + BATCH)).stream().map(toRow).toList();
            graph.write(cypher, Map.of("rows", rows, "dataset", dataset, "source", source));
        }
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
