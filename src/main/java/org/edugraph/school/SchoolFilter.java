package org.edugraph.school;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.api.ApiException;
import org.edugraph.api.BatchedLists.ListRequest;
import org.edugraph.api.Page;

/** The contract's SchoolFilter, and the Cypher conditions it stands for. */
public record SchoolFilter(String nameContains, String regionCode, List<SchoolType> types, Ownership ownership,
        String programId, String groupId) {

    static final SchoolFilter NONE = new SchoolFilter(null, null, null, null, null, null);

    ListRequest toRequest(Page page) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (nameContains != null) {
            if (nameContains.isBlank()) {
                throw ApiException.badRequest("`nameContains` must not be blank");
            }
            conditions.put("name", "(n.name CONTAINS k.name OR any(a IN n.aliases WHERE a CONTAINS k.name))");
            values.put("name", nameContains.strip());
        }
        if (regionCode != null) {
            conditions.put("region", "EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: k.region}) }");
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
            conditions.put("program", "EXISTS { (n)-[:PARTICIPATES_IN]->(:Program {id: k.program}) }");
            values.put("program", programId);
        }
        if (groupId != null) {
            conditions.put("group", "EXISTS { (n)-[:MEMBER_OF]->(:EducationGroup {id: k.group}) }");
            values.put("group", groupId);
        }
        return new ListRequest("School", conditions, values, page);
    }
}
