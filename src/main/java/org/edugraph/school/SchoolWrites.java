package org.edugraph.school;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.api.ApiException;
import org.edugraph.neo4j.Graph;
import org.edugraph.security.Caller;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

/**
 * Creates schools in the caller's transaction, one statement for any number, with the
 * properties every school has: aliases joined into {@code searchText} for the full-text
 * index, the type's default 办学类型码, who created it and when, and its region.
 */
@Component
class SchoolWrites {

    /** A created school, and its properties as the audit log records them. */
    record Created(School school, Map<String, Object> after) {
    }

    private final Graph graph;

    private final java.time.Clock clock;

    SchoolWrites(Graph graph, java.time.Clock clock) {
        this.clock = clock;
        this.graph = graph;
    }

    /**
     * The schools come back in input order. Their regions were checked; if one has gone
     * meanwhile the transaction is refused, so that no school is written without its region.
     */
    List<Created> create(Graph.Transaction tx, Caller caller, List<NewSchool> schools) {
        List<Record> records = tx.run(CREATE + "\nRETURN %s AS school, n {.*, region: r.code, town: row.town} AS after"
                .formatted(School.PROJECTION),
                parameters(schools, caller, null));
        requireAllCreated(records.size(), schools.size());
        return records.stream().map(r -> new Created(School.from(r.get("school")), plain(r.get("after").asMap()))).toList();
    }

    /**
     * Creates the schools of an import in the caller's transaction, in statements of
     * {@code batchSize} rows, each stamped with {@code importId}; nothing is read back.
     */
    void createAll(Graph.Transaction tx, Caller caller, List<NewSchool> schools, String importId, int batchSize) {
        for (int from = 0; from < schools.size(); from += batchSize) {
            List<NewSchool> batch = schools.subList(from, Math.min(schools.size(), from + batchSize));
            long created = tx.run(CREATE + "\nRETURN count(*) AS created",
                    parameters(batch, caller, importId)).getFirst().get("created").asLong();
            requireAllCreated(created, batch.size());
        }
    }

    /** The one statement that creates schools, alone or by the hundred thousand. */
    private static final String CREATE = """
            UNWIND $rows AS row
            MATCH (r:Region {code: row.region})
            CREATE (n:School {id: row.id, name: row.name, aliases: row.aliases, searchText: row.searchText,
                              type: row.type, typeCode: row.typeCode, ownership: row.ownership,
                              nationalCode: row.nationalCode, createdAt: $now, createdBy: $user,
                              importId: $importId})-[:LOCATED_IN {town: row.town}]->(r)""";

    /** The statement's parameters; {@code importId} null for a school created on its own. */
    private Map<String, Object> parameters(List<NewSchool> schools, Caller caller, String importId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("rows", rows(schools));
        parameters.put("user", caller.name());
        parameters.put("importId", importId);
        parameters.put("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        return parameters;
    }

    private static List<Map<String, Object>> rows(List<NewSchool> schools) {
        List<Map<String, Object>> rows = new ArrayList<>(schools.size());
        for (NewSchool s : schools) {
            List<String> aliases = s.aliases() == null ? List.of() : s.aliases().stream().map(String::strip).toList();
            Map<String, Object> row = new HashMap<>();
            row.put("id", s.id());
            row.put("name", s.name().strip());
            row.put("aliases", aliases);
            row.put("searchText", String.join(" ", aliases));
            row.put("type", s.type().name());
            row.put("typeCode", s.type().defaultCode());
            row.put("ownership", (s.ownership() == null ? Ownership.UNKNOWN : s.ownership()).name());
            row.put("nationalCode", s.nationalCode());
            row.put("region", s.regionCode());
            // The town a school was placed by is kept on where it is: its region says where that came from.
            row.put("town", s.townCode());
            rows.add(row);
        }
        return rows;
    }

    private static void requireAllCreated(long created, int asked) {
        if (created != asked) {
            throw ApiException.notFound("A region of these schools no longer exists; nothing was written");
        }
    }

    /** A node's properties as plain values for the audit record (dates as text). */
    static Map<String, Object> plain(Map<String, Object> properties) {
        Map<String, Object> m = new HashMap<>();
        properties.forEach((k, v) -> m.put(k, v instanceof String || v instanceof Number || v instanceof Boolean
                || v instanceof List || v == null ? v : String.valueOf(v)));
        return m;
    }
}
