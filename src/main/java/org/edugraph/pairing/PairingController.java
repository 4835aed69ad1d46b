package org.edugraph.pairing;

import java.time.Clock;
import java.time.LocalDate;

import org.edugraph.api.Ref;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A pairing kept as it was when it changed (a subscription's change; it may since have been
 * removed): its own values are its record's; the schools, program and sources it links to
 * are read with what the request selects (read/RowFields). A pairing a read returns never
 * comes here: it is a row of its compiled statement.
 */
@Controller
class PairingController {

    private final Clock clock;

    PairingController(Clock clock) {
        this.clock = clock;
    }

    @SchemaMapping(typeName = "Pairing")
    boolean active(Pairing pairing) {
        return pairing.activeOn(LocalDate.now(clock));
    }

    @SchemaMapping(typeName = "Pairing")
    Ref mentor(Pairing pairing) {
        return Ref.school(pairing.mentorId());
    }

    @SchemaMapping(typeName = "Pairing")
    Ref mentee(Pairing pairing) {
        return Ref.school(pairing.menteeId());
    }

    @SchemaMapping(typeName = "Pairing")
    Ref program(Pairing pairing) {
        return Ref.program(pairing.programId());
    }

    /** Read from the graph; a pairing removed since has none there. */
    @SchemaMapping(typeName = "Pairing")
    Ref.FieldOf sources(Pairing pairing) {
        return new Ref.FieldOf(Ref.pairing(pairing.id()));
    }
}
