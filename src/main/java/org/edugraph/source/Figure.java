package org.edugraph.source;

import org.edugraph.api.Values;
import org.neo4j.driver.Value;

/** A reported number with its unit, year, qualifier and source. */
public record Figure(String id, String metric, String label, double value, String unit, FigureQualifier qualifier,
        Integer year, Source source) {

    /** {@code f} is the figure node. */
    static final String PROJECTION = """
            f {.id, .metric, .label, .value, .unit, .qualifier, .year,
               source: [(f)-[:STATED_IN]->(src) | %s][0]}""".formatted(Source.PROJECTION);

    static Figure from(Value v) {
        return new Figure(v.get("id").asString(), v.get("metric").asString(), Values.string(v, "label"),
                v.get("value").asDouble(), Values.string(v, "unit"),
                Values.enumValue(v, "qualifier", FigureQualifier.class), Values.integer(v, "year"),
                Source.from(v.get("source")));
    }
}
