package org.edugraph.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edugraph.neo4j.Graph;

/**
 * A country's worth of made-up regions for generated networks at national scale:
 * provinces, their prefectures and their counties, with codes under a prefix that no
 * GB/T 2260 code has ({@code T-NAT-03-07-2}) and names that say 示例, each marked
 * {@code official: false}. China has 31 provinces, about 330 prefectures and 2,800
 * counties; {@code country(31, 11, 8)} gives 31, 341 and 2,728.
 */
public final class SyntheticRegions {

    public record Region(String code, String name, String level, String parentCode) {
    }

    private SyntheticRegions() {
    }

    public static List<Region> country(String prefix, int provinces, int prefecturesEach, int countiesEach) {
        List<Region> regions = new ArrayList<>();
        for (int p = 1; p <= provinces; p++) {
            String province = "%s-%02d".formatted(prefix, p);
            regions.add(new Region(province, "示例省%02d".formatted(p), "PROVINCE", null));
            for (int q = 1; q <= prefecturesEach; q++) {
                String prefecture = "%s-%02d".formatted(province, q);
                regions.add(new Region(prefecture, "示例省%02d示例市%02d".formatted(p, q), "PREFECTURE", province));
                for (int c = 1; c <= countiesEach; c++) {
                    regions.add(new Region("%s-%d".formatted(prefecture, c), "示例市%02d%02d示例县%d".formatted(p, q, c), "COUNTY",
                            prefecture));
                }
            }
        }
        return regions;
    }

    /** The counties of {@code regions}, for {@link NetworkGenerator.Spec}. */
    public static List<NetworkGenerator.County> counties(List<Region> regions) {
        return regions.stream().filter(r -> r.level().equals("COUNTY"))
                .map(r -> new NetworkGenerator.County(r.code(), r.name(), r.parentCode())).toList();
    }

    /** Writes the regions, parents first, each linked to its parent. */
    public static void write(Graph graph, List<Region> regions) {
        for (int from = 0; from < regions.size(); from += GeneratedNetworkWriter.BATCH) {
            List<Map<String, Object>> rows = regions.subList(from, Math.min(regions.size(), from + GeneratedNetworkWriter.BATCH))
                    .stream().map(r -> {
                        Map<String, Object> row = new java.util.HashMap<>();
                        row.put("code", r.code());
                        row.put("name", r.name());
                        row.put("level", r.level());
                        row.put("parent", r.parentCode());
                        return row;
                    }).toList();
            graph.write("""
                    UNWIND $rows AS row
                    MERGE (r:Region {code: row.code}) SET r.name = row.name, r.level = row.level, r.official = false
                    WITH r, row WHERE row.parent IS NOT NULL
                    MATCH (parent:Region {code: row.parent})
                    MERGE (r)-[:PART_OF]->(parent)""", Map.of("rows", rows));
        }
    }
}
