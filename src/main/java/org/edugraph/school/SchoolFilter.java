package org.edugraph.school;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.api.BatchedLists.ListRequest;
import org.edugraph.api.Page;
import org.edugraph.region.RegionCypher;

/** The contract's SchoolFilter, and the Cypher conditions it stands for. */
public record SchoolFilter(String nameContains, String regionCode, List<SchoolType> types, Ownership ownership,
        String programId, String groupId) {

    static final SchoolFilter NONE = new SchoolFilter(null, null, null, null, null, null);

    /**
     * The request for this filter. Its anchor, the index lookup the rows are found from,
     * is the most selective thing it names: a group's members, a program's participants, a
     * region's schools (from the region down), or the schools whose name or aliases contain
     * the text (the text indexes on {@code name} and {@code searchText}, the aliases joined);
     * everything else, the substring included, is checked on those candidates.
     */
    ListRequest toRequest(Page page) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (nameContains != null) {
            String text = SchoolRules.searchText("nameContains", nameContains);
            conditions.put("name", "(n.name CONTAINS k.name OR any(a IN n.aliases WHERE a CONTAINS k.name))");
            values.put("name", text);
        }
        if (regionCode != null) {
            values.put("region", regionCode);
        }
        if (types != null) {
            conditions.put("types", "n.type IN k.types");
            values.put("types", types.stream().map(Enum::name).toList());
        }
        if (ownership != null) {
            conditions.put("ownership", "n.ownership = k.ownership");
            values.put("ownership", ownership.name());
        }
        if (programId != null) {
            values.put("program", programId);
        }
        if (groupId != null) {
            values.put("group", groupId);
        }
        String anchor;
        if (groupId != null) {
            anchor = "MATCH (:EducationGroup {id: k.group})<-[:MEMBER_OF]-(n:School)";
        } else if (programId != null) {
            anchor = "MATCH (:Program {id: k.program})<-[:PARTICIPATES_IN]-(n:School) WITH DISTINCT n";
        } else if (regionCode != null) {
            anchor = "MATCH " + RegionCypher.schoolsWithin("n", "k.region");
        } else if (nameContains != null) {
            anchor = """
                    CALL (k) {
                        MATCH (n:School) WHERE n.name CONTAINS k.name RETURN n
                        UNION
                        MATCH (n:School) WHERE n.searchText CONTAINS k.name RETURN n
                      }""";
        } else {
            anchor = null;
        }
        if (programId != null && groupId != null) {
            conditions.put("program", "EXISTS { (n)-[:PARTICIPATES_IN]->(:Program {id: k.program}) }");
        }
        if (regionCode != null && (groupId != null || programId != null)) {
            conditions.put("region", RegionCypher.locatedWithin("n", "k.region"));
        }
        return new ListRequest("School", anchor, conditions, values, page);
    }
}
