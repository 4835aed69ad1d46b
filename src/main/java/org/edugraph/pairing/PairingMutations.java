package org.edugraph.pairing;

import org.edugraph.api.Ref;
import java.time.LocalDate;
import java.util.List;

import org.edugraph.api.ApiException;

import org.edugraph.imports.Importer;
import org.edugraph.security.CurrentCaller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.edugraph.security.SecuredMutations;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** The pairing mutations of the contract (the import's upload is {@code /import/pairings}), and the subscription to pairing changes. */
@Controller
class PairingMutations {

    private final PairingWrites writes;
    private final CurrentCaller caller;
    private final PairingEvents events;
    private final PairingImport imports;

    private final int maxPageSize;

    PairingMutations(PairingWrites writes, CurrentCaller caller, PairingEvents events, PairingImport imports,
            org.edugraph.EduGraphProperties properties) {
        this.maxPageSize = properties.graphql().maxPageSize();
        this.writes = writes;
        this.caller = caller;
        this.events = events;
        this.imports = imports;
    }

    @MutationMapping
    @PreAuthorize(SecuredMutations.ADMIN)
    Ref addPairing(@Argument AddPairingInput input) {
        return Ref.pairing(writes.add(caller.signedIn(), input).id()); // read with what the request selects (read/RowFields)
    }

    @MutationMapping
    @PreAuthorize(SecuredMutations.ADMIN)
    Ref endPairing(@Argument String id, @Argument LocalDate endDate) {
        return Ref.pairing(writes.end(caller.signedIn(), id, endDate).id());
    }

    @MutationMapping
    @PreAuthorize(SecuredMutations.ADMIN)
    String removePairing(@Argument String id) {
        return writes.remove(caller.signedIn(), id);
    }

    @MutationMapping
    @PreAuthorize(SecuredMutations.ADMIN)
    ImportReport importPairings(@Argument String csv, @Argument Boolean dryRun) {
        return imports.run(caller.signedIn(), csv, Importer.dryRun(dryRun));
    }

    @SubscriptionMapping
    Flux<PairingChange> pairingChanges(@ContextValue(name = SubscriptionClients.CLIENT) String client) {
        return events.changes(client);
    }

    /** A change's pairings, from what was loaded once for every subscriber: no statement of its own. */
    @SchemaMapping(typeName = "PairingChange", field = "pairings")
    List<Pairing> changedPairings(PairingChange change, @Argument Integer first) {
        int n = first == null ? 20 : first;
        if (n < 0 || n > maxPageSize) {
            throw ApiException.badRequest("`first` must be between 0 and %d, got %d".formatted(maxPageSize, n));
        }
        return change.pairings().subList(0, Math.min(n, change.pairings().size()));
    }

    @SchemaMapping(typeName = "PairingChange", field = "sequence")
    String sequence(PairingChange change) {
        return Long.toString(change.sequence());
    }
}
