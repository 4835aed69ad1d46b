package org.edugraph.group;

import java.util.LinkedHashMap;
import java.util.Map;

import org.edugraph.api.BatchedLists.ListRequest;
import org.edugraph.api.Page;
import org.edugraph.region.RegionCypher;

/** The contract's GroupFilter, and the Cypher it stands for: a region is the anchor, a kind a condition. */
public record GroupFilter(GroupKind kind, String regionCode) {

    ListRequest toRequest(Page page) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (kind != null) {
            conditions.put("kind", "n.kind = k.kind");
            values.put("kind", kind.name());
        }
        String anchor = null;
        if (regionCode != null) {
            // Found from the region down, not tested on every group.
            anchor = "MATCH " + RegionCypher.locatedUnder("n", "EducationGroup", "k.region");
            values.put("region", regionCode);
        }
        return new ListRequest("EducationGroup", anchor, conditions, values, page);
    }
}
