package org.edugraph.seed;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly which seed file and entry stopped start-up, and what to do. */
class SeedFailureAnalyzer extends AbstractFailureAnalyzer<SeedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SeedException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the seed file (its format is in seeds/README.md), or start with edugraph.seeds.enabled=false.",
                cause);
    }
}
