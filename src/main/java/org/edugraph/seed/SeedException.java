package org.edugraph.seed;

/** A seed file that cannot be loaded; the message names the file and the entry. */
public class SeedException extends RuntimeException {

    public SeedException(String message) {
        super(message);
    }

    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
