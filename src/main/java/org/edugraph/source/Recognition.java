package org.edugraph.source;

import org.edugraph.api.Values;
import org.edugraph.program.GovernanceLevel;
import org.neo4j.driver.Value;

/**
 * An award, title or ranking a report gives a school or program (全国文明校园, 全省第一),
 * stored as a node {@code (:Recognition)-[:OF]->(school or program)} with its source.
 */
public record Recognition(String title, GovernanceLevel level, Integer year, Integer rank, Source source) {

    public static final String PROJECTION =
            "rec {.title, .level, .year, .rank, source: [(rec)-[:STATED_IN]->(src:Source) | " + Source.PROJECTION + "][0]}";

    public static Recognition from(Value v) {
        return new Recognition(v.get("title").asString(), Values.enumValue(v, "level", GovernanceLevel.class),
                Values.integer(v, "year"), Values.integer(v, "rank"), Source.from(v.get("source")));
    }
}
