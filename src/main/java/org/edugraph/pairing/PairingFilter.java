package org.edugraph.pairing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.api.BatchedLists.ListRequest;
import org.edugraph.api.Page;

/** The contract's PairingFilter, and the Cypher conditions it stands for. */
public record PairingFilter(String programId, List<PairingKind> kinds, String regionCode, String mentorId,
        String menteeId, LocalDate activeOn) {

    static final PairingFilter NONE = new PairingFilter(null, null, null, null, null, null);

    static PairingFilter ofProgram(String programId) {
        return new PairingFilter(programId, null, null, null, null, null);
    }

    ListRequest toRequest(Page page) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (programId != null) {
            conditions.put("program", "EXISTS { (n)-[:UNDER]->(:Program {id: k.program}) }");
            values.put("program", programId);
        }
        if (kinds != null) {
            conditions.put("kinds", "n.kind IN k.kinds");
            values.put("kinds", kinds.stream().map(Enum::name).toList());
        }
        if (regionCode != null) {
            conditions.put("region",
                    "EXISTS { (n)-[:MENTOR|MENTEE]->(:School)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: k.region}) }");
            values.put("region", regionCode);
        }
        if (mentorId != null) {
            conditions.put("mentor", "EXISTS { (n)-[:MENTOR]->(:School {id: k.mentor}) }");
            values.put("mentor", mentorId);
        }
        if (menteeId != null) {
            conditions.put("mentee", "EXISTS { (n)-[:MENTEE]->(:School {id: k.mentee}) }");
            values.put("mentee", menteeId);
        }
        if (activeOn != null) {
            conditions.put("activeOn",
                    "(n.startDate IS NULL OR n.startDate <= k.activeOn) AND (n.endDate IS NULL OR n.endDate >= k.activeOn)");
            values.put("activeOn", activeOn);
        }
        return new ListRequest("Pairing", conditions, values, page);
    }
}
