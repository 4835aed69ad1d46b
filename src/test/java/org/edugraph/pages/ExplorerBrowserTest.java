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
