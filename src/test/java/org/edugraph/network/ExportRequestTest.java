package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.api.ApiException;
import org.edugraph.api.ErrorKind;
import org.edugraph.pairing.PairingKind;
import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** How an export's query string is read: the PairingFilter's names, strictly. */
@Unit
class ExportRequestTest {

    private static Map<String, List<String>> query(String... namesAndValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return query;
    }

    @Test
    void readsEveryFilterFieldAndTheFlags() {
        ExportRequest r = ExportRequest.parse(ExportRequest.Kind.NETWORK, query("programId", "qz-5g-classroom",
                "kinds", "DEEP_ALLIANCE, ONE_TO_ONE", "kinds", "DEEP_ALLIANCE", "kinds", "OTHER", "regionCode", "350104",
                "mentorId", "cs-fz16-ms", "menteeId", "cs-panyu-ms", "activeOn", "2022-09-01",
                "includeGroups", "TRUE", "includePrograms", "false"));
        assertThat(r.filter().programId()).isEqualTo("qz-5g-classroom");
        assertThat(r.filter().kinds()).containsExactly(PairingKind.DEEP_ALLIANCE, PairingKind.ONE_TO_ONE, PairingKind.OTHER);
        assertThat(r.filter().regionCode()).isEqualTo("350104");
        assertThat(r.filter().mentorId()).isEqualTo("cs-fz16-ms");
        assertThat(r.filter().menteeId()).isEqualTo("cs-panyu-ms");
        assertThat(r.filter().activeOn()).isEqualTo(LocalDate.of(2022, 9, 1));
        assertThat(r.groups()).isTrue();
        assertThat(r.programs()).isFalse();
    }

    @Test
    void nothingGivenIsNoFilterNoFlagsAndABom() {
        ExportRequest network = ExportRequest.parse(ExportRequest.Kind.NETWORK, Map.of());
        assertThat(network.filter()).isEqualTo(new org.edugraph.pairing.PairingFilter(null, null, null, null, null, null));
        assertThat(network.groups()).isFalse();
        assertThat(network.programs()).isFalse();
        assertThat(ExportRequest.parse(ExportRequest.Kind.PAIRINGS, Map.of()).bom()).isTrue();
        assertThat(ExportRequest.parse(ExportRequest.Kind.PAIRINGS, query("bom", "false")).bom()).isFalse();
    }

    @Test
    void refusesWhatItDoesNotKnowNamingTheParameterAndWhatIsAllowed() {
        assertRefused(ExportRequest.Kind.NETWORK, query("regioncode", "350104"),
                "Unknown parameter `regioncode`; this export accepts programId, kinds, regionCode, mentorId, menteeId, "
                        + "activeOn, includeGroups, includePrograms, measures");
        assertRefused(ExportRequest.Kind.PAIRINGS, query("includeGroups", "true"),
                "Unknown parameter `includeGroups`; this export accepts programId, kinds, regionCode, mentorId, menteeId, "
                        + "activeOn, bom");
        assertRefused(ExportRequest.Kind.NETWORK, query("activeOn", "2022-02-30"),
                "`activeOn` must be an ISO date (YYYY-MM-DD, e.g. 2022-09-01, years 1900 to 2199), got `2022-02-30`");
        assertRefused(ExportRequest.Kind.NETWORK, query("activeOn", "1/9/2022"), "got `1/9/2022`");
        assertRefused(ExportRequest.Kind.NETWORK, query("kinds", "deep_alliance"), "`kinds`: `deep_alliance` is not a PairingKind; "
                + "allowed: SPECIAL_DELIVERY_CLASSROOM, DEEP_ALLIANCE, TARGETED_SUPPORT, ONE_TO_ONE, OTHER");
        assertRefused(ExportRequest.Kind.NETWORK, query("kinds", "DEEP_ALLIANCE,,OTHER"), "`kinds` has an empty entry");
        assertRefused(ExportRequest.Kind.NETWORK, query("includePrograms", "1"), "`includePrograms` must be true or false, got `1`");
        assertRefused(ExportRequest.Kind.PAIRINGS, query("bom", ""), "`bom` is empty");
        assertRefused(ExportRequest.Kind.PAIRINGS, query("mentorId", "a", "mentorId", "b"), "`mentorId` is given 2 times; give it once");
        assertRefused(ExportRequest.Kind.PAIRINGS, query("regionCode", "  "), "`regionCode` is empty");
    }

    @Test
    void quotesBackOnlyTheStartOfALongValue() {
        String value = "x".repeat(5000);
        assertThatThrownBy(() -> ExportRequest.parse(ExportRequest.Kind.NETWORK, query("activeOn", value)))
                .hasMessageContaining("x".repeat(60) + "…`").message().hasSizeLessThan(200);
    }

    @Test
    void namesTheFileForWhatItHolds() {
        assertThat(ExportRequest.parse(ExportRequest.Kind.NETWORK, query("regionCode", "350104", "activeOn", "2022-09-01"))
                .fileName("network", "graphml")).isEqualTo("edugraph-network-350104-2022-09-01.graphml");
        assertThat(ExportRequest.parse(ExportRequest.Kind.NETWORK, Map.of()).fileName("network", "gexf"))
                .isEqualTo("edugraph-network.gexf");
        assertThat(ExportRequest.parse(ExportRequest.Kind.NETWORK, query("programId", "qz-5g-classroom",
                "kinds", "ONE_TO_ONE,OTHER", "mentorId", "学校 1/\"x\"", "includeGroups", "true", "includePrograms", "true"))
                .fileName("network", "graphml"))
                .isEqualTo("edugraph-network-program-qz-5g-classroom-one_to_one+other-mentor-___1__x_-groups-programs.graphml");
        assertThat(ExportRequest.parse(ExportRequest.Kind.PAIRINGS, query("menteeId", "cs-panyu-ms", "bom", "false"))
                .fileName("pairings", "csv")).isEqualTo("edugraph-pairings-mentee-cs-panyu-ms.csv");
    }

    private static void assertRefused(ExportRequest.Kind kind, Map<String, List<String>> query, String message) {
        assertThatThrownBy(() -> ExportRequest.parse(kind, query))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST))
                .hasMessageContaining(message);
    }
}
