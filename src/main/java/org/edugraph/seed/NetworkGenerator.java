package org.edugraph.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.edugraph.pairing.PairingKind;
import org.edugraph.school.SchoolType;

/**
 * Makes a synthetic partnership network in EduGraph's own model, deterministic for a
 * given specification: the same counties, sizes and seed give the same schools, groups,
 * programs and pairings, on any machine. Its shape follows the reports: about a third of
 * the schools are strong ones that mentor (5G+专递课堂: 56 schools help 118), most
 * mentors help a few schools and a few busy ones many, most pairings stay in their
 * county but many cross to another, groups are led by a strong school with members of
 * its county, and pairings start on a school year's first day and some have ended. Names
 * say 示例 (example) and every node is marked synthetic: nothing here is a fact about a
 * real school.
 */
public final class NetworkGenerator {

    /** A county the generated schools are placed in. */
    public record County(String code, String name, String parentCode) {
    }

    /**
     * What to generate.
     *
     * @param dataset  stored on every generated node, to find (and remove) them again
     * @param idPrefix prefix of every generated id, e.g. {@code demo-}
     * @param today    the day ended pairings are judged against
     */
    public record Spec(String dataset, String idPrefix, int schools, int pairings, long seed, List<County> counties,
            LocalDate today) {

        public Spec {
            if (schools < 2 || pairings < 0 || counties.isEmpty()) {
                throw new IllegalArgumentException("a network needs at least 2 schools and a county");
            }
            counties = List.copyOf(counties);
        }
    }

    public record School(String id, String name, SchoolType type, String regionCode, boolean strong) {
    }

    public record Group(String id, String name, String kind, String regionCode, String leadId, List<String> memberIds,
            LocalDate since) {
    }

    public record Program(String id, String name, PairingKind pairingKind) {
    }

    public record Pairing(String id, String mentorId, String menteeId, PairingKind kind, String programId,
            LocalDate startDate, LocalDate endDate) {
    }

    public record Network(Spec spec, List<School> schools, List<Group> groups, List<Program> programs,
            List<Pairing> pairings) {
    }

    private static final SchoolType[] TYPES = {SchoolType.PRIMARY, SchoolType.PRIMARY, SchoolType.PRIMARY,
            SchoolType.PRIMARY, SchoolType.JUNIOR_SECONDARY, SchoolType.JUNIOR_SECONDARY, SchoolType.NINE_YEAR,
            SchoolType.KINDERGARTEN, SchoolType.KINDERGARTEN, SchoolType.COMPLETE_SECONDARY};
    private static final String[] GROUP_KINDS = {"GROUP", "GROUP", "COMMUNITY", "ALLIANCE"};

    private NetworkGenerator() {
    }

    public static Network generate(Spec spec) {
        Random random = new Random(spec.seed());
        String p = spec.idPrefix();
        int[] serial = new int[SchoolType.values().length];

        List<School> schools = new ArrayList<>(spec.schools());
        List<List<School>> byCounty = new ArrayList<>();
        java.util.Map<String, Integer> countyIndex = new java.util.HashMap<>();
        for (County c : spec.counties()) {
            countyIndex.putIfAbsent(c.code(), byCounty.size());
            byCounty.add(new ArrayList<>());
        }
        List<School> strong = new ArrayList<>();
        List<School> weak = new ArrayList<>();
        for (int i = 0; i < spec.schools(); i++) {
            int county = i < spec.counties().size() ? i : random.nextInt(spec.counties().size());
            County c = spec.counties().get(county);
            SchoolType type = TYPES[random.nextInt(TYPES.length)];
            boolean isStrong = random.nextInt(3) == 0;
            String name = "%s示例%s%03d".formatted(c.name(), typeName(type), ++serial[type.ordinal()]);
            School school = new School("%ss%06d".formatted(p, i + 1), name, type, c.code(), isStrong);
            schools.add(school);
            byCounty.get(county).add(school);
            (isStrong ? strong : weak).add(school);
        }
        if (strong.isEmpty()) {
            strong.add(weak.removeFirst());
        }
        if (weak.isEmpty()) {
            weak.add(strong.removeLast());
        }

        List<Program> programs = List.of(
                new Program(p + "program-5g", "示例·5G+专递课堂", PairingKind.SPECIAL_DELIVERY_CLASSROOM),
                new Program(p + "program-alliance", "示例·深度联盟结对帮扶", PairingKind.DEEP_ALLIANCE),
                new Program(p + "program-one-to-one", "示例·城乡一对一结对互助", PairingKind.ONE_TO_ONE));

        List<Group> groups = new ArrayList<>();
        int groupCount = Math.max(1, spec.schools() / 40);
        for (int g = 0; g < groupCount; g++) {
            School lead = strong.get(random.nextInt(strong.size()));
            List<School> county = byCounty.get(countyIndex.get(lead.regionCode()));
            Set<String> members = new HashSet<>();
            int size = 3 + random.nextInt(10);
            for (int k = 0; k < size * 2 && members.size() < size; k++) {
                School m = county.get(random.nextInt(county.size()));
                if (!m.id().equals(lead.id())) {
                    members.add(m.id());
                }
            }
            List<String> sorted = members.stream().sorted().toList();
            groups.add(new Group("%sg%05d".formatted(p, g + 1), lead.name() + "教育集团（示例）",
                    GROUP_KINDS[random.nextInt(GROUP_KINDS.length)], lead.regionCode(), lead.id(), sorted,
                    LocalDate.of(2015 + random.nextInt(8), 9, 1)));
        }

        // Most mentors help a few schools; one pairing in six goes to the busiest 2% of them.
        int hubs = Math.max(1, strong.size() / 50);
        List<Pairing> pairings = new ArrayList<>(spec.pairings());
        Set<String> keys = new HashSet<>();
        int attempts = 0;
        while (pairings.size() < spec.pairings() && attempts++ < spec.pairings() * 20 + 100) {
            School mentor = strong.get(random.nextInt(6) == 0 ? random.nextInt(hubs) : random.nextInt(strong.size()));
            // A mentor helps a school that teaches a stage it teaches: no kindergarten mentors a middle school.
            School mentee = null;
            for (int draw = 0; draw < 20 && mentee == null; draw++) {
                School candidate;
                if (random.nextInt(10) < 6) {
                    List<School> county = byCounty.get(countyIndex.get(mentor.regionCode()));
                    candidate = county.get(random.nextInt(county.size()));
                } else {
                    candidate = weak.get(random.nextInt(weak.size()));
                }
                if (shareAStage(mentor.type(), candidate.type())) {
                    mentee = candidate;
                }
            }
            if (mentee == null || mentee.id().equals(mentor.id())) {
                continue;
            }
            Program program = programs.get(random.nextInt(programs.size()));
            PairingKind kind = random.nextInt(8) == 0 ? PairingKind.TARGETED_SUPPORT : program.pairingKind();
            String programId = kind == PairingKind.TARGETED_SUPPORT ? null : program.id();
            if (!keys.add(mentor.id() + "|" + mentee.id() + "|" + kind + "|" + programId)) {
                continue;
            }
            LocalDate start = LocalDate.of(2016 + random.nextInt(9), 9, 1);
            LocalDate end = random.nextInt(10) < 3 ? LocalDate.of(start.getYear() + 1 + random.nextInt(4), 8, 31) : null;
            pairings.add(new Pairing("%sp%07d".formatted(p, pairings.size() + 1), mentor.id(), mentee.id(), kind, programId,
                    start, end));
        }
        return new Network(spec, schools, groups, programs, pairings);
    }

    /** The stages of schooling a type of school teaches. */
    private enum Stage { PRESCHOOL, PRIMARY, JUNIOR, SENIOR, VOCATIONAL, HIGHER, OTHER }

    private static Set<Stage> stages(SchoolType type) {
        return switch (type) {
            case KINDERGARTEN -> Set.of(Stage.PRESCHOOL);
            case PRIMARY -> Set.of(Stage.PRIMARY);
            case JUNIOR_SECONDARY -> Set.of(Stage.JUNIOR);
            case NINE_YEAR -> Set.of(Stage.PRIMARY, Stage.JUNIOR);
            case SENIOR_SECONDARY -> Set.of(Stage.SENIOR);
            case COMPLETE_SECONDARY -> Set.of(Stage.JUNIOR, Stage.SENIOR);
            case TWELVE_YEAR -> Set.of(Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR);
            case SECONDARY_VOCATIONAL -> Set.of(Stage.VOCATIONAL);
            case HIGHER_VOCATIONAL, UNIVERSITY -> Set.of(Stage.HIGHER);
            default -> Set.of(Stage.OTHER);
        };
    }

    /** True when a school of one type may plausibly mentor one of the other: they teach a stage in common. */
    public static boolean shareAStage(SchoolType mentor, SchoolType mentee) {
        return stages(mentor).stream().anyMatch(stages(mentee)::contains);
    }

    private static String typeName(SchoolType type) {
        return switch (type) {
            case KINDERGARTEN -> "幼儿园";
            case PRIMARY -> "小学";
            case JUNIOR_SECONDARY -> "初级中学";
            case NINE_YEAR -> "九年一贯制学校";
            case COMPLETE_SECONDARY -> "中学";
            default -> "学校";
        };
    }
}
