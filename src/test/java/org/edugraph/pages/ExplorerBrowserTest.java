package org.edugraph.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.edugraph.support.Browser;
import org.edugraph.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The explorer at /explorer, in a real Chromium that cannot reach the internet, against
 * the seeds: what an analyst does with it, and that the page asks nothing of the outside
 * world and logs no error while doing it.
 */
class ExplorerBrowserTest extends BrowserTest {

    private static final String PANYU = "cs-panyu-ms";
    private static final String JINXIUXIAO = "cs-jinxiuxiao";
    private static final String FZ12 = "cs-fz12-ms";


    @Test
    void searchFindsASchoolByPartOfItsNameAndExpandingDrawsItsPartners() {
        try (var explorer = open("")) {
            explorer.page.locator("#search").fill("盘屿");
            Locator first = explorer.page.getByRole(AriaRole.OPTION).first();
            first.waitFor();
            assertThat(first.textContent()).contains("福州市仓山区盘屿中学");
            // From the keyboard: down to the first result, Enter adds it and draws its neighbourhood.
            explorer.page.keyboard().press("ArrowDown");
            explorer.page.keyboard().press("Enter");
            idleWith(explorer, JINXIUXIAO);

            assertThat(label(explorer, PANYU)).isEqualTo("福州市仓山区盘屿中学");
            assertThat(label(explorer, JINXIUXIAO)).isEqualTo("仓山区教师进修学校");
            assertThat(edgeKinds(explorer, JINXIUXIAO, PANYU)).containsExactly("TARGETED_SUPPORT");
            assertThat(nodeIds(explorer)).doesNotContain(FZ12);

            explorer.page.selectOption("#depth", "2");
            idleWith(explorer, FZ12);
            assertThat(label(explorer, FZ12)).isEqualTo("福州第十二中学");
            assertThat(edgeKinds(explorer, JINXIUXIAO, FZ12)).containsExactly("TARGETED_SUPPORT");
            assertThat(query(explorer)).containsEntry("schools", PANYU).containsEntry("expand", PANYU).containsEntry("depth", "2");
            explorer.screenshot("explorer-depth-2");
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    void groupsAndProgramsAreDrawnWhenTurnedOn() {
        try (var explorer = open("?schools=" + PANYU + "&expand=" + PANYU)) {
            assertThat(nodeIds(explorer)).noneMatch(id -> id.startsWith("program:"));
            explorer.page.check("#show-programs");
            idleWith(explorer, "program:cs-targeted-support");
            assertThat(kind(explorer, "program:cs-targeted-support")).isEqualTo("Program");
            assertThat(label(explorer, "program:cs-targeted-support")).isEqualTo("定向帮扶");
            assertThat(edgeKinds(explorer, PANYU, "program:cs-targeted-support")).containsExactly("MENTEE");
            assertThat(edgeKinds(explorer, JINXIUXIAO, "program:cs-targeted-support")).containsExactly("MENTOR");
            explorer.page.uncheck("#show-programs");
            idle(explorer);
            assertThat(nodeIds(explorer)).noneMatch(id -> id.startsWith("program:"));
            explorer.assertNothingWentWrong();
        }
        // 泉州师院 and 泉州五中 are the two named members of the Ministry's 思政课一体化共同体 (二(二)一).
        try (var explorer = open("?schools=qz-qztc&expand=qz-qztc")) {
            assertThat(nodeIds(explorer)).doesNotContain("group:qz-moe-sizheng-community", "qz-wuzhong");
            explorer.page.check("#show-groups");
            idleWith(explorer, "group:qz-moe-sizheng-community");
            assertThat(kind(explorer, "group:qz-moe-sizheng-community")).isEqualTo("EducationGroup");
            assertThat(label(explorer, "group:qz-moe-sizheng-community")).isEqualTo("大中小学思政课一体化共同体");
            // The group is hopped through: its other member comes with it.
            assertThat(edgeKinds(explorer, "qz-qztc", "group:qz-moe-sizheng-community")).containsExactly("MEMBER_OF");
            assertThat(edgeKinds(explorer, "qz-wuzhong", "group:qz-moe-sizheng-community")).containsExactly("MEMBER_OF");
            explorer.screenshot("explorer-groups");
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void clickingANodeShowsItsDetailsWithTheirSourcesAndClickingALineShowsThePairing() {
        List<Map<String, String>> sources = graphQl.document("{ school(id: \"" + JINXIUXIAO + "\") { sources { title section } } }")
                .execute().path("school.sources").entityList(Map.class).get().stream().map(m -> (Map<String, String>) m).toList();
        assertThat(sources).isNotEmpty();
        try (var explorer = open("?schools=" + PANYU + "&expand=" + PANYU)) {
            click(explorer, JINXIUXIAO);
            Locator details = explorer.page.locator("#details");
            explorer.page.locator("#details h2").getByText("仓山区教师进修学校").waitFor();
            idle(explorer);
            String text = details.innerText();
            assertThat(text).contains("进修校", "TEACHER_DEVELOPMENT", "仓山区 (350104)", "Synthetic", "福州市仓山区盘屿中学");
            for (Map<String, String> source : sources) {
                assertThat(text).contains(source.get("title"), "section " + source.get("section"));
            }
            assertThat(query(explorer)).containsEntry("selected", JINXIUXIAO);

            clickEdge(explorer, "e:cs-jxx-panyu");
            explorer.page.locator("#details h2").getByText("定向帮扶").waitFor();
            idle(explorer);
            assertThat(details.innerText()).contains("Mentor", "仓山区教师进修学校", "Mentee", "福州市仓山区盘屿中学");
            explorer.screenshot("explorer-pairing-details");
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void pickingTwoSchoolsHighlightsThePathBetweenThem() {
        Map<String, Object> path = graphQl.document("""
                { partnershipPathNetwork(fromSchoolId: "cs-panyu-ms", toSchoolId: "cs-fz12-ms") { nodes { id } edges { id } } }""")
                .execute().path("partnershipPathNetwork").entity(Map.class).get();
        Set<String> expected = new HashSet<>();
        ((List<Map<String, String>>) path.get("nodes")).forEach(n -> expected.add(n.get("id")));
        ((List<Map<String, String>>) path.get("edges")).forEach(e -> expected.add("e:" + e.get("id")));
        assertThat(expected).contains(PANYU, FZ12);

        try (var explorer = open("?schools=" + PANYU + "&expand=" + PANYU + "&programs=1")) {
            assertThat(nodeIds(explorer)).doesNotContain(FZ12);
            pick(explorer, "#path-from", "盘屿", "福州市仓山区盘屿中学");
            pick(explorer, "#path-to", "十二中", "福州第十二中学");
            idleWith(explorer, FZ12);
            List<String> highlighted = explorer.page.evaluate("() => explorer.cy.elements('.path').map(e => e.id())") instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of();
            assertThat(highlighted).containsExactlyInAnyOrderElementsOf(expected);
            // Everything else steps back.
            Object notFaded = explorer.page.evaluate("() => explorer.cy.elements().not('.path').not('.faded').length");
            assertThat(((Number) notFaded).intValue()).isZero();
            assertThat(explorer.page.evaluate("() => explorer.cy.elements().not('.path').length")).isNotEqualTo(0);
            assertThat(explorer.page.locator("#path-note").innerText()).contains("highlighted");
            assertThat(query(explorer)).containsEntry("from", PANYU).containsEntry("to", FZ12);
            explorer.screenshot("explorer-path");
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStatisticsShowTheFiguresAndCoverageOfTheFilter() {
        try (var explorer = open("")) {
            explorer.page.click("#tab-stats");
            for (String level : List.of("COUNTY", "PREFECTURE")) {
                Map<String, Object> stats = graphQl.document("""
                        query($level: RegionLevel!) { networkStats { pairings
                          coverage(level: $level) { region { name } schools pairedSchools unpairedSchools } } }""")
                        .variable("level", level).execute().path("networkStats").entity(Map.class).get();
                List<Map<String, Object>> coverage = (List<Map<String, Object>>) stats.get("coverage");
                assertThat(coverage).isNotEmpty();
                explorer.page.selectOption("#coverage-level", level);
                idle(explorer);
                explorer.page.locator("#coverage-table").waitFor();
                List<String> rows = explorer.page.locator("#coverage-table tbody tr").allInnerTexts();
                assertThat(rows).hasSize(coverage.size());
                for (int i = 0; i < coverage.size(); i++) {
                    Map<String, Object> c = coverage.get(i);
                    assertThat(rows.get(i).split("\t")).as(rows.get(i)).startsWith(((Map<String, String>) c.get("region")).get("name"),
                            String.valueOf(c.get("schools")), String.valueOf(c.get("pairedSchools")), String.valueOf(c.get("unpairedSchools")));
                }
                assertThat(explorer.page.locator("#stats-body").innerText()).contains("Pairings\t" + stats.get("pairings"));
            }
            assertThat(explorer.page.locator("#coverage-table").innerText()).contains("福州市", "泉州市");
            assertThat(query(explorer)).containsEntry("level", "PREFECTURE");
            explorer.screenshot("explorer-statistics");
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    void theExportLinksCarryTheFilter() {
        try (var explorer = open("")) {
            // The list offers the regions that hold a school (with the regions above them), not the gazetteer's others.
            Set<String> held = new HashSet<>(graphQl.document("{ regions(holdingSchools: true) { code } }").execute()
                    .path("regions[*].code").entityList(String.class).get());
            List<String> offered = explorer.page.locator("#region option").all().stream()
                    .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
            assertThat(offered).containsExactlyInAnyOrderElementsOf(held).contains("350000", "350100", "350104");
            explorer.page.selectOption("#region", "350104");
            explorer.page.selectOption("#program", "cs-targeted-support");
            explorer.page.check("#kinds input[value=TARGETED_SUPPORT]");
            explorer.page.check("#kinds input[value=DEEP_ALLIANCE]");
            explorer.page.fill("#active-on", "2022-09-01");
            explorer.page.check("#show-programs");
            idle(explorer);

            for (String id : List.of("#export-graphml", "#export-gexf")) {
                URI link = URI.create(explorer.page.locator(id).getAttribute("href"));
                assertThat(link.getPath()).isEqualTo(id.equals("#export-graphml") ? "/export/network.graphml" : "/export/network.gexf");
                Map<String, String> q = parameters(link.getRawQuery());
                assertThat(q).containsEntry("regionCode", "350104").containsEntry("programId", "cs-targeted-support")
                        .containsEntry("activeOn", "2022-09-01").containsEntry("includeGroups", "false")
                        .containsEntry("includePrograms", "true").doesNotContainKeys("mentorId", "menteeId");
                assertThat(q.get("kinds").split(",")).containsExactlyInAnyOrder("TARGETED_SUPPORT", "DEEP_ALLIANCE");
            }
            URI csv = URI.create(explorer.page.locator("#export-csv").getAttribute("href"));
            assertThat(csv.getPath()).isEqualTo("/export/pairings.csv");
            assertThat(parameters(csv.getRawQuery())).containsEntry("regionCode", "350104").containsEntry("activeOn", "2022-09-01")
                    .containsKey("kinds").doesNotContainKeys("includeGroups", "includePrograms");
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    void aCopiedLinkReopensTheSameView() {
        String link;
        Map<String, Object> before;
        try (var explorer = open("")) {
            explorer.page.locator("#search").fill("盘屿");
            explorer.page.getByRole(AriaRole.OPTION).first().waitFor();
            explorer.page.keyboard().press("Enter");
            idleWith(explorer, JINXIUXIAO);
            explorer.page.selectOption("#depth", "2");
            explorer.page.selectOption("#region", "350104");
            explorer.page.check("#show-groups");
            explorer.page.check("#show-programs");
            idleWith(explorer, FZ12);
            // The path's ends from the schools' own details, then a node to look at.
            click(explorer, PANYU);
            explorer.page.locator("#details h2").getByText("福州市仓山区盘屿中学").waitFor();
            explorer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Path from here")).click();
            idle(explorer);
            click(explorer, FZ12);
            explorer.page.locator("#details h2").getByText("福州第十二中学").waitFor();
            explorer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Path to here")).click();
            idle(explorer);
            click(explorer, JINXIUXIAO);
            explorer.page.locator("#details h2").getByText("仓山区教师进修学校").waitFor();
            idle(explorer);
            before = picture(explorer);
            link = explorer.page.url();
            explorer.assertNothingWentWrong();
        }
        assertThat(parameters(URI.create(link).getRawQuery())).containsEntry("depth", "2").containsEntry("regionCode", "350104")
                .containsEntry("groups", "1").containsEntry("programs", "1").containsEntry("from", PANYU)
                .containsEntry("to", FZ12).containsEntry("selected", JINXIUXIAO);
        assertThat((List<?>) before.get("path")).isNotEmpty();

        // A new browser profile: nothing remembered but the address.
        try (var explorer = browser.open(link)) {
            explorer.waitUntil("window.explorer && explorer.ready && explorer.busy === 0");
            explorer.page.locator("#details h2").getByText("仓山区教师进修学校").waitFor();
            idle(explorer);
            assertThat(picture(explorer)).isEqualTo(before);
            explorer.screenshot("explorer-restored");
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    void anErrorOfTheApiIsShownToThePerson() {
        try (var explorer = open("?schools=no-such-school&expand=no-such-school")) {
            String errors = explorer.page.locator("#errors").innerText();
            assertThat(errors).contains("No school with id no-such-school", "NOT_FOUND");
            explorer.assertNothingWentWrong();
        }
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void generatedDataIsMarkedSyntheticOnTheGraphAndInItsDetails() {
        var network = org.edugraph.support.TestNetwork.create(graph, 40, 60, 11);
        try {
            var pairing = network.pairings().getFirst();
            try (var explorer = open("?schools=" + pairing.mentorId() + "&expand=" + pairing.mentorId())) {
                idleWith(explorer, pairing.menteeId());
                assertThat(explorer.page.evaluate("id => explorer.cy.getElementById(id).style('border-style')", pairing.mentorId()))
                        .isEqualTo("dashed");
                assertThat(explorer.page.evaluate("id => explorer.cy.getElementById(id).style('line-style')", "e:" + pairing.id()))
                        .isEqualTo("dashed");
                assertThat(explorer.page.evaluate("() => explorer.cy.getElementById('cs-panyu-ms').length")).isEqualTo(0);
                click(explorer, pairing.mentorId());
                explorer.page.locator("#details .synthetic-note").waitFor();
                assertThat(explorer.page.locator("#details").innerText())
                        .contains("Synthetic: generated demonstration data, not a reported fact.", "示例");
                assertThat(explorer.page.locator("#legend").innerText()).containsIgnoringCase("synthetic");
                explorer.screenshot("explorer-synthetic");
                explorer.assertNothingWentWrong();
            }
        } finally {
            org.edugraph.support.TestNetwork.remove(graph);
        }
    }

    // ------------------------------------------------------------------ issue 20: measures, layouts, who helps whom

    /** The generated test network's measures and bridges, as the API gives them for its region. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> testNetworkAnswer() {
        return graphQl.document("""
                { partnershipNetwork(filter: {regionCode: "T-NET"}) {
                    nodes { id measures { betweenness pageRank articulation community } }
                    edges { id bridge } } }""").execute().path("partnershipNetwork").entity(Map.class).get();
    }

    @Test
    @SuppressWarnings("unchecked")
    void schoolsAreSizedAndColouredByAMeasureTheLegendStatesTheScaleAndTheLinkKeepsIt() {
        org.edugraph.support.TestNetwork.create(graph, 60, 90, 7);
        try {
            Map<String, Object> answer = testNetworkAnswer();
            List<Map<String, Object>> nodes = (List<Map<String, Object>>) answer.get("nodes");
            Map<String, Double> betweenness = new LinkedHashMap<>();
            Map<String, Double> pageRank = new LinkedHashMap<>();
            Set<String> articulation = new HashSet<>();
            for (Map<String, Object> n : nodes) {
                Map<String, Object> m = (Map<String, Object>) n.get("measures");
                betweenness.put((String) n.get("id"), ((Number) m.get("betweenness")).doubleValue());
                pageRank.put((String) n.get("id"), ((Number) m.get("pageRank")).doubleValue());
                if (Boolean.TRUE.equals(m.get("articulation"))) {
                    articulation.add((String) n.get("id"));
                }
            }
            Set<String> bridges = ((List<Map<String, Object>>) answer.get("edges")).stream()
                    .filter(e -> Boolean.TRUE.equals(e.get("bridge"))).map(e -> "e:" + e.get("id")).collect(Collectors.toSet());
            String broker = betweenness.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String leastBroker = betweenness.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String hub = pageRank.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String leastHub = pageRank.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(articulation).as("the test network has single points of failure").isNotEmpty();

            String link;
            String legend;
            try (var explorer = open("?regionCode=T-NET&network=1")) {
                idleWith(explorer, broker);
                explorer.page.selectOption("#size-by", "betweenness");
                explorer.page.selectOption("#colour-by", "pageRank");
                idle(explorer);
                double largest = width(explorer, broker);
                assertThat(largest).isEqualTo(70.0);
                assertThat(width(explorer, leastBroker)).isEqualTo(18.0);
                for (String id : betweenness.keySet()) {
                    assertThat(width(explorer, id)).as(id).isBetween(18.0, 70.0);
                }
                // Dark is high, light is low.
                assertThat(explorer.page.evaluate("id => explorer.cy.getElementById(id).style('background-color')", hub)).isEqualTo("rgb(37,52,148)");
                assertThat(explorer.page.evaluate("id => explorer.cy.getElementById(id).style('background-color')", leastHub)).isEqualTo("rgb(255,255,204)");
                legend = explorer.page.locator("#legend").innerText();
                assertThat(legend).contains("Size: betweenness", "from 0.000 (smallest) to %.3f (largest)".formatted(betweenness.get(broker)),
                        "Colour: PageRank, in five equal steps, light = low, dark = high",
                        "%.4f".formatted(pageRank.get(hub)),
                        "single point of failure: its loss splits its part of the network (" + articulation.size() + ")",
                        "bridge pairing: its loss splits its part of the network (" + bridges.size() + ")");
                // Single points of failure ringed, bridge pairings haloed, the others not.
                for (String id : betweenness.keySet()) {
                    assertThat(explorer.page.evaluate("id => explorer.cy.getElementById(id).style('outline-width')", id))
                            .as(id).isEqualTo(articulation.contains(id) ? "3px" : "0px");
                }
                List<String> haloed = ((List<?>) explorer.page.evaluate("() => explorer.cy.edges()"
                        + ".filter(e => Number(e.style('underlay-opacity')) > 0).map(e => e.id())")).stream().map(String::valueOf).toList();
                assertThat(haloed).containsExactlyInAnyOrderElementsOf(bridges);
                assertThat(query(explorer)).containsEntry("size", "betweenness").containsEntry("colour", "pageRank");
                explorer.screenshot("explorer-measures");
                link = explorer.page.url();
                explorer.assertNothingWentWrong();
            }
            try (var explorer = browser.open(link)) {
                explorer.waitUntil("window.explorer && explorer.ready && explorer.busy === 0");
                assertThat(explorer.page.inputValue("#size-by")).isEqualTo("betweenness");
                assertThat(explorer.page.inputValue("#colour-by")).isEqualTo("pageRank");
                assertThat(width(explorer, broker)).isEqualTo(70.0);
                assertThat(explorer.page.locator("#legend").innerText()).isEqualTo(legend);
                explorer.assertNothingWentWrong();
            }
            // Colour by a category: each community its own colour, named in the legend.
            try (var explorer = open("?regionCode=T-NET&network=1&colour=community")) {
                assertThat(explorer.page.locator("#legend").innerText()).contains("Colour: community", "community 1 (");
                Object colours = explorer.page.evaluate("() => new Set(explorer.cy.nodes('[community = 1]').map(n => n.style('background-color'))).size");
                assertThat(((Number) colours).intValue()).isEqualTo(1);
                explorer.page.selectOption("#colour-by", "type");
                idle(explorer);
                assertThat(explorer.page.locator("#legend").innerText()).contains("Colour: school type", "小学 (PRIMARY)");
                explorer.assertNothingWentWrong();
            }
        } finally {
            org.edugraph.support.TestNetwork.remove(graph);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameLinkDrawsTheSamePictureAndTheLayoutIsChosenInTheAddress() {
        org.edugraph.support.TestNetwork.create(graph, 60, 90, 7);
        try {
            Map<String, Object> first;
            try (var explorer = open("?regionCode=T-NET&network=1")) {
                first = positions(explorer);
                assertThat(first).hasSizeGreaterThan(20);
                explorer.assertNothingWentWrong();
            }
            try (var explorer = open("?regionCode=T-NET&network=1")) {
                assertThat(positions(explorer)).isEqualTo(first);
                // Hierarchical: every school that mentors and has no mentor drawn stands in the top row.
                explorer.page.selectOption("#layout", "hierarchy");
                idle(explorer);
                assertThat(query(explorer)).containsEntry("layout", "hierarchy");
                List<Number> rootRows = (List<Number>) explorer.page.evaluate("""
                        () => explorer.cy.nodes().filter(n => n.incomers('edge').empty() && n.outgoers('edge').nonempty())
                          .map(n => Math.round(n.position('y')))""");
                Number top = (Number) explorer.page.evaluate("() => Math.round(Math.min(...explorer.cy.nodes().map(n => n.position('y'))))");
                assertThat(rootRows).isNotEmpty().allSatisfy(y -> assertThat(y.longValue()).isEqualTo(top.longValue()));
                // A mentor stands above the mentees it reaches first.
                Number above = (Number) explorer.page.evaluate("""
                        () => explorer.cy.edges().filter(e => e.source().position('y') < e.target().position('y')).length""");
                Number edges = (Number) explorer.page.evaluate("() => explorer.cy.edges().length");
                assertThat(above.doubleValue()).isGreaterThan(edges.doubleValue() / 2);
                explorer.screenshot("explorer-hierarchy");
                explorer.assertNothingWentWrong();
            }
            // Concentric by the size measure: the largest in the middle ring.
            try (var explorer = open("?regionCode=T-NET&network=1&size=pageRank&layout=concentric")) {
                assertThat(explorer.page.inputValue("#layout")).isEqualTo("concentric");
                Object nearest = explorer.page.evaluate("""
                        () => { const bb = explorer.cy.nodes().boundingBox(); const cx = (bb.x1 + bb.x2) / 2, cy = (bb.y1 + bb.y2) / 2;
                          const d = n => Math.hypot(n.position('x') - cx, n.position('y') - cy);
                          const top = explorer.cy.nodes().max(n => n.data('pageRank')).ele;
                          const ring = d(top);
                          return explorer.cy.nodes().filter(n => d(n) < ring - 1).map(n => n.data('pageRank') <= top.data('pageRank')).every(x => x)
                            && explorer.cy.nodes().filter(n => d(n) > ring + 1).every(n => n.data('pageRank') < top.data('pageRank')); }""");
                assertThat(nearest).isEqualTo(true);
                explorer.screenshot("explorer-concentric");
                explorer.assertNothingWentWrong();
            }
        } finally {
            org.edugraph.support.TestNetwork.remove(graph);
        }
    }

    @Test
    void theWhoHelpsWhomTableListsThePairingsDrawnSortsAndSelectsInThePicture() {
        try (var explorer = open("?schools=" + PANYU + "&expand=" + PANYU + "&depth=2&tab=pairings")) {
            idleWith(explorer, FZ12);
            assertThat(explorer.page.locator("#pairings").isVisible()).isTrue();
            Number drawn = (Number) explorer.page.evaluate("() => explorer.cy.edges('[cat = \"pairing\"]').length");
            Locator rows = explorer.page.locator("#pairings-table tbody tr");
            assertThat(rows.count()).isEqualTo(drawn.intValue()).isGreaterThan(1);
            assertThat(explorer.page.locator("#pairings-table").innerText()).contains("仓山区教师进修学校", "福州市仓山区盘屿中学", "定向帮扶");
            // The answers give a school's region by its code; its name and that it is a county come from the lookups.
            assertThat(explorer.page.locator("#pairings-table").innerText()).contains("福州市仓山区盘屿中学 · 仓山区");
            assertThat(explorer.page.locator("#legend").innerText()).contains("Colour: county", "仓山区 (");
            // Sorting by the mentee, then the other way.
            explorer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mentee")).click();
            List<String> mentees = explorer.page.locator("#pairings-table tbody tr td:nth-child(2)").allInnerTexts();
            assertThat(mentees).isSortedAccordingTo(java.text.Collator.getInstance(java.util.Locale.CHINA)::compare);
            assertThat(explorer.page.locator("#pairings-table th[aria-sort=ascending]").innerText()).contains("Mentee");
            explorer.page.keyboard().press("Enter"); // the sort button keeps the focus: the keyboard turns it round
            assertThat(explorer.page.locator("#pairings-table th[aria-sort=descending]").innerText()).contains("Mentee");
            assertThat(explorer.page.locator("#pairings-table tbody tr td:nth-child(2)").allInnerTexts())
                    .containsExactlyElementsOf(mentees.reversed());
            // A click on the kind selects the pairing in the picture; the table stays.
            explorer.page.locator("#pairings-table tr[data-id='e:cs-jxx-panyu'] td:nth-child(3) button").click();
            idle(explorer);
            assertThat(explorer.page.evaluate("() => explorer.cy.elements(':selected').map(e => e.id())")).isEqualTo(List.of("e:cs-jxx-panyu"));
            assertThat(explorer.page.locator("#pairings").isVisible()).isTrue();
            assertThat(query(explorer)).containsEntry("selected", "e:cs-jxx-panyu").containsEntry("tab", "pairings");
            explorer.screenshot("explorer-who-helps-whom");
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    void selectingASchoolHighlightsItsNeighboursAndTheRestStepsBack() {
        try (var explorer = open("?schools=" + PANYU + "&expand=" + PANYU + "&depth=2")) {
            idleWith(explorer, FZ12);
            click(explorer, PANYU);
            explorer.page.locator("#details h2").getByText("福州市仓山区盘屿中学").waitFor();
            idle(explorer);
            assertThat(opacity(explorer, PANYU)).isEqualTo(1.0);
            assertThat(opacity(explorer, JINXIUXIAO)).as("a partner").isEqualTo(1.0);
            assertThat(opacity(explorer, FZ12)).as("two hops away").isLessThan(0.5);
            // A click on a school's name (below it, not on it) selects the school too.
            clickName(explorer, JINXIUXIAO);
            explorer.page.locator("#details h2").getByText("仓山区教师进修学校").waitFor();
            idle(explorer);
            assertThat(opacity(explorer, FZ12)).as("a partner now").isEqualTo(1.0);
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    void theStatisticsTabIsInTheAddressTheDaysReadYyyyMmDdAndTheFiguresAreExplained() {
        try (var explorer = open("")) {
            explorer.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Details")).click();
            explorer.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Statistics")).click();
            assertThat(query(explorer)).containsEntry("tab", "stats");
            String explained = explorer.page.locator("#stats-explained").innerText();
            assertThat(explained).contains("Schools in a pairing counts every school at either end of a selected pairing",
                    "counts, per region, only the schools located in that region");
            // The day is written and shown as the API writes it, whatever the browser's language.
            explorer.page.fill("#active-on", "2022-9-1");
            explorer.page.keyboard().press("Tab");
            assertThat(explorer.page.locator("#active-on-note").innerText()).contains("“2022-9-1” is not a day: write it as YYYY-MM-DD");
            assertThat(explorer.page.getAttribute("#active-on", "aria-invalid")).isEqualTo("true");
            assertThat(query(explorer)).doesNotContainKey("activeOn");
            explorer.page.fill("#active-on", "2022-09-01");
            explorer.page.keyboard().press("Tab");
            idle(explorer);
            assertThat(query(explorer)).containsEntry("activeOn", "2022-09-01");
            assertThat(explorer.page.inputValue("#active-on")).isEqualTo("2022-09-01");
            assertThat(explorer.page.getAttribute("#active-on", "aria-invalid")).isNull();
            explorer.assertNothingWentWrong();
        }
        try (var explorer = open("?tab=stats&activeOn=2022-09-01&selected=" + PANYU + "&schools=" + PANYU)) {
            assertThat(explorer.page.locator("#stats").isVisible()).isTrue();
            assertThat(explorer.page.inputValue("#active-on")).isEqualTo("2022-09-01");
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTimeSliderStepsThroughTheDaysTheNetworkChangesAndHighlightsWhatStartedAndEnded() {
        var network = org.edugraph.support.TestNetwork.create(graph, 40, 80, 5);
        try {
            java.util.TreeSet<String> days = new java.util.TreeSet<>();
            for (var p : network.pairings()) {
                if (p.startDate() != null) {
                    days.add(p.startDate().toString());
                }
                if (p.endDate() != null) {
                    days.add(p.endDate().plusDays(1).toString());
                }
            }
            List<String> steps = List.copyOf(days);
            assertThat(steps).hasSizeGreaterThan(3);
            try (var explorer = open("?regionCode=T-NET&network=1")) {
                Locator slider = explorer.page.getByRole(AriaRole.SLIDER, new Page.GetByRoleOptions().setName("Active on (time slider)"));
                assertThat(slider.getAttribute("max")).isEqualTo(String.valueOf(steps.size()));
                assertThat(slider.getAttribute("aria-valuetext")).isEqualTo("every pairing, whatever its dates");
                // From the keyboard: Home to the first day, then one step on.
                slider.focus();
                explorer.page.keyboard().press("Home");
                explorer.waitUntil("explorer.view.activeOn === '" + steps.get(0) + "' && explorer.busy === 0");
                explorer.page.keyboard().press("ArrowRight");
                String day = steps.get(1);
                explorer.waitUntil("explorer.view.activeOn === '" + day + "' && explorer.busy === 0");
                assertThat(query(explorer)).containsEntry("activeOn", day);
                assertThat(explorer.page.inputValue("#active-on")).isEqualTo(day);
                assertThat(slider.getAttribute("aria-valuetext")).isEqualTo(day);
                java.time.LocalDate on = java.time.LocalDate.parse(day);
                java.time.LocalDate before = java.time.LocalDate.parse(steps.get(0));
                Set<String> active = network.pairings().stream()
                        .filter(p -> !p.startDate().isAfter(on) && (p.endDate() == null || !p.endDate().isBefore(on)))
                        .map(p -> "e:" + p.id()).collect(Collectors.toSet());
                List<String> drawn = ((List<?>) explorer.page.evaluate("() => explorer.cy.edges('[cat = \"pairing\"]').map(e => e.id())"))
                        .stream().map(String::valueOf).toList();
                assertThat(drawn).containsExactlyInAnyOrderElementsOf(active);
                Set<String> started = network.pairings().stream()
                        .filter(p -> p.startDate().isAfter(before) && !p.startDate().isAfter(on)).map(p -> "e:" + p.id()).collect(Collectors.toSet());
                Set<String> ended = network.pairings().stream()
                        .filter(p -> p.endDate() != null && !p.endDate().isBefore(before) && p.endDate().isBefore(on))
                        .map(p -> p.id()).collect(Collectors.toSet());
                explorer.waitUntil("document.getElementById('time-changes').innerText.includes('Since')");
                List<String> green = ((List<?>) explorer.page.evaluate("() => explorer.cy.edges()"
                        + ".filter(e => e.style('line-color') === 'rgb(0,200,83)').map(e => e.id())")).stream().map(String::valueOf).toList();
                assertThat(green).containsExactlyInAnyOrderElementsOf(started);
                String changes = explorer.page.locator("#time-changes").innerText();
                assertThat(changes).contains("Since " + steps.get(0));
                if (!started.isEmpty()) {
                    assertThat(changes).contains("Started, drawn in green (" + started.size() + ")");
                }
                if (!ended.isEmpty()) {
                    assertThat(changes).contains("Ended, their schools ringed in purple (" + ended.size() + ")");
                }
                explorer.screenshot("explorer-time-slider");
                // Play walks on by itself; Pause stops it.
                Locator play = explorer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play the time slider"));
                play.click();
                explorer.waitUntil("explorer.view.activeOn === '" + steps.get(2) + "'");
                explorer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause the time slider")).click();
                assertThat(play.getAttribute("aria-pressed")).isEqualTo("false");
                assertThat((Boolean) explorer.page.evaluate("() => explorer.time.playing")).isFalse();
                idle(explorer);
                explorer.assertNothingWentWrong();
            }
        } finally {
            org.edugraph.support.TestNetwork.remove(graph);
        }
    }

    @Test
    void thePictureIsSavedAsAPngWithItsLegend() throws Exception {
        try (var explorer = open("?schools=" + PANYU + "&expand=" + PANYU + "&depth=2&size=degree")) {
            idleWith(explorer, FZ12);
            com.microsoft.playwright.Download download = explorer.page.waitForDownload(
                    () -> explorer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the picture (PNG)")).click());
            assertThat(download.suggestedFilename()).isEqualTo("edugraph-network-degree.png");
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(download.path().toFile());
            assertThat(png).isNotNull();
            assertThat(png.getWidth()).isGreaterThanOrEqualTo(1000);
            Number drawnHeight = (Number) explorer.page.evaluate("() => { const bb = explorer.cy.elements().boundingBox();"
                    + " return Math.round(bb.h * Math.max(0.25, Math.min(2, 8000 / Math.max(bb.w, bb.h)))); }");
            assertThat(png.getHeight()).as("the picture and the legend below it").isGreaterThan(drawnHeight.intValue() + 60);
            // Not blank: the picture has many coloured pixels, and so has the legend under it.
            assertThat(inked(png, 0, drawnHeight.intValue())).isGreaterThan(0.01);
            assertThat(inked(png, drawnHeight.intValue() + 2, png.getHeight())).isGreaterThan(0.005);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < png.getHeight(); y += 3) {
                for (int x = 0; x < png.getWidth(); x += 3) {
                    colours.add(png.getRGB(x, y));
                }
            }
            assertThat(colours).hasSizeGreaterThan(20);
            explorer.assertNothingWentWrong();
        }
    }

    /** The share of pixels of rows from..to that are not white. */
    private static double inked(java.awt.image.BufferedImage png, int from, int to) {
        long inked = 0;
        long all = 0;
        for (int y = Math.max(0, from); y < Math.min(to, png.getHeight()); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                all++;
                if ((png.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    inked++;
                }
            }
        }
        return all == 0 ? 0 : (double) inked / all;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBriefPrintsThePictureTheFiguresTheTopSchoolsAndTheReportsWordsOfTheHighlightedPairings() {
        List<Map<String, String>> sources = graphQl.document("{ pairing(id: \"cs-jxx-panyu\") { sources { quote section } } }")
                .execute().path("pairing.sources").entityList(Map.class).get().stream().map(m -> (Map<String, String>) m).toList();
        assertThat(sources).isNotEmpty().allSatisfy(s -> assertThat(s.get("quote")).isNotBlank());
        Number pairings = graphQl.document("{ networkStats { pairings } }").execute().path("networkStats.pairings").entity(Number.class).get();
        String topSchool = graphQl.document("{ schoolRanking(by: BETWEENNESS, first: 1) { school { name } } }").execute()
                .path("schoolRanking[0].school.name").entity(String.class).get();
        try (var explorer = open("?schools=" + PANYU + "&expand=" + PANYU + "&size=betweenness&selected=e:cs-jxx-panyu")) {
            explorer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Printable brief")).click();
            explorer.page.locator("#brief-pairings").waitFor();
            idle(explorer);
            String brief = explorer.page.locator("#brief").innerText();
            for (Map<String, String> source : sources) {
                assertThat(brief).contains(source.get("quote"), "section " + source.get("section"));
            }
            assertThat(brief).contains("仓山区教师进修学校 → 福州市仓山区盘屿中学", "Statistics", "Pairings\t" + pairings,
                    "Top schools by betweenness", topSchool);
            assertThat((Boolean) explorer.page.evaluate("() => document.querySelector('.brief-picture').naturalWidth > 100")).isTrue();
            // Printed, the brief alone: no controls, no side panel.
            explorer.page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
            assertThat(explorer.page.locator("#brief h1").isVisible()).isTrue();
            assertThat(explorer.page.locator("aside.controls").isVisible()).isFalse();
            assertThat(explorer.page.locator("#brief-print").isVisible()).isFalse();
            explorer.page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
            explorer.screenshot("explorer-brief");
            explorer.page.locator("#brief-close").click();
            assertThat(explorer.page.locator("#brief").isVisible()).isFalse();
            explorer.assertNothingWentWrong();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCoverageMapShowsEachCountysShareFiltersOnAClickAndTheFlowsStandBesideIt() {
        List<Map<String, Object>> coverage = graphQl.document("""
                { networkStats { coverage(level: COUNTY) { region { code name } schools pairedSchools } } }""")
                .execute().path("networkStats.coverage").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        List<Map<String, Object>> flows = graphQl.document("{ regionFlows(level: PREFECTURE) { pairings from { name } to { name } } }")
                .execute().path("regionFlows").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(coverage).isNotEmpty();
        assertThat(flows).isNotEmpty();
        try (var explorer = open("?tab=map")) {
            explorer.page.locator("#tile-map .tile").first().waitFor();
            assertThat(explorer.page.locator("#tile-map .tile").count()).isEqualTo(coverage.size());
            for (Map<String, Object> c : coverage) {
                Map<String, String> region = (Map<String, String>) c.get("region");
                int schools = ((Number) c.get("schools")).intValue();
                int paired = ((Number) c.get("pairedSchools")).intValue();
                Locator tile = explorer.page.locator("#tile-map .tile[data-code='" + region.get("code") + "']");
                assertThat(tile.innerText()).contains(region.get("name"), paired + "/" + schools,
                        (schools == 0 ? 0 : Math.round(100.0 * paired / schools)) + "%");
                assertThat(tile.getAttribute("aria-label")).isEqualTo("%s: %d of %d schools in a pairing (%d%%). Filter the network to it."
                        .formatted(region.get("name"), paired, schools, schools == 0 ? 0 : Math.round(100.0 * paired / schools)));
            }
            for (Map<String, Object> f : flows) {
                String title = "%s → %s: %s pairings".formatted(((Map<String, String>) f.get("from")).get("name"),
                        ((Map<String, String>) f.get("to")).get("name"), f.get("pairings"));
                assertThat(explorer.page.locator("#flows-table td[title='" + title + "']").innerText()).isEqualTo(String.valueOf(f.get("pairings")));
            }
            explorer.screenshot("explorer-coverage-map");
            // A county clicked (here from the keyboard) filters the network to it.
            explorer.page.locator("#tile-map .tile[data-code='350104']").focus();
            explorer.page.keyboard().press("Enter");
            idle(explorer);
            assertThat(query(explorer)).containsEntry("regionCode", "350104");
            assertThat(explorer.page.inputValue("#region")).isEqualTo("350104");
            explorer.page.locator("#tile-map .tile.current[data-code='350104']").waitFor();
            explorer.assertNothingWentWrong();
        }
    }

    // ------------------------------------------------------------------ issue 20, item 5: province scale

    @Test
    @SuppressWarnings("unchecked")
    void aNetworkAboveTheThresholdOpensAsItsCountiesAndACountyClickedOrEnteredOpensIntoItsSchools() {
        // Just above the explorer's threshold (REGIONS_ABOVE, 2,000 schools in a pairing): six counties in two prefectures.
        org.edugraph.support.TestNetwork.create(graph, 2_600, 3_000, 20);
        try {
            Number schools = graphQl.document("{ networkStats(filter: {regionCode: \"T-NET\"}) { schools } }").execute()
                    .path("networkStats.schools").entity(Number.class).get();
            assertThat(schools.intValue()).as("schools in a pairing: above the threshold").isGreaterThan(2_000);
            List<Map<String, Object>> flows = graphQl.document("""
                    { regionFlows(level: COUNTY, filter: {regionCode: "T-NET"}) { pairings from { code } to { code } } }""")
                    .execute().path("regionFlows").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
            Map<String, Integer> perCounty = new java.util.TreeMap<>();
            Map<String, Integer> between = new java.util.TreeMap<>();
            for (Map<String, Object> f : flows) {
                String from = ((Map<String, String>) f.get("from")).get("code");
                String to = ((Map<String, String>) f.get("to")).get("code");
                int pairings = ((Number) f.get("pairings")).intValue();
                perCounty.merge(from, pairings, Integer::sum);
                if (!from.equals(to)) {
                    perCounty.merge(to, pairings, Integer::sum);
                    between.put("e:flow:" + from + ">" + to, pairings);
                }
            }
            assertThat(perCounty).hasSize(6);
            assertThat(between).isNotEmpty();

            String link;
            List<String> drawnBefore;
            Map<String, Object> placesBefore;
            Set<String> schoolsOfA1;
            try (var explorer = open("?regionCode=T-NET&network=1")) {
                // Opened as counties: no school drawn, one square per county, its pairings those of regionFlows.
                assertThat(explorer.page.evaluate("() => explorer.cy.nodes('[kind = \"School\"]').length")).isEqualTo(0);
                Map<String, Object> drawn = (Map<String, Object>) explorer.page.evaluate(
                        "() => Object.fromEntries(explorer.cy.nodes('[kind = \"Region\"]').map(n => [n.data('code'), n.data('pairings')]))");
                assertThat(drawn.keySet()).containsExactlyInAnyOrderElementsOf(perCounty.keySet());
                perCounty.forEach((code, pairings) -> {
                    assertThat(((Number) drawn.get(code)).intValue()).as(code).isEqualTo(pairings);
                    assertThat(label(explorer, "region:" + code)).as(code).endsWith(String.format(java.util.Locale.ROOT, "%,d pairings", pairings))
                            // Named as the regions are (the answer gives codes; the names are the lookups')
                            .startsWith("测试县" + code.substring("T-NET-".length()) + "\n");
                });
                Map<String, Object> lines = (Map<String, Object>) explorer.page.evaluate(
                        "() => Object.fromEntries(explorer.cy.edges().map(e => [e.id(), e.data('pairings')]))");
                assertThat(lines).hasSize(between.size());
                between.forEach((id, pairings) -> assertThat(((Number) lines.get(id)).intValue()).as(id).isEqualTo(pairings));
                assertThat(explorer.page.locator("#network-note").innerText())
                        .contains(String.format(java.util.Locale.ROOT, "Drawn as counties: the filter's network has %,d schools, more than 2,000",
                                schools.intValue()));
                // Only counties drawn: the count line names them and their flows, not "0 schools · 0 pairings".
                assertThat(explorer.page.locator("#counts").innerText()).startsWith("6 counties").doesNotContain("schools");
                assertThat(explorer.page.locator("#legend").innerText()).contains("a county standing for its schools (6)");
                explorer.screenshot("explorer-regions");

                // A click on a county's square draws its schools; the other counties stay squares.
                schoolsOfA1 = schoolsLocatedIn("T-NET-A1");
                assertThat(schoolsOfA1).hasSizeGreaterThan(100);
                click(explorer, "region:T-NET-A1");
                idleWith(explorer, schoolsOfA1.iterator().next());
                List<String> ids = nodeIds(explorer);
                assertThat(ids).doesNotContain("region:T-NET-A1").contains("region:T-NET-A2", "region:T-NET-B1")
                        .containsAll(schoolsOfA1);
                assertThat(explorer.page.evaluate("() => explorer.cy.nodes('[kind = \"School\"]').map(n => n.data('countyCode'))"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsOnly("T-NET-A1");
                assertThat(query(explorer)).containsEntry("openRegions", "T-NET-A1");
                // Hundreds of schools at the zoom of the whole picture: their names are drawn once they can be read.
                assertThat(((Number) explorer.page.evaluate("() => explorer.cy.zoom()")).doubleValue()).isLessThan(6.0 / 11);
                String school = schoolsOfA1.iterator().next();
                assertThat(explorer.page.evaluate("id => explorer.cy.getElementById(id).style('label')", school)).isEqualTo("");
                // In braces, returning nothing: cy.zoom returns Cytoscape itself, which Playwright would copy to
                // the test, element by element (9 s for this picture).
                explorer.page.evaluate("() => { explorer.cy.zoom({ level: 1, renderedPosition: { x: 100, y: 100 } }); }");
                assertThat(explorer.page.evaluate("id => explorer.cy.getElementById(id).style('label')", school))
                        .isEqualTo(label(explorer, school)).asString().isNotBlank();
                // A name drawn is styled as a name (the name's style is given only to schools with a name drawn).
                assertThat(explorer.page.evaluate("""
                        id => { const n = explorer.cy.getElementById(id);
                                return ['font-size', 'text-valign', 'text-background-opacity', 'text-wrap'].map(p => n.style(p)).join(' '); }""",
                        school)).isEqualTo("11px bottom 0.75 ellipsis");

                // From the keyboard: Enter on a county's button draws its schools too.
                Locator b1 = explorer.page.locator("#region-nodes button[data-code='T-NET-B1']");
                assertThat(b1.getAttribute("aria-pressed")).isEqualTo("false");
                b1.focus();
                explorer.page.keyboard().press("Enter");
                idle(explorer);
                explorer.waitUntil("explorer.cy.getElementById('region:T-NET-B1').empty() && explorer.busy === 0");
                assertThat(nodeIds(explorer)).containsAll(schoolsLocatedIn("T-NET-B1"));
                assertThat(explorer.page.locator("#region-nodes button[data-code='T-NET-B1']").getAttribute("aria-pressed")).isEqualTo("true");
                assertThat(query(explorer)).containsEntry("openRegions", "T-NET-A1,T-NET-B1");
                explorer.screenshot("explorer-regions-opened");
                link = explorer.page.url();
                drawnBefore = nodeIds(explorer);
                placesBefore = positions(explorer);
                explorer.assertNothingWentWrong();
            }
            try (var explorer = open(link.substring(link.indexOf('?')))) {
                assertThat(nodeIds(explorer)).containsExactlyInAnyOrderElementsOf(drawnBefore);
                // The same picture: opened one by one or from the link, every county and school in the same place.
                assertThat(positions(explorer)).isEqualTo(placesBefore);
                assertThat(nodeIds(explorer)).contains("region:T-NET-A2").doesNotContain("region:T-NET-A1", "region:T-NET-B1")
                        .containsAll(schoolsOfA1);
                // Folding a county back from the keyboard.
                explorer.page.locator("#region-nodes button[data-code='T-NET-B1']").focus();
                explorer.page.keyboard().press("Enter");
                explorer.waitUntil("explorer.cy.getElementById('region:T-NET-B1').nonempty() && explorer.busy === 0");
                assertThat(query(explorer)).containsEntry("openRegions", "T-NET-A1");
                explorer.assertNothingWentWrong();
            }
            // The choice is in the address too: as schools, whatever the size.
            try (var explorer = open("?regionCode=T-NET&network=1&scale=schools")) {
                assertThat(explorer.page.inputValue("#scale")).isEqualTo("schools");
                assertThat(explorer.page.evaluate("() => explorer.cy.nodes('[kind = \"Region\"]').length")).isEqualTo(0);
                assertThat(((Number) explorer.page.evaluate("() => explorer.cy.nodes('[kind = \"School\"]').length")).intValue()).isGreaterThan(100);
                explorer.page.selectOption("#scale", "regions");
                explorer.waitUntil("explorer.cy.nodes('[kind = \"Region\"]').length === 6 && explorer.busy === 0");
                assertThat(query(explorer)).containsEntry("scale", "regions");
                explorer.assertNothingWentWrong();
            }
            // A partner county outside the filter's region, opened: only its pairings with the region, as the filter selects.
            try (var explorer = open("?regionCode=T-NET-A&network=1&scale=regions&openRegions=T-NET-B1")) {
                List<String> ends = (List<String>) explorer.page.evaluate("""
                        () => explorer.cy.edges('[cat = "pairing"]').map(e => [e.source(), e.target()]
                          .map(n => n.data('kind') === 'Region' ? n.data('code') : n.data('countyCode')).join(' '))""");
                assertThat(ends).isNotEmpty().allSatisfy(pair -> assertThat(pair).contains("T-NET-A"));
                assertThat(ends).anySatisfy(pair -> assertThat(pair).contains("T-NET-B1"));
                explorer.assertNothingWentWrong();
            }
        } finally {
            org.edugraph.support.TestNetwork.remove(graph);
        }
    }

    /** The schools located in a county that are in a pairing, as the API says. */
    @SuppressWarnings("unchecked")
    private Set<String> schoolsLocatedIn(String county) {
        List<Map<String, Object>> nodes = graphQl.document("""
                query($code: ID) { partnershipNetwork(filter: {regionCode: $code}) { nodes { id school { region { code } } } } }""")
                .variable("code", county).execute().path("partnershipNetwork.nodes").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        return nodes.stream().filter(n -> n.get("school") != null
                        && county.equals(((Map<String, Map<String, String>>) n.get("school")).get("region").get("code")))
                .map(n -> (String) n.get("id")).collect(Collectors.toSet());
    }

    private static double width(Browser.Session explorer, String id) {
        return ((Number) explorer.page.evaluate("id => explorer.cy.getElementById(id).width()", id)).doubleValue();
    }

    private static double opacity(Browser.Session explorer, String id) {
        return Double.parseDouble(String.valueOf(explorer.page.evaluate("id => explorer.cy.getElementById(id).style('opacity')", id)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNetworkOfManyFlowsDrawsEachCountysHeaviestUntilEveryFlowIsAskedFor() {
        // 64 counties in 8 prefectures: more flows between them than the explorer draws at once (600).
        org.edugraph.support.TestNetwork.create(graph, 2_600, 3_000, 21, org.edugraph.support.TestNetwork.counties(8, 8));
        try {
            List<Map<String, Object>> flows = graphQl.document("""
                    { regionFlows(level: COUNTY, filter: {regionCode: "T-NET"}) { pairings from { code } to { code } } }""")
                    .execute().path("regionFlows").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m)
                    .filter(f -> !code(f, "from").equals(code(f, "to"))).toList();
            assertThat(flows).as("flows between counties").hasSizeGreaterThan(600);
            // Each county's three heaviest flows out and in (ties by the counties' codes), as the explorer's note says.
            java.util.Comparator<Map<String, Object>> heaviestFirst = java.util.Comparator
                    .comparing((Map<String, Object> f) -> -((Number) f.get("pairings")).intValue())
                    .thenComparing(f -> code(f, "from")).thenComparing(f -> code(f, "to"));
            Set<String> expected = new java.util.TreeSet<>();
            for (String end : List.of("from", "to")) {
                flows.stream().collect(java.util.stream.Collectors.groupingBy(f -> code(f, end))).values()
                        .forEach(list -> list.stream().sorted(heaviestFirst).limit(3)
                                .forEach(f -> expected.add("e:flow:" + code(f, "from") + ">" + code(f, "to"))));
            }
            try (var explorer = open("?regionCode=T-NET&network=1")) {
                assertThat(new java.util.TreeSet<>(edgeIds(explorer))).isEqualTo(expected);
                assertThat(explorer.page.locator("#network-note").innerText()).contains(String.format(java.util.Locale.ROOT,
                        "%,d of the %,d flows between the counties drawn: each county's 3 heaviest out and in", expected.size(), flows.size()));
                assertThat(explorer.page.locator("#counts").innerText()).contains(expected.size() + " flows between them");
                // Every flow, from the control: in the picture and in the address.
                explorer.page.getByLabel("Every flow between counties").check();
                explorer.waitUntil("explorer.cy.edges().length === " + flows.size() + " && explorer.busy === 0");
                assertThat(query(explorer)).containsEntry("allFlows", "1");
                assertThat(explorer.page.locator("#network-note").innerText()).doesNotContain("heaviest");
                explorer.assertNothingWentWrong();
            }
            try (var explorer = open("?regionCode=T-NET&network=1&allFlows=1")) {
                assertThat(explorer.page.isChecked("#all-flows")).isTrue();
                assertThat(edgeIds(explorer)).hasSize(flows.size());
            }
        } finally {
            org.edugraph.support.TestNetwork.remove(graph);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLargePictureMovesAndZoomsAsDrawnAndIsDrawnAgainWhereTheDragOrTheWheelEnds() {
        // More than 2,000 elements: above that, a drag off the nodes moves the picture already drawn (panning.js).
        org.edugraph.support.TestNetwork.create(graph, 1_100, 1_300, 23, org.edugraph.support.TestNetwork.counties(2, 2));
        try (var explorer = open("?regionCode=T-NET&network=1&scale=schools")) {
            assertThat(((Number) explorer.page.evaluate("() => explorer.cy.elements().length")).intValue()).isGreaterThan(2000);
            var box = explorer.page.locator("#cy").boundingBox();
            double x = box.x + 6;
            double y = box.y + 6;
            assertThat(explorer.page.evaluate("([x, y]) => { const r = explorer.cy.renderer(); const at = r.projectIntoViewport(x, y);"
                    + " const hit = r.findNearestElement(at[0], at[1], true, false); return hit ? hit.id() : 'background'; }",
                    List.of(x, y))).isEqualTo("background");
            Map<String, Number> before = (Map<String, Number>) explorer.page.evaluate("() => explorer.cy.pan()");
            var mouse = explorer.page.mouse();
            mouse.move(x, y);
            mouse.down();
            mouse.move(x + 60, y + 30, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(6));
            // Held: the picture has moved with the mouse; Cytoscape has not drawn it again.
            assertThat(explorer.page.evaluate("() => explorer.cy.container().firstElementChild.style.transform"))
                    .isEqualTo("translate(60px, 30px)");
            assertThat((Map<String, Number>) explorer.page.evaluate("() => explorer.cy.pan()")).isEqualTo(before);
            mouse.up();
            explorer.waitUntil("explorer.panning.drags === 1 && explorer.panning.lastRedrawMs !== null");
            // Let go: drawn again where the drag ended, the moved picture gone.
            Map<String, Number> after = (Map<String, Number>) explorer.page.evaluate("() => explorer.cy.pan()");
            assertThat(after.get("x").doubleValue()).isCloseTo(before.get("x").doubleValue() + 60, org.assertj.core.api.Assertions.within(0.01));
            assertThat(after.get("y").doubleValue()).isCloseTo(before.get("y").doubleValue() + 30, org.assertj.core.api.Assertions.within(0.01));
            assertThat(explorer.page.evaluate("() => explorer.cy.container().firstElementChild.style.transform")).isEqualTo("");

            // The wheel scales the picture as drawn about the mouse (2^(pixels/500)), then draws it again so.
            double cx = box.x + box.width / 2;
            double cy = box.y + box.height / 2;
            String under = "([x, y]) => { const b = explorer.cy.container().getBoundingClientRect(); const z = explorer.cy.zoom();"
                    + " const pan = explorer.cy.pan(); return { x: (x - b.left - pan.x) / z, y: (y - b.top - pan.y) / z, zoom: z }; }";
            Map<String, Number> point = (Map<String, Number>) explorer.page.evaluate(under, List.of(cx, cy));
            explorer.page.evaluate("() => { window.__transforms = []; window.__wheeled = 0; const layer = explorer.cy.container().firstElementChild;"
                    + " new MutationObserver(() => window.__transforms.push(layer.style.transform)).observe(layer, { attributes: true });"
                    + " window.addEventListener('wheel', e => { window.__wheeled += e.deltaY; }, { capture: true }); }");
            mouse.move(cx, cy);
            mouse.wheel(0, -250);
            explorer.waitUntil("explorer.panning.zooms === 1 && explorer.cy.container().firstElementChild.style.transform === ''");
            assertThat((List<String>) explorer.page.evaluate("() => window.__transforms")).anyMatch(t -> t.contains("scale(1."));
            // Chromium may hand the wheel over in several events: the zoom is 2^(their pixels / 500).
            double wheeled = ((Number) explorer.page.evaluate("() => window.__wheeled")).doubleValue();
            assertThat(wheeled).isLessThanOrEqualTo(-250);
            Map<String, Number> zoomed = (Map<String, Number>) explorer.page.evaluate(under, List.of(cx, cy));
            assertThat(zoomed.get("zoom").doubleValue()).isCloseTo(point.get("zoom").doubleValue() * Math.pow(2, -wheeled / 500),
                    org.assertj.core.api.Assertions.within(1e-6));
            // The point under the mouse stays under it (to a pixel: the mouse's events are at whole pixels).
            double pixel = 1 / zoomed.get("zoom").doubleValue();
            assertThat(zoomed.get("x").doubleValue()).isCloseTo(point.get("x").doubleValue(), org.assertj.core.api.Assertions.within(pixel));
            assertThat(zoomed.get("y").doubleValue()).isCloseTo(point.get("y").doubleValue(), org.assertj.core.api.Assertions.within(pixel));

            // At the most zoom the wheel changes nothing: the picture is not drawn again, and can be dragged at once.
            explorer.page.evaluate("() => { explorer.cy.zoom({ level: explorer.cy.maxZoom(), renderedPosition: { x: 100, y: 100 } }); }");
            Map<String, Number> atMost = (Map<String, Number>) explorer.page.evaluate("() => explorer.cy.pan()");
            Object redraws = explorer.page.evaluate("() => explorer.panning.redraws");
            mouse.wheel(0, -250);
            explorer.waitUntil("explorer.panning.zooms === 2 && explorer.cy.container().firstElementChild.style.transform === ''");
            assertThat((Map<String, Number>) explorer.page.evaluate("() => explorer.cy.pan()")).isEqualTo(atMost);
            assertThat(explorer.page.evaluate("() => explorer.panning.redraws")).as("not drawn again for nothing").isEqualTo(redraws);
            mouse.move(x, y);
            mouse.down();
            mouse.move(x + 20, y + 20, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
            mouse.up();
            explorer.waitUntil("explorer.panning.drags === 2");
            explorer.page.evaluate("() => { explorer.cy.fit(); }");

            // A node is still Cytoscape's: a click selects it.
            // In a fitted picture of 2,400 elements a school may lie under another: the first one a click reaches.
            String school = firstClickable(explorer, "explorer.cy.nodes('[kind = \"School\"]')", "renderedPosition");
            click(explorer, school);
            explorer.waitUntil("explorer.view.selected === '" + school + "'");
            assertThat(query(explorer)).containsEntry("selected", school);
            // A click on a line (no move) selects its pairing; on the background, nothing.
            String line = firstClickable(explorer, "explorer.cy.edges()", "renderedMidpoint");
            clickEdge(explorer, line);
            explorer.waitUntil("explorer.view.selected === '" + line + "'");
            explorer.page.locator("#details").getByText("Mentor").first().waitFor();
            mouse.click(x, y);
            explorer.waitUntil("explorer.view.selected === ''");
            assertThat(query(explorer)).doesNotContainKey("selected");
            assertThat(explorer.page.evaluate("() => explorer.panning.drags")).isEqualTo(2);

            // Near enough to read the names, a press on a school's name grabs the school (as Cytoscape
            // does), not the picture: the school moves with the mouse, the picture stays.
            Map<String, Object> name = (Map<String, Object>) explorer.page.evaluate("""
                    async () => { const cy = explorer.cy; const r = cy.renderer(); const box = cy.container().getBoundingClientRect();
                      cy.zoom(1);
                      for (const n of cy.nodes('[kind = "School"]').slice(0, 40)) {
                        cy.center(n); // the boxes and Cytoscape's search need no frame drawn
                        const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
                        const body = n.renderedBoundingBox({ includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false });
                        const x = (b.x1 + b.x2) / 2, y = (b.y1 + b.y2) / 2;
                        const at = r.projectIntoViewport(box.left + x, box.top + y);
                        const hit = r.findNearestElement(at[0], at[1], true, false);
                        if (b.w > 0 && y > body.y2 + 2 && hit && hit.id() === n.id()) {
                          await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
                          return { id: n.id(), x: box.left + x, y: box.top + y, named: n.hasClass('named'), pan: { ...cy.pan() }, at: { ...n.position() } };
                        }
                      }
                      return null; }""");
            assertThat(name).as("a school whose name is drawn below it, with nothing else there").isNotNull();
            assertThat(name.get("named")).isEqualTo(true);
            mouse.move(((Number) name.get("x")).doubleValue(), ((Number) name.get("y")).doubleValue());
            mouse.down();
            mouse.move(((Number) name.get("x")).doubleValue() + 40, ((Number) name.get("y")).doubleValue() + 25,
                    new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
            mouse.up();
            Map<String, Object> moved = (Map<String, Object>) explorer.page.evaluate(
                    "id => ({ at: explorer.cy.getElementById(id).position(), pan: explorer.cy.pan(), drags: explorer.panning.drags })", name.get("id"));
            Map<String, Number> from = (Map<String, Number>) name.get("at");
            Map<String, Number> to = (Map<String, Number>) moved.get("at");
            assertThat(to.get("x").doubleValue()).isCloseTo(from.get("x").doubleValue() + 40, org.assertj.core.api.Assertions.within(1.0));
            assertThat(to.get("y").doubleValue()).isCloseTo(from.get("y").doubleValue() + 25, org.assertj.core.api.Assertions.within(1.0));
            assertThat(moved.get("pan")).isEqualTo(name.get("pan"));
            assertThat(moved.get("drags")).isEqualTo(2);
            explorer.page.evaluate("() => { explorer.cy.fit(); }");

            // Wheeled past the most zoom: held at it, the point under the mouse still under it (one task: no timer in between).
            Map<String, Number> held = (Map<String, Number>) explorer.page.evaluate("""
                    async ([x, y]) => { const cy = explorer.cy; const b = cy.container().getBoundingClientRect();
                      cy.zoom({ level: cy.maxZoom() / 1.3, renderedPosition: { x: x - b.left, y: y - b.top } });
                      const under = () => { const z = cy.zoom(), pan = cy.pan(); return { x: (x - b.left - pan.x) / z, y: (y - b.top - pan.y) / z }; };
                      const before = under();
                      for (let i = 0; i < 7; i++) {
                        cy.container().querySelector('canvas').dispatchEvent(new WheelEvent('wheel', { deltaY: -100, clientX: x, clientY: y, bubbles: true, cancelable: true }));
                      }
                      const zooms = explorer.panning.zooms;
                      await new Promise(resolve => { const wait = () => explorer.panning.zooms > zooms ? resolve() : setTimeout(wait, 20); wait(); });
                      await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
                      const after = under();
                      return { zoom: cy.zoom(), most: cy.maxZoom(), dx: after.x - before.x, dy: after.y - before.y,
                        transform: cy.container().firstElementChild.style.transform.length }; }""", List.of(cx, cy));
            assertThat(held.get("zoom").doubleValue()).isEqualTo(held.get("most").doubleValue());
            // To a pixel: a wheel event's clientX and clientY are whole pixels.
            assertThat(Math.hypot(held.get("dx").doubleValue(), held.get("dy").doubleValue())).isLessThan(1 / held.get("zoom").doubleValue());
            assertThat(held.get("transform").intValue()).isZero();
            // Fit while the wheel's zoom is on its way: Fit wins, the zoom is not put back when the wheel stops.
            Map<String, Number> fitted = (Map<String, Number>) explorer.page.evaluate("""
                    async ([x, y]) => { const cy = explorer.cy; const zooms = explorer.panning.zooms;
                      cy.container().querySelector('canvas').dispatchEvent(new WheelEvent('wheel', { deltaY: 300, clientX: x, clientY: y, bubbles: true, cancelable: true }));
                      document.getElementById('fit').click();
                      const fit = cy.zoom();
                      await new Promise(resolve => setTimeout(resolve, 600));
                      await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
                      return { fit, zoom: cy.zoom(), transform: cy.container().firstElementChild.style.transform.length, zooms: explorer.panning.zooms - zooms }; }""",
                    List.of(cx, cy));
            assertThat(fitted.get("zoom").doubleValue()).isEqualTo(fitted.get("fit").doubleValue());
            assertThat(fitted.get("transform").intValue()).isZero();
            assertThat(fitted.get("zooms").intValue()).as("the wheel's zoom ended by Fit, not given").isZero();
            // A press on the background takes the focus from a field, as on a small picture: typing goes to the page.
            explorer.page.focus("#search");
            mouse.click(x, y);
            assertThat(explorer.page.evaluate("() => document.activeElement.id")).isNotEqualTo("search");
            explorer.assertNothingWentWrong();
        } finally {
            org.edugraph.support.TestNetwork.remove(graph);
        }
    }

    @SuppressWarnings("unchecked")
    private static String code(Map<String, Object> flow, String end) {
        return ((Map<String, String>) flow.get(end)).get("code");
    }

    @SuppressWarnings("unchecked")
    private static List<String> edgeIds(Browser.Session explorer) {
        return (List<String>) explorer.page.evaluate("() => explorer.cy.edges().map(e => e.id())");
    }

    /** Where each node is drawn, to a hundredth of a pixel. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> positions(Browser.Session explorer) {
        return (Map<String, Object>) explorer.page.evaluate("""
                () => Object.fromEntries(explorer.cy.nodes().map(n => [n.id(),
                  [Math.round(n.position('x') * 100) / 100, Math.round(n.position('y') * 100) / 100]]))""");
    }

    private Browser.Session open(String query) {
        Browser.Session session = browser.open("http://127.0.0.1:" + port + "/explorer" + query);
        session.waitUntil("window.explorer && explorer.ready && explorer.busy === 0");
        return session;
    }

    private static void idle(Browser.Session explorer) {
        explorer.waitUntil("explorer.busy === 0");
    }

    private static void idleWith(Browser.Session explorer, String nodeId) {
        explorer.waitUntil("explorer.busy === 0 && explorer.cy.getElementById('" + nodeId + "').nonempty()");
    }

    /** Types into a school search box and picks the result with that name, with the mouse. */
    private static void pick(Browser.Session explorer, String input, String text, String name) {
        explorer.page.locator(input).fill(text);
        explorer.page.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText(name)).first().click();
        idle(explorer);
    }

    /** Clicks where the element is drawn, as a person would. */
    private static void click(Browser.Session explorer, String id) {
        clickAt(explorer, "explorer.cy.getElementById(id).renderedPosition()", id);
    }

    /** Clicks the middle of the name drawn below a node, off its body. */
    private static void clickName(Browser.Session explorer, String id) {
        clickAt(explorer, "(() => { const n = explorer.cy.getElementById(id);"
                + " const name = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });"
                + " const body = n.renderedBoundingBox({ includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false });"
                + " if (name.w === 0 || name.y2 < body.y2 + 6) throw new Error('no name drawn below ' + id);"
                + " return { x: (name.x1 + name.x2) / 2, y: Math.max((name.y1 + name.y2) / 2, body.y2 + 4) }; })()", id);
    }

    /**
     * The id of the first of {@code elements} (a Cytoscape collection, as script) that a click at
     * its middle ({@code middle}: renderedPosition or renderedMidpoint) reaches; the search stops
     * there (each hit test looks at every element).
     */
    private static String firstClickable(Browser.Session explorer, String elements, String middle) {
        return (String) explorer.page.evaluate("""
                () => { const r = explorer.cy.renderer(); const box = explorer.cy.container().getBoundingClientRect();
                  const all = %s;
                  for (let i = 0; i < all.length; i++) { const el = all[i]; const m = el.%s(); const at = r.projectIntoViewport(box.left + m.x, box.top + m.y);
                    const hit = r.findNearestElement(at[0], at[1], true, false); if (hit && hit.id() === el.id()) return el.id(); }
                  throw new Error('none of ' + all.length + ' elements can be clicked at its middle'); }""".formatted(elements, middle));
    }

    private static void clickEdge(Browser.Session explorer, String id) {
        clickAt(explorer, "explorer.cy.getElementById(id).renderedMidpoint()", id);
    }

    private static void clickAt(Browser.Session explorer, String position, String id) {
        Object at = explorer.page.evaluate("id => { const p = " + position + "; const box = explorer.cy.container().getBoundingClientRect();"
                + " return [box.left + p.x, box.top + p.y]; }", id);
        List<?> xy = (List<?>) at;
        explorer.page.mouse().click(((Number) xy.get(0)).doubleValue(), ((Number) xy.get(1)).doubleValue());
    }

    private static List<String> nodeIds(Browser.Session explorer) {
        return ((List<?>) explorer.page.evaluate("() => explorer.cy.nodes().map(n => n.id())")).stream().map(String::valueOf).toList();
    }

    private static String label(Browser.Session explorer, String id) {
        return (String) explorer.page.evaluate("id => explorer.cy.getElementById(id).data('label')", id);
    }

    private static String kind(Browser.Session explorer, String id) {
        return (String) explorer.page.evaluate("id => explorer.cy.getElementById(id).data('kind')", id);
    }

    private static List<String> edgeKinds(Browser.Session explorer, String source, String target) {
        return ((List<?>) explorer.page.evaluate("([s, t]) => explorer.cy.edges().filter(e => e.source().id() === s"
                + " && e.target().id() === t).map(e => e.data('kind'))", List.of(source, target))).stream().map(String::valueOf).toList();
    }

    /** What a person sees of a view: the elements drawn, the path, the selection, the controls. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> picture(Browser.Session explorer) {
        Map<String, Object> picture = new LinkedHashMap<>((Map<String, Object>) explorer.page.evaluate("""
                () => ({
                  elements: explorer.cy.elements().map(e => e.id()).sort(),
                  path: explorer.cy.elements('.path').map(e => e.id()).sort(),
                  selected: explorer.cy.elements(':selected').map(e => e.id()),
                  depth: document.getElementById('depth').value,
                  region: document.getElementById('region').value,
                  groups: document.getElementById('show-groups').checked,
                  programs: document.getElementById('show-programs').checked,
                  from: document.getElementById('path-from').value,
                  to: document.getElementById('path-to').value,
                })"""));
        picture.put("details", explorer.page.locator("#details h2").innerText());
        return picture;
    }

    private static Map<String, String> query(Browser.Session explorer) {
        return parameters(URI.create(explorer.page.url()).getRawQuery());
    }

    private static Map<String, String> parameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(rawQuery.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
                (a, b) -> b, LinkedHashMap::new));
    }
}
