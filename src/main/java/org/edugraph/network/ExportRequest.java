package org.edugraph.network;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.edugraph.api.ApiException;
import org.edugraph.pairing.PairingFilter;
import org.edugraph.pairing.PairingKind;

/**
 * What an export's query string asks for, read strictly: the GraphQL PairingFilter's
 * fields under the same names, the network flags or the CSV's {@code bom}. An unknown
 * name, a value given twice, an empty value or one of the wrong type is BAD_REQUEST
 * naming the parameter and what it accepts, so a mistyped filter never yields a silently
 * wider file.
 *
 * @param groups   includeGroups, as partnershipNetwork's flag (network exports)
 * @param programs includePrograms, as partnershipNetwork's flag (network exports)
 * @param bom      start the CSV with a UTF-8 byte order mark (pairings export)
 * @param measures carry the schools' measures and the pairings' bridge (network exports)
 */
record ExportRequest(PairingFilter filter, boolean groups, boolean programs, boolean bom, boolean measures) {

    /** What the query string of one export may hold. */
    enum Kind {
        NETWORK("includeGroups", "includePrograms", "measures"),
        PAIRINGS("bom");

        private final List<String> parameters;

        Kind(String... own) {
            List<String> all = new ArrayList<>(FILTER);
            all.addAll(List.of(own));
            this.parameters = List.copyOf(all);
        }

        List<String> parameters() {
            return parameters;
        }
    }

    static final List<String> FILTER = List.of("programId", "kinds", "regionCode", "mentorId", "menteeId", "activeOn");
    /** Client text quoted back in an error is cut here, so an error never echoes a whole body. */
    private static final int ECHO = 60;

    /** Reads the query string of an export; BAD_REQUEST for anything it does not accept. */
    static ExportRequest parse(Kind kind, Map<String, List<String>> query) {
        for (String name : query.keySet()) {
            if (!kind.parameters().contains(name)) {
                throw ApiException.badRequest("Unknown parameter `%s`; this export accepts %s"
                        .formatted(echo(name), String.join(", ", kind.parameters())));
            }
        }
        PairingFilter filter = new PairingFilter(text(query, "programId"), kinds(query), text(query, "regionCode"),
                text(query, "mentorId"), text(query, "menteeId"), date(query, "activeOn"));
        return new ExportRequest(filter, flag(query, "includeGroups", false), flag(query, "includePrograms", false),
                flag(query, "bom", true), kind == Kind.NETWORK && flag(query, "measures", true));
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("`%s` is given %d times; give it once".formatted(name, values.size()));
        }
        String value = values.getFirst() == null ? "" : values.getFirst().strip();
        if (value.isEmpty()) {
            throw ApiException.badRequest("`%s` is empty; give a value or leave the parameter out".formatted(name));
        }
        return value;
    }

    private static String text(Map<String, List<String>> query, String name) {
        return single(query, name);
    }

    private static LocalDate date(Map<String, List<String>> query, String name) {
        String value = single(query, name);
        if (value == null) {
            return null;
        }
        try {
            return org.edugraph.time.CalendarDates.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("`%s` must be an ISO date (YYYY-MM-DD, e.g. 2022-09-01, years 1900 to 2199), got `%s`"
                    .formatted(name, echo(value)));
        }
    }

    private static boolean flag(Map<String, List<String>> query, String name, boolean absent) {
        String value = single(query, name);
        if (value == null) {
            return absent;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("`%s` must be true or false, got `%s`".formatted(name, echo(value)));
        };
    }

    /** Comma-separated and/or repeated PairingKind names, each once. */
    private static List<PairingKind> kinds(Map<String, List<String>> query) {
        List<String> values = query.get("kinds");
        if (values == null || values.isEmpty()) {
            return null;
        }
        LinkedHashSet<PairingKind> kinds = new LinkedHashSet<>();
        for (String value : values) {
            for (String name : (value == null ? "" : value).split(",", -1)) {
                String kind = name.strip();
                if (kind.isEmpty()) {
                    throw ApiException.badRequest("`kinds` has an empty entry; give PairingKind names separated by commas: "
                            + allowedKinds());
                }
                try {
                    kinds.add(PairingKind.valueOf(kind));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("`kinds`: `%s` is not a PairingKind; allowed: %s"
                            .formatted(echo(kind), allowedKinds()));
                }
            }
        }
        return List.copyOf(kinds);
    }

    private static String allowedKinds() {
        return String.join(", ", Arrays.stream(PairingKind.values()).map(Enum::name).toList());
    }

    private static String echo(String clientText) {
        return clientText.length() <= ECHO ? clientText : clientText.substring(0, ECHO) + "…";
    }

    /**
     * What the file holds, for its name: the filter's values in a fixed order (ids made
     * safe for a file name), e.g. {@code 350104-2022-09-01} or {@code program-qz-5g-classroom-groups}.
     */
    String describe() {
        StringJoiner name = new StringJoiner("-");
        if (filter.regionCode() != null) {
            name.add(filter.regionCode());
        }
        if (filter.programId() != null) {
            name.add("program-" + filter.programId());
        }
        if (filter.kinds() != null) {
            name.add(String.join("+", filter.kinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList()));
        }
        if (filter.mentorId() != null) {
            name.add("mentor-" + filter.mentorId());
        }
        if (filter.menteeId() != null) {
            name.add("mentee-" + filter.menteeId());
        }
        if (filter.activeOn() != null) {
            name.add(filter.activeOn().toString());
        }
        if (groups) {
            name.add("groups");
        }
        if (programs) {
            name.add("programs");
        }
        String safe = name.toString().replaceAll("[^A-Za-z0-9._+-]", "_");
        return safe.length() <= 120 ? safe : safe.substring(0, 120);
    }

    /** The file name of an export: {@code edugraph-<what>[-<filter>].<extension>}. */
    String fileName(String what, String extension) {
        String filter = describe();
        return "edugraph-" + what + (filter.isEmpty() ? "" : "-" + filter) + "." + extension;
    }

    /** The filter and flags in words, for the description inside a GraphML or GEXF file. */
    String summary() {
        StringJoiner parts = new StringJoiner(", ");
        if (filter.programId() != null) {
            parts.add("programId=" + filter.programId());
        }
        if (filter.kinds() != null) {
            parts.add("kinds=" + String.join(",", filter.kinds().stream().map(Enum::name).toList()));
        }
        if (filter.regionCode() != null) {
            parts.add("regionCode=" + filter.regionCode());
        }
        if (filter.mentorId() != null) {
            parts.add("mentorId=" + filter.mentorId());
        }
        if (filter.menteeId() != null) {
            parts.add("menteeId=" + filter.menteeId());
        }
        if (filter.activeOn() != null) {
            parts.add("activeOn=" + filter.activeOn());
        }
        parts.add("includeGroups=" + groups);
        parts.add("includePrograms=" + programs);
        parts.add("measures=" + measures);
        return parts.toString();
    }
}
