package org.edugraph.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/** A gate lets so many through at once, makes the next wait, and refuses it when none frees up in time. */
@Unit
class GateTest {

    @Test
    void theNextWaitsForAFreePlaceAndIsRefusedWhenNoneFreesUp() {
        Gate gate = new Gate("test work", 2);
        assertThat(gate.enter(Duration.ZERO)).isTrue();
        assertThat(gate.enter(Duration.ZERO)).isTrue();
        assertThat(gate.enter(Duration.ofMillis(50))).isFalse();
        assertThatThrownBy(() -> gate.through(Duration.ofMillis(50), () -> "ran"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL_ERROR);
                    assertThat(e.getMessage()).isEqualTo("The service is busy with other test work; try again in a moment");
                });
        gate.leave();
        assertThat(gate.through(Duration.ZERO, () -> "ran")).isEqualTo("ran");
        assertThat(gate.free()).as("given back after the work").isEqualTo(1);
    }

    @Test
    void aPlaceIsGivenBackWhenTheWorkFails() {
        Gate gate = new Gate("test work", 1);
        assertThatThrownBy(() -> gate.through(Duration.ZERO, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(gate.free()).isEqualTo(1);
    }
}
