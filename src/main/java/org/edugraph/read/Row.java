package org.edugraph.read;

import java.util.Map;

/**
 * An object the compiled statement returned, keyed by the result keys of the fields the
 * request selected under it: what each of those fields answers ({@link RowFields}).
 * {@code aliased} says whether any of them is keyed by an alias rather than its name.
 */
public record Row(Map<String, Object> values, boolean aliased) {

    public Object get(String resultKey) {
        return values.get(resultKey);
    }
}
