package org.edugraph.seed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.edugraph.EduGraphProperties;
import org.edugraph.neo4j.Graph;
import org.edugraph.neo4j.StartupWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, loads a generated network beside the seeds, over the
 * real counties the seeds define (金门县 left out: no school there is administered from
 * the mainland), so that there is something worth exploring. Deterministic, marked
 * synthetic throughout, never touching a seed fact; loaded once per specification.
 */
@Component
@Profile("demo")
class DemoNetwork {

    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);
    static final String DATASET = "demo";

    private final StartupWork startup;
    private final EduGraphProperties properties;
    private final Clock clock;

    DemoNetwork(StartupWork startup, EduGraphProperties properties, Clock clock) {
        this.startup = startup;
        this.properties = properties;
        this.clock = clock;
    }

    /** The last step of start-up ({@link StartupSteps}), after the seeds, whose counties it is spread over. */
    void load() {
        // A failed attempt is tried again from the start: writing the network removes what an earlier one left.
        startup.run("loading the demo network", () -> load(startup.graph(), properties, clock));
    }

    private static void load(Graph graph, EduGraphProperties properties, Clock clock) {
        var demo = properties.demo();
        List<NetworkGenerator.County> counties = graph.read("""
                MATCH (c:Region {level: 'COUNTY'})-[:PART_OF*]->(:Region {code: '350000'})
                WHERE coalesce(c.official, true) AND c.code <> '350527'
                  // The counties of the seeds (regions.yaml), not every county of Fujian the gazetteer has.
                  AND c.seed IS NOT NULL
                RETURN c.code AS code, c.name AS name, [(c)-[:PART_OF]->(p) | p.code][0] AS parent ORDER BY c.code""", Map.of())
                .stream().map(r -> new NetworkGenerator.County(r.get("code").asString(), r.get("name").asString(),
                        r.get("parent").asString())).toList();
        if (counties.isEmpty()) {
            throw new IllegalStateException("The demo network needs the counties of the seeds (regions.yaml); none is loaded");
        }
        var spec = new NetworkGenerator.Spec(DATASET, "demo-", demo.schools(), demo.pairings(), demo.seed(), counties,
                LocalDate.now(clock));
        GeneratedNetworkWriter writer = new GeneratedNetworkWriter(graph);
        if (writer.isLoaded(spec)) {
            log.info("Demo network ({} schools, {} pairings, seed {}) already loaded", demo.schools(), demo.pairings(), demo.seed());
            return;
        }
        long started = System.nanoTime();
        var network = NetworkGenerator.generate(spec);
        writer.write(network);
        log.info("Demo network loaded in {} ms: {} synthetic schools, {} groups, {} pairings over {} counties",
                (System.nanoTime() - started) / 1_000_000, network.schools().size(), network.groups().size(),
                network.pairings().size(), counties.size());
    }
}
