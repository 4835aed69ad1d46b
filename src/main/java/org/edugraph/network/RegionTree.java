package org.edugraph.network;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.region.Region;
import org.edugraph.region.RegionLevel;

/**
 * The region hierarchy in memory (a few thousand regions for the whole country), to
 * place a school's region under the region of a level above it without a query per row.
 */
final class RegionTree {

    private final Map<String, Region> byCode = new HashMap<>();

    RegionTree(Collection<Region> regions) {
        regions.forEach(r -> byCode.put(r.code(), r));
    }

    Region get(String code) {
        return code == null ? null : byCode.get(code);
    }

    List<Region> all() {
        return List.copyOf(byCode.values());
    }

    /** The region of {@code level} that {@code code} is or lies in; null when it lies above that level or is unknown. */
    Region ancestorAt(String code, RegionLevel level) {
        Region r = get(code);
        int guard = 0;
        while (r != null && r.level() != level && guard++ < 64) {
            r = get(r.parentCode());
        }
        return r != null && r.level() == level ? r : null;
    }

    /** True when {@code code} is {@code ancestor} or lies below it. */
    boolean within(String code, String ancestor) {
        Region r = get(code);
        int guard = 0;
        while (r != null && guard++ < 64) {
            if (r.code().equals(ancestor)) {
                return true;
            }
            r = get(r.parentCode());
        }
        return false;
    }

    /** True when {@code a} is a higher level than {@code b} (PROVINCE above PREFECTURE above COUNTY). */
    static boolean above(RegionLevel a, RegionLevel b) {
        return a.ordinal() < b.ordinal();
    }
}
