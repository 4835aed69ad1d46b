package org.edugraph.pairing;

import java.time.LocalDate;

/** The contract's AddPairingInput. */
public record AddPairingInput(String mentorId, String menteeId, PairingKind kind, String programId,
        LocalDate startDate, LocalDate endDate, String note) {
}
