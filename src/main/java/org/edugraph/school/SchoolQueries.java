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

    /**
     * Schools by name and alias through the cjk full-text index, best match first: an
     * exact name or alias, then names and aliases containing the text, then the rest by
     * full-text score. The substring match also finds what bigrams cannot (one character).
     */
    List<School> search(String text, int limit) {
        return graph.read("""
                CALL () {
                  CALL db.index.fulltext.queryNodes('school_names', $query, {limit: $limit}) YIELD node, score
                  RETURN node AS n, score
                  UNION ALL
                  MATCH (n:School) WHERE n.name CONTAINS $text OR any(a IN n.aliases WHERE a CONTAINS $text)
                  RETURN n, 0.0 AS score
                }
                WITH n, max(score) AS score
                WITH n, score,
                     CASE WHEN n.name = $text OR $text IN n.aliases THEN 2
                          WHEN n.name CONTAINS $text OR any(a IN n.aliases WHERE a CONTAINS $text) THEN 1
                          ELSE 0 END AS rank
                ORDER BY rank DESC, score DESC, size(n.name), n.id
                LIMIT $limit
                RETURN %s AS school""".formatted(School.PROJECTION),
                Map.of("query", luceneQuery(text), "text", text, "limit", limit))
                .stream().map(r -> School.from(r.get("school"))).toList();
    }

    /**
     * The text as a Lucene query whose every character is literal: special characters are
     * escaped, and lower case keeps AND, OR and NOT from being read as operators (the
     * analyzer lower-cases the index anyway).
     */
    static String luceneQuery(String text) {
        StringBuilder query = new StringBuilder();
        for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
                query.append('\\');
            }
            query.append(c);
        }
        return query.toString();
    }
}
