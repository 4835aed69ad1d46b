package org.edugraph.school;

import java.util.List;

/**
 * A school to create, its fields checked: by createSchool (with an id it makes up) or
 * by the import (with the file's id). Fields a bad import row could not give are null.
 */
record NewSchool(String id, String name, List<String> aliases, SchoolType type, Ownership ownership,
        String regionCode, String nationalCode) {
}
