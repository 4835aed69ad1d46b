package org.edugraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edugraph.seed.NetworkGenerator;
import org.edugraph.support.Browser;
import org.edugraph.support.BrowserTest;
import org.edugraph.support.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Times the explorer in headless Chromium (issue 20) on a generated network of 20,000
 * schools and 40,000 pairings (100 counties in 10 prefectures): the time from navigation
 * to a county's network drawn by the explorer (its layout included), and for the whole
 * network, the time to fetch it, add it to Cytoscape and draw its first frame, then the
 * frames per second while panning it, with Cytoscape's canvas renderer and with its WebGL
 * renderer; then the whole network as the explorer opens it (more than 2,000 schools: its
 * counties), panned, and one county opened into its schools; the raw whole network again
 * under software WebGL (SwiftShader), with both renderers (only with
 * {@code -Dbench.swiftshader=true}: they take minutes); the county and the counties'
 * views under software WebGL with both renderers. {@code -Dbench.only=county} times
 * the county alone ({@code -Dbench.county-rounds=N} rounds of it, 3 unless given). Not part of `mvn test`; run with
 * `./mvnw test -Pbench -Dtest=ExplorerBenchmark -Dedugraph.test.require-browser=true`.
 * Prints its figures; asserts only that what was drawn is the network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBenchmark extends BrowserTest {

    private static final int SCHOOLS = Integer.getInteger("bench.schools", 20_000);
    private static final int PAIRINGS = Integer.getInteger("bench.pairings", 40_000);

    /** County rounds left out of the median: while they run, the server is still compiling the code they use. */
    private static final int WARMING_ROUNDS = 5;

    private NetworkGenerator.Network network;

    @BeforeAll
    void generate() {
        network = TestNetwork.create(graph, SCHOOLS, PAIRINGS, 2022, TestNetwork.counties(10, 10));
    }

    @AfterAll
    void remove() {
        TestNetwork.remove(graph);
    }

    @Test
    @SuppressWarnings("unchecked")
    void timeToFirstDrawAndPanningFramesPerSecond() {
        int rounds = Integer.getInteger("bench.county-rounds", 3);
        List<Double> firstFrames = new java.util.ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            try (var explorer = browser.open("http://127.0.0.1:" + port + "/explorer?regionCode=T-NET-A1&network=1")) {
                explorer.waitUntil("window.explorer && explorer.ready && explorer.busy === 0");
                // The first frame with the picture (timings.drawn), and when the statistics, the map and the
                // time slider were in too (asked for once the picture is on the screen).
                Map<String, Object> drawn = (Map<String, Object>) explorer.page.evaluate(
                        "() => ({ ms: explorer.timings.drawn, ready: performance.now(), nodes: explorer.cy.nodes().length, edges: explorer.cy.edges().length })");
                System.out.printf("BENCHMARK explorer: county network (%s schools, %s pairings) drawn %.0f ms after navigation,"
                        + " everything in at %.0f ms (round %d)%n",
                        drawn.get("nodes"), drawn.get("edges"), num(drawn, "ms"), num(drawn, "ready"), round + 1);
                firstFrames.add(num(drawn, "ms"));
                System.out.printf("BENCHMARK explorer: county network, phases (ms since navigation; layoutMs its length): %s%n",
                        explorer.page.evaluate("() => JSON.stringify(explorer.timings)"));
                System.out.printf("BENCHMARK explorer: county network, requests (asked/sent/first byte-end ms, kB): %s%n", explorer.page.evaluate(REQUESTS));
                explorer.assertNothingWentWrong();
            }
        }
        if (rounds > WARMING_ROUNDS) {
            // The first rounds also time the server compiling its code (the JIT): a service that has run for a while answers faster.
            List<Double> warm = firstFrames.subList(WARMING_ROUNDS, rounds).stream().sorted().toList();
            System.out.printf("BENCHMARK explorer: county network first frame, rounds %d-%d: median %.0f ms, fastest %.0f, slowest %.0f%n",
                    WARMING_ROUNDS + 1, rounds, warm.size() % 2 == 1 ? warm.get(warm.size() / 2)
                            : (warm.get(warm.size() / 2 - 1) + warm.get(warm.size() / 2)) / 2, warm.get(0), warm.get(warm.size() - 1));
        }
        if ("county".equals(System.getProperty("bench.only"))) {
            return;
        }
        // The whole network as the explorer opens it: more than 2,000 schools, so its counties (regionFlows).
        for (int round = 0; round < 2; round++) {
            try (var explorer = browser.open("http://127.0.0.1:" + port + "/explorer?regionCode=T-NET&network=1")) {
                explorer.waitUntil("window.explorer && explorer.timings.drawn && explorer.busy === 0");
                Map<String, Object> drawn = (Map<String, Object>) explorer.page.evaluate(
                        "() => ({ ms: explorer.timings.drawn, nodes: explorer.cy.nodes().length, edges: explorer.cy.edges().length })");
                System.out.printf("BENCHMARK explorer: the whole network as counties (%s counties, %s flows) drawn %.0f ms after navigation"
                        + " (round %d); phases %s; panning %.1f frames per second (cy.panBy), %.1f dragged with the mouse%n",
                        drawn.get("nodes"), drawn.get("edges"), num(drawn, "ms"), round + 1,
                        explorer.page.evaluate("() => JSON.stringify(explorer.timings)"),
                        num((Map<String, Object>) explorer.page.evaluate(PAN), "fps"), num(drag(explorer), "fps"));
                System.out.printf("BENCHMARK explorer: the whole network as counties, requests (asked/sent/first byte-end ms, kB): %s%n",
                        explorer.page.evaluate(REQUESTS));
                assertThat(explorer.page.evaluate("() => explorer.cy.nodes('[kind = \"School\"]').length")).isEqualTo(0);
                // One county opened into its schools, the others staying counties.
                explorer.page.evaluate("() => { window.__t = performance.now(); document.querySelector(\"#region-nodes button[data-code='T-NET-A1']\").click(); }");
                explorer.waitUntil("explorer.cy.getElementById('region:T-NET-A1').empty() && explorer.busy === 0");
                System.out.printf("BENCHMARK explorer: one county opened into its schools (%s nodes now) in %.0f ms%n",
                        explorer.page.evaluate("() => explorer.cy.nodes().length"),
                        ((Number) explorer.page.evaluate("() => performance.now() - window.__t")).doubleValue());
                explorer.assertNothingWentWrong();
            }
        }
        wholeNetworkDrawn(browser, "canvas", false);
        // Software WebGL: SwiftShader through ANGLE, instead of --disable-gpu (under which the WebGL run made no progress).
        try (Browser swiftshader = Browser.start(List.of("--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"))) {
            webglRounds(swiftshader);
            if (!Boolean.getBoolean("bench.swiftshader")) {
                return; // the whole network school by school under software WebGL takes minutes (or never finishes): -Dbench.swiftshader=true
            }
            wholeNetworkDrawn(swiftshader, "canvas", true);
            wholeNetworkDrawn(swiftshader, "webgl", true);
        }
    }

    @SuppressWarnings("unchecked")
    private void wholeNetworkDrawn(Browser chromium, String renderer, boolean swiftshader) {
        try (var explorer = chromium.open("http://127.0.0.1:" + port + "/explorer" + ("webgl".equals(renderer) ? "?webgl=1" : ""))) {
            explorer.waitUntil("window.explorer && explorer.ready && explorer.busy === 0");
            Map<String, Object> figures = new java.util.HashMap<>((Map<String, Object>) explorer.page.evaluate(SCRIPT));
            // Dragged first (the picture's first motion: drawn again in full where it ends), then panned by
            // cy.panBy (every frame drawn in full), then dragged again (Cytoscape has had time to keep its layers).
            Map<String, Object> dragged = drag(explorer);
            figures.putAll((Map<String, Object>) explorer.page.evaluate(PAN));
            Map<String, Object> again = drag(explorer);
            System.out.printf("BENCHMARK explorer, %s renderer, %s (webgl in use: %s, %s): whole network %s schools, %s pairings:"
                    + " fetched in %.0f ms, added and first frame drawn in %.0f ms; panning %.1f frames per second over %s frames"
                    + " (cy.panBy); dragged with the mouse %.1f frames per second over %s frames, drawn again where the drag ended in %s ms"
                    + " (first motion); dragged again %.1f frames per second, drawn again in %s ms%n",
                    renderer, swiftshader ? "--use-angle=swiftshader" : "--disable-gpu", figures.get("webgl"), figures.get("gl"),
                    figures.get("nodes"), figures.get("edges"), num(figures, "fetch"), num(figures, "draw"),
                    num(figures, "fps"), figures.get("frames"), num(dragged, "fps"), dragged.get("frames"), dragged.get("redraw"),
                    num(again, "fps"), again.get("redraw"));
            assertThat(((Number) figures.get("edges")).intValue()).isEqualTo(network.pairings().size());
            explorer.screenshot("explorer-20k-" + renderer + (swiftshader ? "-swiftshader" : ""));
        }
    }

    /**
     * The views the explorer opens (a county's schools, the whole network as counties) under
     * software WebGL (SwiftShader through ANGLE), with the canvas renderer and with
     * Cytoscape's WebGL renderer ({@code ?webgl=1}): time to the first frame and frames per
     * second panning (cy.panBy). Both renderers draw through the same emulated GPU here.
     */
    @SuppressWarnings("unchecked")
    private void webglRounds(Browser swiftshader) {
        for (String view : List.of("regionCode=T-NET-A1&network=1", "regionCode=T-NET&network=1")) {
            for (String renderer : List.of("canvas", "webgl")) {
                try (var explorer = swiftshader.open("http://127.0.0.1:" + port + "/explorer?" + view + ("webgl".equals(renderer) ? "&webgl=1" : ""))) {
                    explorer.waitUntil("window.explorer && explorer.timings.drawn && explorer.busy === 0");
                    Map<String, Object> drawn = (Map<String, Object>) explorer.page.evaluate(
                            "() => ({ ms: explorer.timings.drawn, elements: explorer.cy.elements().length, webgl: !!explorer.cy.renderer().webgl })");
                    System.out.printf("BENCHMARK explorer under --use-angle=swiftshader, %s renderer (webgl in use: %s): %s, %s elements,"
                            + " first frame %.0f ms after navigation; panning %.1f frames per second (cy.panBy)%n", renderer,
                            drawn.get("webgl"), view, drawn.get("elements"), num(drawn, "ms"),
                            num((Map<String, Object>) explorer.page.evaluate(PAN), "fps"));
                    explorer.assertNothingWentWrong();
                }
            }
        }
    }

    /**
     * Pans as a user does, dragging the background with the mouse for 5 s (Chromium's own
     * input events, through Playwright), while the page counts its animation frames: the
     * frames per second the page showed, and the frames. Above 2,000 elements the explorer
     * moves the picture already drawn while the mouse is held (panning.js) and draws it again
     * where the drag ends: the time of that drawing too ("redraw").
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> drag(Browser.Session explorer) {
        // From the picture's corner, where no node is (the fit leaves a margin): a drag that starts on a node moves the node.
        var box = explorer.page.locator("#cy").boundingBox();
        double x = box.x + 6;
        double y = box.y + 6;
        assertThat(explorer.page.evaluate("([x, y]) => { const r = explorer.cy.renderer(); const at = r.projectIntoViewport(x, y);"
                + " const hit = r.findNearestElement(at[0], at[1], true, false); return hit ? hit.group() : 'background'; }",
                List.of(x, y))).isNotEqualTo("nodes");
        explorer.page.evaluate("""
                () => { window.__frames = 0; window.__dragging = true; window.__t0 = performance.now();
                  const tick = () => { window.__frames++; if (window.__dragging) requestAnimationFrame(tick); };
                  requestAnimationFrame(tick); }""");
        var mouse = explorer.page.mouse();
        mouse.move(x, y);
        mouse.down();
        long end = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
            mouse.move(x + 80 + 80 * Math.sin(i / 12.0), y + 40 + 40 * Math.cos(i / 9.0));
        }
        Map<String, Object> figures = new java.util.HashMap<>((Map<String, Object>) explorer.page.evaluate("""
                () => { window.__dragging = false; window.__drags = explorer.panning.drags;
                  return { fps: window.__frames / ((performance.now() - window.__t0) / 1000), frames: window.__frames }; }"""));
        mouse.up();
        // Above 2,000 elements the picture is drawn again once, where the drag ended (panning.js): how long that took.
        if (((Number) explorer.page.evaluate("() => explorer.cy.elements().length")).intValue() > 2000) {
            explorer.waitUntil("explorer.panning.drags > window.__drags && explorer.panning.lastRedrawMs !== null");
            figures.put("redraw", explorer.page.evaluate("() => explorer.panning.lastRedrawMs"));
        }
        return figures;
    }

    /** Pans what is drawn frame by frame for 5 s with cy.panBy (each frame drawn in full): the frames per second, and the frames. */
    private static final String PAN = """
            async () => {
              const cy = explorer.cy;
              let frames = 0;
              const start = performance.now();
              await new Promise(resolve => {
                const step = () => {
                  cy.panBy({ x: frames % 120 < 60 ? 4 : -4, y: 2 * Math.sin(frames / 10) });
                  frames++;
                  if (performance.now() - start < 5000) requestAnimationFrame(step); else resolve();
                };
                requestAnimationFrame(step);
              });
              return { fps: frames / ((performance.now() - start) / 1000), frames };
            }""";

    /** Every request of the page: its path, when it was asked for, sent and its first byte and last came (ms since navigation), and its size. */
    private static final String REQUESTS = """
            () => performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
              .map(e => `${e.name.replace(/^https?:\\/\\/[^/]+/, '')} ${Math.round(e.startTime)}/${Math.round(e.requestStart)}/${Math.round(e.responseStart)}-${Math.round(e.responseEnd)} ${Math.round(e.transferSize / 1024)}`)
              .join('; ')""";

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** Fetches the whole generated network and draws it at seeded places (no layout); {@link #PAN} then pans it. */
    private static final String SCRIPT = """
            async () => {
              const t0 = performance.now();
              const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ query: '{ partnershipNetwork(filter: {regionCode: "T-NET"}, limit: 50000) { nodes { id } edges { id source target } } }' }) });
              const data = (await response.json()).data.partnershipNetwork;
              const t1 = performance.now();
              const cy = explorer.cy;
              const side = Math.ceil(Math.sqrt(data.nodes.length));
              let seed = 7;
              const random = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
              const elements = data.nodes.map((n, i) => ({ group: 'nodes', data: { id: n.id, kind: 'School', label: '', size: 8, colour: '#4e79a7' },
                  position: { x: (i % side) * 30 + random() * 20, y: Math.floor(i / side) * 30 + random() * 20 } }))
                .concat(data.edges.map(e => ({ group: 'edges', data: { id: 'e:' + e.id, source: e.source, target: e.target, cat: 'pairing', colour: '#888' } })));
              const drawn = new Promise(resolve => cy.one('render', resolve));
              cy.add(elements);
              cy.fit(undefined, 10);
              await drawn;
              await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
              const t2 = performance.now();
              const r = cy.renderer();
              const probe = document.createElement('canvas').getContext('webgl2');
              const info = probe && probe.getExtension('WEBGL_debug_renderer_info');
              return { fetch: t1 - t0, draw: t2 - t1, nodes: cy.nodes().length, edges: cy.edges().length,
                webgl: !!(r && r.webgl), gl: probe ? (info ? probe.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'webgl2') : 'no webgl2' };
            }""";
}
