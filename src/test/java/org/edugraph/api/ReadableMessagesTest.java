package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** graphql-java's messages, as a client reads them: the values it wrote, no names of graphql-java's classes. */
@Unit
class ReadableMessagesTest {

    @Test
    void literalsReadAsWrittenAndTheValidationRuleIsNotNamed() {
        assertThat(ErrorClassifyingInterceptor.readable("Validation error (WrongType@[regions]) : argument 'level' with value"
                + " 'EnumValue{name='TOWN'}' is not a valid 'RegionLevel' - Literal value not in allowable values for enum"
                + " 'RegionLevel' - 'EnumValue{name='TOWN'}'"))
                .isEqualTo("Invalid request at regions: argument 'level' with value 'TOWN' is not a valid 'RegionLevel'"
                        + " - Literal value not in allowable values for enum 'RegionLevel' - 'TOWN'");
        assertThat(ErrorClassifyingInterceptor.readable("Validation error (WrongType@[addPairing]) : argument"
                + " 'input.startDate' with value 'StringValue{value='2022-02-30'}' is not a valid 'Date' - Expected a Date"))
                .isEqualTo("Invalid request at addPairing: argument 'input.startDate' with value '2022-02-30' is not a valid"
                        + " 'Date' - Expected a Date");
        assertThat(ErrorClassifyingInterceptor.readable("argument 'first' with value 'IntValue{value=12}' is not a valid 'String'"))
                .isEqualTo("argument 'first' with value '12' is not a valid 'String'");
        assertThat(ErrorClassifyingInterceptor.readable("argument 'filter' with value 'ObjectValue{objectFields=[ObjectField"
                + "{name='kinds', value=ArrayValue{values=[EnumValue{name='X'}]}}]}' is not a valid 'PairingFilter'"))
                .doesNotContain("Value{").doesNotContain("Field{").contains("is not a valid 'PairingFilter'");
    }
}
