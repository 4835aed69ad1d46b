package org.edugraph.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.edugraph.EduGraphProperties;

/**
 * The {@code first}/{@code after} of a connection, checked. A cursor is opaque to
 * clients: the base64 of a version tag and the sort key (the node's id) of the row.
 *
 * @param first how many rows to return
 * @param after the sort key after which the page starts, or null for the first page
 */
public record Page(int first, String after) {

    private static final String TAG = "v1:";

    public static Page of(Integer first, String after, EduGraphProperties.Graphql limits) {
        int size = first == null ? limits.defaultPageSize() : first;
        if (size < 0) {
            throw ApiException.badRequest("`first` must not be negative, got " + size);
        }
        if (size > limits.maxPageSize()) {
            throw ApiException.badRequest("`first` must be at most %d, got %d".formatted(limits.maxPageSize(), size));
        }
        return new Page(size, after == null ? null : decode(after));
    }

    public static String cursor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TAG + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(TAG) && text.length() > TAG.length()) {
                return text.substring(TAG.length());
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below
        }
        throw ApiException.badRequest("`after` is not a cursor this API gave out: " + cursor);
    }
}
