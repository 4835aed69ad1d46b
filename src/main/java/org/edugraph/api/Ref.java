package org.edugraph.api;

import java.util.List;

/**
 * An object of the contract named by its key: what a mutation, an analytic or a subscription
 * answers with, for the read compiler to read with whatever the request selects under it
 * ({@code read/RowFields}), one statement for all the objects of a level. {@code keys} is the
 * id (the code of a region), or a membership's school and group ids.
 */
public record Ref(String type, List<String> keys) {

    public static Ref school(String id) {
        return of("School", id);
    }

    public static Ref pairing(String id) {
        return of("Pairing", id);
    }

    public static Ref program(String id) {
        return of("Program", id);
    }

    public static Ref group(String id) {
        return of("EducationGroup", id);
    }

    public static Ref region(String code) {
        return of("Region", code);
    }

    public static Ref membership(String schoolId, String groupId) {
        return new Ref("GroupMembership", List.of(schoolId, groupId));
    }

    /** A reference to {@code type} with key {@code key}, or null for no key. */
    private static Ref of(String type, String key) {
        return key == null ? null : new Ref(type, List.of(key));
    }

    /**
     * This ref with the one field its producer surely holds, its key (a region's code, any other
     * object's id): a request that selects only that reads nothing. Not for a membership.
     */
    public Known withKey() {
        return new Known(this, java.util.Map.of(type.equals("Region") ? "code" : "id", keys.getFirst()));
    }

    /** {@link #withKey()} of a ref that may be null. */
    public static Known withKey(Ref ref) {
        return ref == null ? null : ref.withKey();
    }

    /**
     * A reference whose producer already holds some of the object's fields ({@code values}, by
     * field name, as the compiled reads give them): when a request selects only those, they are
     * the answer and nothing is read; otherwise {@code ref} is read as any other.
     */
    public record Known(Ref ref, java.util.Map<String, Object> values) {
    }

    /**
     * One field of the object {@code of}, read from the graph: for an object a subscription
     * keeps as it was (a pairing since removed), whose related objects are still read.
     */
    public record FieldOf(Ref of) {
    }
}
