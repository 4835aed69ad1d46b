package org.edugraph.region;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly that the gazetteer file stopped start-up, and how to get a good one. */
class GazetteerFailureAnalyzer extends AbstractFailureAnalyzer<GazetteerException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GazetteerException cause) {
        return new FailureAnalysis(cause.getMessage() + ". Nothing of it was loaded.",
                "Convert the file again with seeds/gazetteer/convert.mjs (seeds/gazetteer/README.md), point"
                        + " edugraph.gazetteer.file at a good one, or start with edugraph.gazetteer.enabled=false.",
                cause);
    }
}
