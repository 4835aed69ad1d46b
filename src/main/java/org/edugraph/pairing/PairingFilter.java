package org.edugraph.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.api.BatchedLists.ListRequest;
import org.edugraph.api.Page;
import org.edugraph.region.RegionCypher;

/** The contract's PairingFilter, and the Cypher conditions it stands for. */
public record PairingFilter(String programId, List<PairingKind> kinds, String regionCode, String mentorId,
        String menteeId, LocalDate activeOn) {

    public static final PairingFilter NONE = new PairingFilter(null, null, null, null, null, null);

    static PairingFilter ofProgram(String programId) {
        return new PairingFilter(programId, null, null, null, null, null);
    }

    /** The filter a client gave, or {@link #NONE} for none. */
    public static PairingFilter orNone(PairingFilter filter) {
        return filter == null ? NONE : filter;
    }

    /** True when the filter names anything that only a pairing has: kinds, a mentor or a mentee. */
    public boolean namesPairingsOnly() {
        return kinds != null || mentorId != null || menteeId != null;
    }

    /**
     * The request for this filter, anchored as {@link Cypher#match()} anchors the analytics:
     * at the mentor, the mentee, the program or the region (from the region down), the
     * rest checked on those candidates.
     */
    ListRequest toRequest(Page page) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        String anchored = anchored();
        String anchor = anchored.isEmpty() ? null : anchor(anchored, field -> "k." + field);
        if (programId != null) {
            values.put("program", programId);
            if (!anchored.equals("program")) {
                conditions.put("program", "EXISTS { (n)-[:UNDER]->(:Program {id: k.program}) }");
            }
        }
        if (kinds != null) {
            conditions.put("kinds", "n.kind IN k.kinds");
            values.put("kinds", kinds.stream().map(Enum::name).toList());
        }
        if (regionCode != null) {
            values.put("region", regionCode);
            if (!anchored.equals("region")) {
                conditions.put("region", "EXISTS { (n)-[:MENTOR|MENTEE]->(pfEnd:School) WHERE %s }"
                        .formatted(RegionCypher.locatedWithin("pfEnd", "k.region")));
            }
        }
        if (mentorId != null) {
            values.put("mentor", mentorId);
            if (!anchored.equals("mentor")) {
                conditions.put("mentor", "EXISTS { (n)-[:MENTOR]->(:School {id: k.mentor}) }");
            }
        }
        if (menteeId != null) {
            values.put("mentee", menteeId);
            if (!anchored.equals("mentee")) {
                conditions.put("mentee", "EXISTS { (n)-[:MENTEE]->(:School {id: k.mentee}) }");
            }
        }
        if (activeOn != null) {
            conditions.put("activeOn", PairingActivity.cypher("n", "k.activeOn"));
            values.put("activeOn", activeOn);
        }
        return new ListRequest("Pairing", anchor, conditions, values, page);
    }

    /** What selected pairings are found from: the most selective field the filter names, or "" for none. */
    private String anchored() {
        return mentorId != null ? "mentor" : menteeId != null ? "mentee" : programId != null ? "program"
                : regionCode != null ? "region" : "";
    }

    /**
     * The clause binding {@code n} to the pairings of the {@code anchored} field, one rule
     * for the lists and the analytics; {@code value} gives the Cypher expression of a
     * field's value (a batch's {@code k.mentor}, a parameter {@code $pfMentor}).
     */
    private String anchor(String anchored, java.util.function.UnaryOperator<String> value) {
        String v = value.apply(anchored);
        return switch (anchored) {
            case "mentor" -> "MATCH (:School {id: %s})<-[:MENTOR]-(n:Pairing)".formatted(v);
            case "mentee" -> "MATCH (:School {id: %s})<-[:MENTEE]-(n:Pairing)".formatted(v);
            case "program" -> "MATCH (:Program {id: %s})<-[:UNDER]-(n:Pairing)".formatted(v);
            case "region" -> "MATCH " + RegionCypher.schoolsWithin("", v) + "<-[:MENTOR|MENTEE]-(n:Pairing) WITH DISTINCT n";
            default -> throw new IllegalArgumentException(anchored);
        };
    }

    /**
     * The filter as whole Cypher for the analytics: a condition over any pairing variable,
     * and a clause that binds {@code n} to every selected pairing, starting from the most
     * selective thing the filter names. Parameters are named {@code pf...}; every value is
     * a parameter.
     *
     * @param where      the condition over the variable given to {@link #where(String)}
     * @param parameters the values of the {@code pf...} parameters
     */
    public record Cypher(PairingFilter filter, Map<String, Object> parameters) {

        /** Parameter holding the day of {@code activeOn}, or null. */
        public static final String DAY = "pfDay";
        /** Parameter holding the region code, or null. */
        public static final String REGION = "pfRegion";
        /** Parameter holding the program id, or null. */
        public static final String PROGRAM = "pfProgram";

        /** Every condition of the filter over the pairing bound to {@code pairing}; "true" for none. */
        public String where(String pairing) {
            return where(pairing, null);
        }

        /**
         * The selected pairings, bound to {@code n}: anchored at the mentor, the mentee, the
         * program or the region (walking down from it), else every pairing; the other
         * conditions follow.
         */
        public String match() {
            String anchored = filter.anchored();
            String anchor = anchored.isEmpty() ? "MATCH (n:Pairing)"
                    : filter.anchor(anchored, field -> "$pf" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
            String rest = where("n", anchored);
            return rest.equals("true") ? anchor : anchor + (anchor.contains("WITH") ? " WHERE " : " WITH n WHERE ") + rest;
        }

        private String where(String p, String skip) {
            List<String> parts = new ArrayList<>();
            if (filter.mentorId() != null && !"mentor".equals(skip)) {
                parts.add("EXISTS { (%s)-[:MENTOR]->(:School {id: $pfMentor}) }".formatted(p));
            }
            if (filter.menteeId() != null && !"mentee".equals(skip)) {
                parts.add("EXISTS { (%s)-[:MENTEE]->(:School {id: $pfMentee}) }".formatted(p));
            }
            if (filter.programId() != null && !"program".equals(skip)) {
                parts.add("EXISTS { (%s)-[:UNDER]->(:Program {id: $pfProgram}) }".formatted(p));
            }
            if (filter.regionCode() != null && !"region".equals(skip)) {
                parts.add("EXISTS { (%s)-[:MENTOR|MENTEE]->(pfEnd:School) WHERE %s }"
                        .formatted(p, RegionCypher.locatedWithin("pfEnd", "$" + REGION)));
            }
            if (filter.kinds() != null) {
                parts.add("%s.kind IN $pfKinds".formatted(p));
            }
            if (filter.activeOn() != null) {
                parts.add(PairingActivity.cypher(p, "$" + DAY));
            }
            return parts.isEmpty() ? "true" : "(" + String.join(" AND ", parts) + ")";
        }
    }

    /** This filter as Cypher for the analytics. */
    public Cypher cypher() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("pfMentor", mentorId);
        parameters.put("pfMentee", menteeId);
        parameters.put(Cypher.PROGRAM, programId);
        parameters.put(Cypher.REGION, regionCode);
        parameters.put("pfKinds", kinds == null ? null : kinds.stream().map(Enum::name).distinct().toList());
        parameters.put(Cypher.DAY, activeOn);
        return new Cypher(this, parameters);
    }
}
