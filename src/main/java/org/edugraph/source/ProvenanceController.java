package org.edugraph.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.edugraph.group.EducationGroup;
import org.edugraph.neo4j.Graph;
import org.edugraph.pairing.Pairing;
import org.edugraph.program.Program;
import org.edugraph.region.Region;
import org.edugraph.school.School;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The sources of every fact, and the figures reported about programs, groups and regions. */
@Controller
class ProvenanceController {

    private final Graph graph;

    ProvenanceController(Graph graph) {
        this.graph = graph;
    }

    @BatchMapping(typeName = "School", field = "sources")
    Map<School, List<Source>> schoolSources(List<School> schools) {
        return related(schools, School::id, "School", "id", "(x)-[:STATED_IN]->(src:Source)",
                Source.PROJECTION, "src.id", Source::from);
    }

    @BatchMapping(typeName = "EducationGroup", field = "sources")
    Map<EducationGroup, List<Source>> groupSources(List<EducationGroup> groups) {
        return related(groups, EducationGroup::id, "EducationGroup", "id", "(x)-[:STATED_IN]->(src:Source)",
                Source.PROJECTION, "src.id", Source::from);
    }

    @BatchMapping(typeName = "Program", field = "sources")
    Map<Program, List<Source>> programSources(List<Program> programs) {
        return related(programs, Program::id, "Program", "id", "(x)-[:STATED_IN]->(src:Source)",
                Source.PROJECTION, "src.id", Source::from);
    }

    @BatchMapping(typeName = "Pairing", field = "sources")
    Map<Pairing, List<Source>> pairingSources(List<Pairing> pairings) {
        return related(pairings, Pairing::id, "Pairing", "id", "(x)-[:STATED_IN]->(src:Source)",
                Source.PROJECTION, "src.id", Source::from);
    }

    @BatchMapping(typeName = "Program", field = "figures")
    Map<Program, List<Figure>> programFigures(List<Program> programs) {
        return related(programs, Program::id, "Program", "id", "(f:Figure)-[:ABOUT]->(x)",
                Figure.PROJECTION, "f.id", Figure::from);
    }

    @BatchMapping(typeName = "EducationGroup", field = "figures")
    Map<EducationGroup, List<Figure>> groupFigures(List<EducationGroup> groups) {
        return related(groups, EducationGroup::id, "EducationGroup", "id", "(f:Figure)-[:ABOUT]->(x)",
                Figure.PROJECTION, "f.id", Figure::from);
    }

    @BatchMapping(typeName = "Region", field = "figures")
    Map<Region, List<Figure>> regionFigures(List<Region> regions) {
        return related(regions, Region::code, "Region", "code", "(f:Figure)-[:ABOUT]->(x)",
                Figure.PROJECTION, "f.id", Figure::from);
    }

    @BatchMapping(typeName = "School", field = "recognitions")
    Map<School, List<Recognition>> schoolRecognitions(List<School> schools) {
        return related(schools, School::id, "School", "id", "(rec:Recognition)-[:OF]->(x)",
                Recognition.PROJECTION, "rec.year DESC, rec.title", Recognition::from);
    }

    @BatchMapping(typeName = "Program", field = "recognitions")
    Map<Program, List<Recognition>> programRecognitions(List<Program> programs) {
        return related(programs, Program::id, "Program", "id", "(rec:Recognition)-[:OF]->(x)",
                Recognition.PROJECTION, "rec.year DESC, rec.title", Recognition::from);
    }

    /** For each parent, the rows a pattern from it (as {@code x}) leads to, in one statement. */
    private <P, T> Map<P, List<T>> related(List<P> parents, Function<P, String> idOf, String label, String key,
            String pattern, String projection, String order, Function<org.neo4j.driver.Value, T> mapper) {
        Map<String, List<T>> byId = new HashMap<>();
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (x:%s {%s: id})
                MATCH %s
                RETURN id, %s AS row ORDER BY %s""".formatted(label, key, pattern, projection, order),
                Map.of("ids", parents.stream().map(idOf).distinct().toList()))) {
            byId.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(mapper.apply(r.get("row")));
        }
        Map<P, List<T>> result = new HashMap<>();
        parents.forEach(p -> result.put(p, byId.getOrDefault(idOf.apply(p), List.of())));
        return result;
    }
}
