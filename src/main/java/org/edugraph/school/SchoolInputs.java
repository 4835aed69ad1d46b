package org.edugraph.school;

import java.util.List;

/** The contract's CreateSchoolInput and UpdateSchoolInput. */
final class SchoolInputs {

    private SchoolInputs() {
    }

    record CreateSchoolInput(String name, List<String> aliases, SchoolType type, Ownership ownership, String regionCode,
            String nationalCode) {
    }

    record UpdateSchoolInput(String name, List<String> aliases, SchoolType type, Ownership ownership, String regionCode,
            String nationalCode) {
    }
}
