package org.edugraph.network;

import java.util.List;

/** Coverage per region in one year. */
public record CoverageYear(int year, List<RegionCoverage> coverage) {
}
