package org.edugraph.school;

import java.util.List;
import java.util.regex.Pattern;

/** The rules a school's fields obey, the same for createSchool, updateSchool and the import; no database needed. */
final class SchoolRules {

    /**
     * A school id a client chooses (the import's): no ':' so that it cannot be taken for
     * the {@code group:<id>} and {@code program:<id>} node ids of a drawn network.
     */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    static final int MAX_NAME = 200;

    private SchoolRules() {
    }

    static void checkId(String id, List<String> problems) {
        if (id == null || id.isBlank()) {
            problems.add("id is required");
        } else if (!ID.matcher(id).matches()) {
            problems.add("id '%s' must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit"
                    .formatted(id));
        }
    }

    static void checkName(String name, List<String> problems, boolean required) {
        if (name == null ? required : name.isBlank()) {
            problems.add("name must not be blank");
        } else if (name != null && name.length() > MAX_NAME) {
            problems.add("name is longer than " + MAX_NAME + " characters");
        }
    }

    static void checkAliases(List<String> aliases, List<String> problems) {
        if (aliases != null && aliases.stream().anyMatch(a -> a == null || a.isBlank())) {
            problems.add("aliases must not be blank");
        }
    }

    static void checkNationalCode(String code, List<String> problems) {
        if (code != null && !code.matches("\\d{10}")) {
            problems.add("nationalCode must be the 10 digits of the Ministry's school code, got " + code);
        }
    }
}
