package org.edugraph.group;

import java.util.LinkedHashMap;
import java.util.Map;

import org.edugraph.api.BatchedLists.ListRequest;
import org.edugraph.api.Page;

/** The contract's GroupFilter, and the Cypher conditions it stands for. */
public record GroupFilter(GroupKind kind, String regionCode) {

    ListRequest toRequest(Page page) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (kind != null) {
            conditions.put("kind", "n.kind = k.kind");
            values.put("kind", kind.name());
        }
        if (regionCode != null) {
            conditions.put("region", "EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: k.region}) }");
            values.put("region", regionCode);
        }
        return new ListRequest("EducationGroup", conditions, values, page);
    }
}
