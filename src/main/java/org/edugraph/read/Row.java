package org.edugraph.read;

import java.util.Map;

/**
 * An object the compiled statement returned, keyed by the result keys of the fields the
 * request selected under it: what each of those fields answers ({@link RowFields}).
 */
public record Row(Map<String, Object> values) {

    public Object get(String resultKey) {
        return values.get(resultKey);
    }
}
