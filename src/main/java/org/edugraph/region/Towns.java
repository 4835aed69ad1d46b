package org.edugraph.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.edugraph.neo4j.Graph;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

/**
 * The gazetteer's towns (乡镇/街道) as a lookup table: a school's record that names a town (by
 * its 9-digit code, its full name 陈埭镇 or its short name 陈埭) is placed in that town's county.
 * A name that several towns share is never settled by a guess: the record's region may narrow
 * it to one, else it is refused with the candidates listed.
 */
@Component
public class Towns {

    /** How many candidates a refusal lists before it says how many more there are. */
    static final int LISTED = 5;

    private final Graph graph;

    Towns(Graph graph) {
        this.graph = graph;
    }

    /** A region a town lies in: its county (or city without counties), prefecture, province. */
    public record Place(String code, String name, String level) {
    }

    /**
     * A town of the gazetteer.
     *
     * @param path its county (or city) first, then every region above it
     */
    public record Candidate(String code, String name, List<Place> path) {

        /** The region a school placed by this town is located in. */
        public Place county() {
            return path.getFirst();
        }

        boolean within(String regionCode) {
            return path.stream().anyMatch(p -> p.code().equals(regionCode));
        }

        /** 350582103 陈埭镇 (晋江市, 泉州市, 福建省) */
        String described() {
            return "%s %s (%s)".formatted(code, name, String.join(", ", path.stream().map(Place::name).toList()));
        }
    }

    /** Where a record's town leads: the one town, or why there is none. */
    public sealed interface Resolved {
    }

    public record Found(Candidate town) implements Resolved {
    }

    /**
     * @param unknown true when no town of the gazetteer has that name or code (NOT_FOUND); false when the
     *                name is ambiguous or the town lies outside the record's region (a bad request)
     */
    public record Refused(String problem, boolean unknown) implements Resolved {
    }

    /**
     * The towns each key may name (by code, full name or short name), for a batch of keys in one
     * statement; a key no town has is absent from the answer.
     */
    public Map<String, List<Candidate>> candidates(Collection<String> keys) {
        return candidates(keys, null);
    }

    /** {@link #candidates(Collection)} with a timeout (an import's, start-up's) for every statement, or the query timeout when null. */
    public Map<String, List<Candidate>> candidates(Collection<String> keys, java.time.Duration timeout) {
        Map<String, List<Candidate>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Table towns = table(timeout);
        // A 9-digit key is a code; any other is a name, full (陈埭镇: that town only) or short (陈埭: every town
        // whose short name it is).
        for (String key : keys) {
            List<Candidate> named;
            if (key.matches("\\d{9}")) {
                Candidate town = towns.byCode().get(key);
                named = town == null ? List.of() : List.of(town);
            } else {
                String byKey = TownNames.key(key);
                boolean fullName = !key.equals(byKey);
                named = towns.byKey().getOrDefault(byKey, List.of()).stream()
                        .filter(t -> !fullName || t.name().equals(key)).toList();
            }
            if (!named.isEmpty()) {
                found.put(key, named);
            }
        }
        return found;
    }

    /**
     * The towns in memory, as the gazetteer last loaded them: by code, and by key (the short name) in code
     * order, each with its county's path. The table changes only when a gazetteer is loaded, which writes a new
     * checksum in the same transaction; each lookup reads that checksum (one small statement, where it read
     * the towns of its keys before) and reads the table again when it moved. About 10 MB for the 41,352 towns
     * of the 2023 list, read once in a few hundred milliseconds; an import of 100,000 rows then looks its towns
     * up in memory.
     */
    private record Table(String checksum, Map<String, Candidate> byCode, Map<String, List<Candidate>> byKey) {
    }

    private volatile Table table;

    private Table table(java.time.Duration timeout) {
        String checksum = read(timeout, "MATCH (f:GazetteerFile {name: 'gazetteer'}) RETURN f.checksum AS checksum", Map.of())
                .stream().findFirst().map(r -> r.get("checksum").asString(null)).orElse(null);
        Table now = table;
        if (now != null && Objects.equals(now.checksum(), checksum)) {
            return now;
        }
        synchronized (this) {
            if (table != null && Objects.equals(table.checksum(), checksum)) {
                return table;
            }
            Map<String, List<Place>> paths = graph.read(within(timeout, Graph.Read.fold(HashMap<String, List<Place>>::new, (m, r) -> {
                        List<Place> path = new ArrayList<>();
                        for (Object step : (List<?>) r.get("path")) {
                            List<?> p = (List<?>) step;
                            path.add(new Place((String) p.get(0), (String) p.get(1), (String) p.get(2)));
                        }
                        path.sort(Comparator.comparingInt(p -> -RegionLevel.valueOf(p.level()).ordinal()));
                        m.put((String) r.get("code"), List.copyOf(path));
                    })), """
                    MATCH (t:Town) WITH DISTINCT t.county AS county
                    MATCH (c:Region {code: county})
                    RETURN c.code AS code, [(c)-[:PART_OF*0..]->(a:Region) | [a.code, a.name, a.level]] AS path""", Map.of());
            Table loaded = graph.read(within(timeout, Graph.Read.fold(() -> new Table(checksum, new HashMap<>(), new HashMap<>()), (t, r) -> {
                        List<Place> path = paths.get((String) r.get("county"));
                        if (path != null) {
                            Candidate town = new Candidate((String) r.get("code"), (String) r.get("name"), path);
                            t.byCode().put(town.code(), town);
                            t.byKey().computeIfAbsent((String) r.get("key"), k -> new ArrayList<>()).add(town);
                        }
                    })), "MATCH (t:Town) RETURN t.code AS code, t.name AS name, t.key AS key, t.county AS county", Map.of());
            loaded.byKey().replaceAll((k, list) -> list.stream().sorted(Comparator.comparing(Candidate::code)).toList());
            table = loaded;
            return loaded;
        }
    }

    private List<Record> read(java.time.Duration timeout, String cypher, Map<String, Object> parameters) {
        return graph.read(within(timeout, Graph.Read.records()), cypher, parameters);
    }

    /** {@code read} with the caller's timeout (an import's, start-up's), or as it is (the query timeout) when null. */
    private static <T> Graph.Read<T> within(java.time.Duration timeout, Graph.Read<T> read) {
        return timeout == null ? read : read.within(timeout);
    }

    /**
     * The one town {@code key} names within {@code regionCode} (anywhere when null), among the
     * {@code candidates} the gazetteer has for it.
     *
     * @param regionName the region's name, for a message (may be null)
     */
    public static Resolved resolve(String key, String regionCode, String regionName, List<Candidate> candidates) {
        List<Candidate> all = candidates == null ? List.of() : candidates;
        if (all.isEmpty()) {
            return new Refused(("no town %s in the gazetteer; give the town as the division list writes it (陈埭镇),"
                    + " its short name (陈埭) or its 9-digit code").formatted(key), true);
        }
        List<Candidate> inRegion = regionCode == null ? all : all.stream().filter(t -> t.within(regionCode)).toList();
        String region = regionCode == null ? "" : regionName == null ? regionCode : regionCode + " " + regionName;
        if (inRegion.size() == 1) {
            return new Found(inRegion.getFirst());
        }
        if (inRegion.isEmpty()) {
            return new Refused("town %s is not in region %s: %s %s".formatted(key, region,
                    all.size() == 1 ? "it is" : "the towns of that name are", listed(all)), false);
        }
        return new Refused(("town %s is the name of %d towns%s: %s; give its 9-digit code%s").formatted(key,
                inRegion.size(), regionCode == null ? "" : " in region " + region, listed(inRegion),
                regionCode == null ? ", or a regionCode that holds only one of them" : ""), false);
    }

    private static String listed(List<Candidate> towns) {
        List<String> shown = towns.stream().limit(LISTED).map(Candidate::described).toList();
        return String.join(", ", shown) + (towns.size() > LISTED ? " and %d more".formatted(towns.size() - LISTED) : "");
    }
}
