package org.edugraph.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.edugraph.EduGraphProperties;
import org.edugraph.neo4j.Graph;
import org.edugraph.neo4j.StartupWork;
import org.edugraph.region.Gazetteer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The real counties a generated network at national scale is spread over: those of the
 * gazetteer (seeds/gazetteer/), with their GB/T 2260 codes and names, so that generated schools
 * sit where a school of that county would, beside the regions every service loads. Only official
 * counties that have towns in the list: no functional zone (130171), and not 金门县, for which
 * the list has only an entry of its own name (350527000), no town. The generated schools, groups and pairings stay synthetic (示例, marked
 * {@code synthetic: true}); the regions are not generated at all.
 */
public final class GazetteerCounties {

    /** The gazetteer the service loads by default. */
    public static final String FILE = "classpath:seeds/gazetteer/divisions-2023.tsv";

    private GazetteerCounties() {
    }

    /** The gazetteer at {@code location} (a Spring resource), read and checked. */
    public static Gazetteer read(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return Gazetteer.read(location, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The counties for {@link NetworkGenerator.Spec}, by code: every one of the gazetteer, or those within
     * {@code within} (a province or prefecture code) when it is not null.
     */
    public static List<NetworkGenerator.County> of(Gazetteer gazetteer, String within) {
        Map<String, String> parents = new HashMap<>();
        gazetteer.regions().forEach(r -> parents.put(r.code(), r.parent()));
        Set<String> withTowns = new HashSet<>();
        // A township code is never xxx000: 350527000 金门县 stands for the county, which has no town in the list.
        gazetteer.towns().stream().filter(t -> !t.code().endsWith("000")).forEach(t -> withTowns.add(t.parent()));
        List<NetworkGenerator.County> counties = gazetteer.regions().stream()
                .filter(r -> r.level().equals("COUNTY") && r.official() && withTowns.contains(r.code()))
                .filter(r -> within == null || lies(r.code(), within, parents))
                .map(r -> new NetworkGenerator.County(r.code(), r.name(), r.parent())).toList();
        if (counties.isEmpty()) {
            throw new IllegalArgumentException("No county of the gazetteer lies within " + within);
        }
        return counties;
    }

    private static boolean lies(String code, String within, Map<String, String> parents) {
        for (String c = code; c != null; c = parents.get(c)) {
            if (c.equals(within)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Loads the gazetteer into the database behind {@code graph} when it is not there yet (a store the
     * service never started on); a no-op where the service loaded it, as every start does.
     */
    public static void load(Graph graph) {
        EduGraphProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "edugraph.gazetteer.enabled", "false"))).bindOrCreate("edugraph", EduGraphProperties.class);
        new GazetteerLoader(new StartupWork(graph, properties), properties, java.time.Clock.systemUTC()).load(FILE);
    }
}
