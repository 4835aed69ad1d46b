package org.edugraph.school;

import java.util.List;

/** The contract's CreateSchoolInput and UpdateSchoolInput. */
final class SchoolInputs {

    private SchoolInputs() {
    }

    /** {@code town}: a town of the gazetteer (陈埭, 陈埭镇 or 350582103); the school is located in its county. */
    record CreateSchoolInput(String name, List<String> aliases, SchoolType type, Ownership ownership, String regionCode,
            String nationalCode, String town) {
    }

    record UpdateSchoolInput(String name, List<String> aliases, SchoolType type, Ownership ownership, String regionCode,
            String nationalCode) {
    }
}
