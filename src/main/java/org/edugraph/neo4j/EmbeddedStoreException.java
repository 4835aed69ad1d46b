package org.edugraph.neo4j;

/**
 * The embedded Neo4j cannot, or must not, open the store under {@code edugraph.data-dir}.
 * Its message is the one line an operator needs (the folder and the cause); {@link #action()}
 * says what to do about it. Start-up stops with it rather than run on a missing or broken store.
 */
public final class EmbeddedStoreException extends IllegalStateException {

    private final String action;

    EmbeddedStoreException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What the operator can do: restore, free or move the folder. */
    public String action() {
        return action;
    }
}
