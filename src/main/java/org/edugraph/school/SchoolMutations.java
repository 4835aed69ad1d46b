package org.edugraph.school;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.edugraph.api.ApiException;
import org.edugraph.api.Ref;
import org.edugraph.audit.Audit;
import org.edugraph.imports.Importer;
import org.edugraph.neo4j.Graph;
import org.edugraph.school.SchoolInputs.CreateSchoolInput;
import org.edugraph.school.SchoolInputs.UpdateSchoolInput;
import org.edugraph.security.Caller;
import org.edugraph.security.CurrentCaller;
import org.edugraph.security.RegionScope;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.edugraph.security.SecuredMutations;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Creating, correcting and importing schools: validated, region-scoped, audited. */
@Controller
class SchoolMutations {

    private final Graph graph;
    private final Audit audit;
    private final CurrentCaller callers;
    private final RegionScope scope;
    private final SchoolWrites writes;
    private final SchoolImport imports;
    private final SchoolPlacement placement;

    private final java.time.Clock clock;

    SchoolMutations(Graph graph, Audit audit, CurrentCaller callers, RegionScope scope, SchoolWrites writes,
            SchoolImport imports, SchoolPlacement placement, java.time.Clock clock) {
        this.clock = clock;
        this.graph = graph;
        this.placement = placement;
        this.audit = audit;
        this.callers = callers;
        this.scope = scope;
        this.writes = writes;
        this.imports = imports;
    }

    @MutationMapping
    @PreAuthorize(SecuredMutations.ADMIN)
    Ref createSchool(@Argument CreateSchoolInput input) {
        Caller caller = callers.signedIn();
        List<String> problems = new ArrayList<>();
        SchoolRules.checkName(input.name(), problems, true);
        SchoolRules.checkAliases(input.aliases(), problems);
        SchoolRules.checkNationalCode(input.nationalCode(), problems);
        if (input.type() == null) {
            problems.add("type is required");
        }
        SchoolRules.checkTown(input.town(), problems);
        if ((input.regionCode() == null || input.regionCode().isBlank()) && input.town() == null) {
            problems.add("regionCode is required (or a town)");
        }
        refuse(problems);
        String regionCode = input.regionCode() == null || input.regionCode().isBlank() ? null : input.regionCode();
        SchoolPlacement.Request request = new SchoolPlacement.Request(regionCode, input.town() == null ? null : input.town().strip());
        NewSchool school = switch (placement.place(List.of(request), null).get(request)) {
            case SchoolPlacement.Problem problem -> throw problem.notFound()
                    ? ApiException.notFound(capitalised(problem.message()))
                    : ApiException.badRequest(capitalised(problem.message()));
            case SchoolPlacement.Placed placed -> new NewSchool("s-" + UUID.randomUUID(), input.name(), input.aliases(),
                    input.type(), input.ownership(), placed.regionCode(), input.nationalCode(), request.town(), placed.townCode());
        };
        unique(() -> graph.write(Graph.Write.retried(), tx -> {
            scope.requireRegions(tx, caller, List.of(school.regionCode()));
            SchoolWrites.Created created = writes.create(tx, caller, List.of(school)).getFirst();
            audit.record(tx, caller, "createSchool", "School", school.id(), null, created.after(),
                    Audit.Touched.schools(List.of(school.id())));
            return created.school();
        }), input.nationalCode());
        return Ref.school(school.id()); // read with what the request selects (read/RowFields)
    }

    @MutationMapping
    @PreAuthorize(SecuredMutations.ADMIN)
    Ref updateSchool(@Argument String id, @Argument UpdateSchoolInput input) {
        Caller caller = callers.signedIn();
        List<String> problems = new ArrayList<>();
        SchoolRules.checkName(input.name(), problems, false);
        SchoolRules.checkAliases(input.aliases(), problems);
        SchoolRules.checkNationalCode(input.nationalCode(), problems);
        refuse(problems);
        if (input.regionCode() != null) {
            requireRegion(input.regionCode());
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
        params.put("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        unique(() -> graph.write(Graph.Write.retried(), tx -> {
            // The school locked, found and within the caller's regions, and its new region too, in this transaction.
            scope.requireSchools(tx, caller, List.of(id));
            if (input.regionCode() != null) {
                scope.requireRegions(tx, caller, List.of(input.regionCode()));
            }
            Record r = tx.run("""
                    MATCH (n:School {id: $id})
                    WITH n, n {.*, region: [(n)-[:LOCATED_IN]->(r) | r.code][0]} AS before
                    SET n += $set, n.updatedAt = $now, n.updatedBy = $user
                    WITH n, before
                    CALL (n) {
                      MATCH (r:Region {code: $region})
                      OPTIONAL MATCH (n)-[old:LOCATED_IN]->()
                      DELETE old
                      CREATE (n)-[:LOCATED_IN]->(r)
                    }
                    RETURN before, n {.*, region: [(n)-[:LOCATED_IN]->(r) | r.code][0]} AS after
                    """, params).getFirst();
            var before = SchoolWrites.plain(r.get("before").asMap());
            // Where the school was counts too: its old region's admins see that it moved away.
            audit.record(tx, caller, "updateSchool", "School", id, before, SchoolWrites.plain(r.get("after").asMap()),
                    new Audit.Touched(List.of(id), List.of(),
                            before.get("region") instanceof String old ? List.of(old) : List.of()));
            return id;
        }), input.nationalCode());
        return Ref.school(id);
    }

    /** The upload of the same import is {@code /import/schools}. */
    @MutationMapping
    @PreAuthorize(SecuredMutations.ADMIN)
    SchoolImportReport importSchools(@Argument String csv, @Argument Boolean dryRun) {
        return imports.run(callers.signedIn(), csv, Importer.dryRun(dryRun));
    }

    private void requireRegion(String code) {
        if (graph.read("MATCH (r:Region {code: $code}) RETURN r.code", Map.of("code", code)).isEmpty()) {
            throw ApiException.notFound("No region with code " + code + " (regionCode)");
        }
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
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
}
