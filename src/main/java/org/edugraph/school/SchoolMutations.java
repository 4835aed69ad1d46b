package org.edugraph.school;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.edugraph.api.ApiException;
import org.edugraph.audit.Audit;
import org.edugraph.neo4j.Graph;
import org.edugraph.school.SchoolInputs.CreateSchoolInput;
import org.edugraph.school.SchoolInputs.UpdateSchoolInput;
import org.edugraph.security.Caller;
import org.edugraph.security.CurrentCaller;
import org.edugraph.security.RegionScope;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Creating and correcting schools: validated, region-scoped, audited. */
@Controller
class SchoolMutations {

    private final Graph graph;
    private final Audit audit;
    private final CurrentCaller callers;
    private final RegionScope scope;

    SchoolMutations(Graph graph, Audit audit, CurrentCaller callers, RegionScope scope) {
        this.graph = graph;
        this.audit = audit;
        this.callers = callers;
        this.scope = scope;
    }

    @MutationMapping
    School createSchool(@Argument CreateSchoolInput input) {
        Caller caller = callers.requireAdmin();
        List<String> problems = new ArrayList<>();
        checkName(input.name(), problems, true);
        checkAliases(input.aliases(), problems);
        checkNationalCode(input.nationalCode(), problems);
        if (input.type() == null) {
            problems.add("type is required");
        }
        if (input.regionCode() == null || input.regionCode().isBlank()) {
            problems.add("regionCode is required");
        }
        refuse(problems);
        requireRegion(input.regionCode());
        scope.requireRegions(caller, List.of(input.regionCode()));
        String id = "s-" + UUID.randomUUID();
        List<String> aliases = input.aliases() == null ? List.of() : input.aliases().stream().map(String::strip).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("name", input.name().strip());
        params.put("aliases", aliases);
        params.put("searchText", String.join(" ", aliases));
        params.put("type", input.type().name());
        params.put("typeCode", input.type().defaultCode());
        params.put("ownership", (input.ownership() == null ? Ownership.UNKNOWN : input.ownership()).name());
        params.put("nationalCode", input.nationalCode());
        params.put("region", input.regionCode());
        params.put("user", caller.name());
        return unique(() -> graph.writeTransaction(tx -> {
            Record r = graph.run(tx, """
                    MATCH (r:Region {code: $region})
                    CREATE (n:School {id: $id, name: $name, aliases: $aliases, searchText: $searchText, type: $type,
                                      typeCode: $typeCode, ownership: $ownership, nationalCode: $nationalCode,
                                      createdAt: datetime(), createdBy: $user})-[:LOCATED_IN]->(r)
                    RETURN %s AS school, n {.*, region: r.code} AS after""".formatted(School.PROJECTION), params).getFirst();
            audit.record(tx, caller, "createSchool", "School", id, null, plain(r.get("after").asMap()));
            return School.from(r.get("school"));
        }), input.nationalCode());
    }

    @MutationMapping
    School updateSchool(@Argument String id, @Argument UpdateSchoolInput input) {
        Caller caller = callers.requireAdmin();
        List<String> problems = new ArrayList<>();
        checkName(input.name(), problems, false);
        checkAliases(input.aliases(), problems);
        checkNationalCode(input.nationalCode(), problems);
        refuse(problems);
        if (graph.read("MATCH (n:School {id: $id}) RETURN n.id", Map.of("id", id)).isEmpty()) {
            throw ApiException.notFound("No school with id " + id);
        }
        scope.requireSchools(caller, List.of(id));
        if (input.regionCode() != null) {
            requireRegion(input.regionCode());
            scope.requireRegions(caller, List.of(input.regionCode()));
        }
        Map<String, Object> set = new HashMap<>();
        if (input.name() != null) {
            set.put("name", input.name().strip());
        }
        if (input.aliases() != null) {
            List<String> aliases = input.aliases().stream().map(String::strip).toList();
            set.put("aliases", aliases);
            set.put("searchText", String.join(" ", aliases));
        }
        if (input.type() != null) {
            set.put("type", input.type().name());
            set.put("typeCode", input.type().defaultCode());
        }
        if (input.ownership() != null) {
            set.put("ownership", input.ownership().name());
        }
        if (input.nationalCode() != null) {
            set.put("nationalCode", input.nationalCode());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("set", set);
        params.put("region", input.regionCode());
        params.put("user", caller.name());
        return unique(() -> graph.writeTransaction(tx -> {
            Record r = graph.run(tx, """
                    MATCH (n:School {id: $id})
                    WITH n, n {.*, region: [(n)-[:LOCATED_IN]->(r) | r.code][0]} AS before
                    SET n += $set, n.updatedAt = datetime(), n.updatedBy = $user
                    WITH n, before
                    CALL (n) {
                      MATCH (r:Region {code: $region})
                      OPTIONAL MATCH (n)-[old:LOCATED_IN]->()
                      DELETE old
                      CREATE (n)-[:LOCATED_IN]->(r)
                    }
                    RETURN %s AS school, before, n {.*, region: [(n)-[:LOCATED_IN]->(r) | r.code][0]} AS after
                    """.formatted(School.PROJECTION), params).getFirst();
            audit.record(tx, caller, "updateSchool", "School", id, plain(r.get("before").asMap()), plain(r.get("after").asMap()));
            return School.from(r.get("school"));
        }), input.nationalCode());
    }

    private void requireRegion(String code) {
        if (graph.read("MATCH (r:Region {code: $code}) RETURN r.code", Map.of("code", code)).isEmpty()) {
            throw ApiException.notFound("No region with code " + code + " (regionCode)");
        }
    }

    private static void checkName(String name, List<String> problems, boolean required) {
        if (name == null ? required : name.isBlank()) {
            problems.add("name must not be blank");
        } else if (name != null && name.length() > 200) {
            problems.add("name is longer than 200 characters");
        }
    }

    private static void checkAliases(List<String> aliases, List<String> problems) {
        if (aliases != null && aliases.stream().anyMatch(a -> a == null || a.isBlank())) {
            problems.add("aliases must not be blank");
        }
    }

    private static void checkNationalCode(String code, List<String> problems) {
        if (code != null && !code.matches("\\d{10}")) {
            problems.add("nationalCode must be the 10 digits of the Ministry's school code, got " + code);
        }
    }

    private static void refuse(List<String> problems) {
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems));
        }
    }

    private static <T> T unique(java.util.function.Supplier<T> work, String nationalCode) {
        try {
            return work.get();
        } catch (ClientException e) {
            if (Graph.violatesConstraint(e)) {
                throw ApiException.conflict("Another school already has nationalCode " + nationalCode);
            }
            throw e;
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
