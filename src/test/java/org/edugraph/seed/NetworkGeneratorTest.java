package org.edugraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** The generator is deterministic, marks what it makes as examples, and never pairs a school with itself or twice. */
@Unit
class NetworkGeneratorTest {

    private static final List<NetworkGenerator.County> COUNTIES = List.of(
            new NetworkGenerator.County("K1", "甲县", "C"), new NetworkGenerator.County("K2", "乙县", "C"));

    private static NetworkGenerator.Spec spec(long seed) {
        return new NetworkGenerator.Spec("t", "t-", 300, 600, seed, COUNTIES, LocalDate.of(2026, 11, 30));
    }

    @Test
    void theSameSpecificationGivesTheSameNetworkAndAnotherSeedAnotherOne() {
        assertThat(NetworkGenerator.generate(spec(7))).isEqualTo(NetworkGenerator.generate(spec(7)));
        assertThat(NetworkGenerator.generate(spec(8)).pairings()).isNotEqualTo(NetworkGenerator.generate(spec(7)).pairings());
    }

    @Test
    void itMakesWhatWasAskedWithValidPairingsAndExampleNames() {
        var network = NetworkGenerator.generate(spec(42));
        assertThat(network.schools()).hasSize(300).allSatisfy(s -> assertThat(s.name()).contains("示例"));
        assertThat(network.pairings()).hasSize(600);
        Set<String> ids = new HashSet<>();
        network.schools().forEach(s -> ids.add(s.id()));
        Set<String> keys = new HashSet<>();
        for (var p : network.pairings()) {
            assertThat(p.mentorId()).isNotEqualTo(p.menteeId());
            assertThat(ids).contains(p.mentorId(), p.menteeId());
            assertThat(keys.add(p.mentorId() + p.menteeId() + p.kind() + p.programId())).as("unique %s", p).isTrue();
            if (p.endDate() != null) {
                assertThat(p.endDate()).isAfter(p.startDate());
            }
        }
        assertThat(network.groups()).allSatisfy(g -> assertThat(g.memberIds()).doesNotContain(g.leadId()));
    }

    @Test
    void mentorsAndMenteesTeachAStageInCommonSoNoKindergartenMentorsAMiddleSchool() {
        var network = NetworkGenerator.generate(spec(7));
        var types = new java.util.HashMap<String, org.edugraph.school.SchoolType>();
        network.schools().forEach(s -> types.put(s.id(), s.type()));
        assertThat(network.pairings()).allSatisfy(p -> assertThat(
                NetworkGenerator.shareAStage(types.get(p.mentorId()), types.get(p.menteeId())))
                .as("%s mentors %s", types.get(p.mentorId()), types.get(p.menteeId())).isTrue());
        assertThat(network.pairings()).filteredOn(p -> types.get(p.mentorId()) == org.edugraph.school.SchoolType.KINDERGARTEN)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(types.get(p.menteeId())).isEqualTo(org.edugraph.school.SchoolType.KINDERGARTEN));
        assertThat(NetworkGenerator.shareAStage(org.edugraph.school.SchoolType.KINDERGARTEN, org.edugraph.school.SchoolType.JUNIOR_SECONDARY)).isFalse();
        assertThat(NetworkGenerator.shareAStage(org.edugraph.school.SchoolType.NINE_YEAR, org.edugraph.school.SchoolType.JUNIOR_SECONDARY)).isTrue();
    }
}
