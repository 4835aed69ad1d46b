package org.edugraph.neo4j;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a store the embedded Neo4j cannot open in the few lines of "APPLICATION FAILED TO
 * START" instead of Spring's chain of bean-creation exceptions, at whose bottom Neo4j's cause
 * was buried.
 */
class EmbeddedStoreFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedStoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedStoreException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
