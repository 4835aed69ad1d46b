package org.edugraph.seed;

import java.time.LocalDate;
import java.util.List;

import org.edugraph.group.GroupKind;
import org.edugraph.group.MembershipRole;
import org.edugraph.pairing.PairingKind;
import org.edugraph.program.GovernanceLevel;
import org.edugraph.program.ParticipationRole;
import org.edugraph.program.ProgramKind;
import org.edugraph.region.RegionLevel;
import org.edugraph.school.Ownership;
import org.edugraph.school.SchoolType;
import org.edugraph.source.FigureQualifier;

/** One seed file as written by people: the format is documented in seeds/README.md. */
record SeedFile(Document document, List<RegionEntry> regions, List<SchoolEntry> schools, List<GroupEntry> groups,
        List<ProgramEntry> programs, List<PairingEntry> pairings, List<MergerEntry> mergers, List<FigureEntry> figures,
        List<RecognitionEntry> recognitions) {

    SeedFile {
        regions = regions == null ? List.of() : regions;
        schools = schools == null ? List.of() : schools;
        groups = groups == null ? List.of() : groups;
        programs = programs == null ? List.of() : programs;
        pairings = pairings == null ? List.of() : pairings;
        mergers = mergers == null ? List.of() : mergers;
        figures = figures == null ? List.of() : figures;
        recognitions = recognitions == null ? List.of() : recognitions;
    }

    /**
     * @param text the report's text, relative to the seed folder ({@code reports/quanzhou-2022.txt}):
     *             every {@code quote} of the file is a span of it (checked by SeedFidelityTest)
     */
    record Document(String id, String title, String issuer, LocalDate published, String region, String section,
            String text) {
    }

    record RegionEntry(String code, String name, RegionLevel level, String parent, Boolean official, String section) {
    }

    /**
     * @param region the most specific region the report supports
     * @param town   a town (乡镇/街道) the report names the school by (陈埭): the school is located in the
     *               gazetteer's county of that town, which must lie within {@code region}
     */
    record SchoolEntry(String id, String name, List<String> aliases, SchoolType type, String typeCode,
            Ownership ownership, String region, String town, String nationalCode, String section, String note,
            String quote) {
        SchoolEntry {
            aliases = aliases == null ? List.of() : aliases;
        }
    }

    record MemberEntry(String school, MembershipRole role, LocalDate since, String section, String quote) {
    }

    /** {@code aliases}: the report's other words for the group; for the fidelity check only, not served. */
    record GroupEntry(String id, String name, List<String> aliases, GroupKind kind, String region, String section,
            String note, String quote, List<MemberEntry> members, List<FigureEntry> figures) {
        GroupEntry {
            aliases = aliases == null ? List.of() : aliases;
            members = members == null ? List.of() : members;
            figures = figures == null ? List.of() : figures;
        }
    }

    record ParticipantEntry(String school, ParticipationRole role, Integer year, String section, String quote) {
    }

    /** {@code aliases}: the report's other words for the program; for the fidelity check only, not served. */
    record ProgramEntry(String id, String name, List<String> aliases, ProgramKind kind, GovernanceLevel level,
            String region, Integer year, String section, String note, String quote, List<ParticipantEntry> participants,
            List<FigureEntry> figures) {
        ProgramEntry {
            aliases = aliases == null ? List.of() : aliases;
            participants = participants == null ? List.of() : participants;
            figures = figures == null ? List.of() : figures;
        }
    }

    record PairingEntry(String id, PairingKind kind, String mentor, String mentee, String program, LocalDate startDate,
            LocalDate endDate, String note, String section, String quote) {
    }

    record MergerEntry(String school, String into, LocalDate date, String section, String quote) {
    }

    record FigureEntry(String metric, String label, Double value, String unit, FigureQualifier qualifier, Integer year,
            String section, String region, String quote) {
    }

    /**
     * An award, title or ranking the report gives a school or program.
     *
     * @param of    the id of a school or program of any seed file
     * @param level omitted when the report does not state it
     * @param rank  only when the report states one (全省第一 is 1)
     */
    record RecognitionEntry(String of, String title, GovernanceLevel level, Integer year, Integer rank, String section,
            String quote) {
    }
}
