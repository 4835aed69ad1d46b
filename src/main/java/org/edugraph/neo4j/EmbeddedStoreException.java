package org.edugraph.neo4j;

import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /**
     * Neo4j's reason in one line: the two innermost messages of the chain. The outer ones say
     * only that something failed ("Unable to start `DatabaseId{...}`", a RuntimeException
     * repeating its cause); the innermost names the file and the system's error.
     */
    static String causeOf(Throwable failure) {
        List<String> messages = new ArrayList<>();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            boolean wrapper = t.getCause() != null && Objects.equals(t.getMessage(), t.getCause().toString());
            String text = describe(t);
            if (!wrapper && !messages.contains(text)) {
                messages.add(text);
            }
        }
        return String.join(": ", messages.subList(Math.max(0, messages.size() - 2), messages.size()));
    }

    /** A message on one line; a file system error's message is only a path, so its kind goes first. */
    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ").strip();
        if (message.isEmpty()) {
            return t.getClass().getSimpleName();
        }
        if (t instanceof FileSystemException) {
            return t.getClass().getSimpleName() + ": " + message;
        }
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
