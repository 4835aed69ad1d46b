package org.edugraph.neo4j;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which step of start-up ran out of time, and which setting gives it more. */
class StartupTimeoutFailureAnalyzer extends AbstractFailureAnalyzer<StartupWork.StartupTimeoutException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupWork.StartupTimeoutException cause) {
        return new FailureAnalysis(cause.getMessage() + ". The machine may be busy, or the store large.",
                "Give start-up more time with %s (now %s), for example --%s=15m or the environment variable EDUGRAPH_STARTUP_TIMEOUT=15m, and start again."
                        .formatted(StartupWork.SETTING, StartupWork.format(cause.timeout()), StartupWork.SETTING),
                cause);
    }
}
