package org.edugraph.school;

/** The kinds of institution, with the Ministry's 办学类型码 each defaults to. */
public enum SchoolType {
    KINDERGARTEN("111"),
    PRIMARY("211"),
    JUNIOR_SECONDARY("311"),
    NINE_YEAR("312"),
    SENIOR_SECONDARY("342"),
    COMPLETE_SECONDARY("341"),
    TWELVE_YEAR("345"),
    SECONDARY_VOCATIONAL("361"),
    HIGHER_VOCATIONAL("415"),
    UNIVERSITY("411"),
    SPECIAL_EDUCATION("511"),
    TEACHER_DEVELOPMENT(null),
    OTHER(null);

    private final String defaultCode;

    SchoolType(String defaultCode) {
        this.defaultCode = defaultCode;
    }

    /** The 办学类型码 of the type, or null where the Ministry's list has none. */
    public String defaultCode() {
        return defaultCode;
    }
}
