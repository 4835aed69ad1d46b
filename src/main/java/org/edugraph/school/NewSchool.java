package org.edugraph.school;

import java.util.List;

/**
 * A school to create, its fields checked: by createSchool (with an id it makes up) or
 * by the import (with the file's id). Fields a bad import row could not give are null.
 *
 * @param regionCode where it is located: as the record gave it, and once {@link #placed}, where it goes
 * @param town       the town (乡镇/街道) the record names it by, by name or code, or null
 * @param townCode   the gazetteer's code of that town once placed by it, or null
 */
record NewSchool(String id, String name, List<String> aliases, SchoolType type, Ownership ownership,
        String regionCode, String nationalCode, String town, String townCode) {

    NewSchool(String id, String name, List<String> aliases, SchoolType type, Ownership ownership, String regionCode,
            String nationalCode) {
        this(id, name, aliases, type, ownership, regionCode, nationalCode, null, null);
    }

    /** This school located in {@code region}, placed there by the town {@code townCode} (or null). */
    NewSchool placed(String region, String townCode) {
        return new NewSchool(id, name, aliases, type, ownership, region, nationalCode, town, townCode);
    }
}
