package org.edugraph.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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
     * Every condition of the filter over the pairing bound to {@code p}, by field, but the
     * {@code skip}ped one (the anchor, which already holds); {@code value} gives the Cypher
     * expression of a field's value. One rule for the lists and the analytics.
     */
    private Map<String, String> conditions(String p, String skip, UnaryOperator<String> value) {
        Map<String, String> conditions = new LinkedHashMap<>();
        if (mentorId != null && !"mentor".equals(skip)) {
            conditions.put("mentor", "EXISTS { (%s)-[:MENTOR]->(:School {id: %s}) }".formatted(p, value.apply("mentor")));
        }
        if (menteeId != null && !"mentee".equals(skip)) {
            conditions.put("mentee", "EXISTS { (%s)-[:MENTEE]->(:School {id: %s}) }".formatted(p, value.apply("mentee")));
        }
        if (programId != null && !"program".equals(skip)) {
            conditions.put("program", "EXISTS { (%s)-[:UNDER]->(:Program {id: %s}) }".formatted(p, value.apply("program")));
        }
        if (regionCode != null && !"region".equals(skip)) {
            conditions.put("region", "EXISTS { (%s)-[:MENTOR|MENTEE]->(pfEnd:School) WHERE %s }"
                    .formatted(p, RegionCypher.locatedWithin("pfEnd", value.apply("region"))));
        }
        if (kinds != null) {
            conditions.put("kinds", "%s.kind IN %s".formatted(p, value.apply("kinds")));
        }
        if (activeOn != null) {
            conditions.put("activeOn", PairingActivity.cypher(p, value.apply("activeOn")));
        }
        return conditions;
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
    private String anchor(String anchored, UnaryOperator<String> value) {
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
        /** The parameter holding a field's value: {@code $pfMentor} for mentor, {@code $pfDay} for activeOn. */
        private static String parameter(String field) {
            return "$" + (field.equals("activeOn") ? DAY : "pf" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
        }

        public String match() {
            String anchored = filter.anchored();
            String anchor = anchored.isEmpty() ? "MATCH (n:Pairing)" : filter.anchor(anchored, Cypher::parameter);
            String rest = where("n", anchored);
            return rest.equals("true") ? anchor : anchor + (anchor.contains("WITH") ? " WHERE " : " WITH n WHERE ") + rest;
        }

        private String where(String p, String skip) {
            List<String> parts = new ArrayList<>(filter.conditions(p, skip, Cypher::parameter).values());
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
