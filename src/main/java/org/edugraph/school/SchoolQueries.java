package org.edugraph.school;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.neo4j.Graph;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

/** Schools by id, for a batch of ids in one statement. */
@Component
public class SchoolQueries {

    private final Graph graph;

    SchoolQueries(Graph graph) {
        this.graph = graph;
    }

    public Map<String, School> byIds(List<String> ids) {
        Map<String, School> result = new HashMap<>();
        for (Record r : graph.read("UNWIND $ids AS id MATCH (n:School {id: id}) RETURN " + School.PROJECTION + " AS school",
                Map.of("ids", ids.stream().distinct().toList()))) {
            School school = School.from(r.get("school"));
            result.put(school.id(), school);
        }
        return result;
    }
}
