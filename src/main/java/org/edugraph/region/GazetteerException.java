package org.edugraph.region;

/** A gazetteer file that cannot be loaded: the message names the file, the line and the reason. */
public class GazetteerException extends RuntimeException {

    public GazetteerException(String file, int line, String problem) {
        super(line > 0 ? "Gazetteer file %s, line %d: %s".formatted(file, line, problem)
                : "Gazetteer file %s %s".formatted(file, problem));
    }

    public GazetteerException(String message) {
        super(message);
    }
}
