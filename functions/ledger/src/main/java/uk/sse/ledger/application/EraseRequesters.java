package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.PersonalData;
import uk.sse.kernel.identity.Tombstone;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.model.Requester;
import uk.sse.ledger.model.Transfer;

/**
 * An area's admin answers a person's subject-access request and erasure for the area's ledger (decision 0104): the
 * transfers they asked for or resolved, in person or as the person a function acted for. An erasure replaces their
 * subject by the tombstone every function derives under the erasure key ({@link Tombstone}, decision 0117); amounts, accounts, states and references stay,
 * so balances and the ledger's invariants do not change. Only an admin of the area, in person, may do either.
 */
@Singleton
public class EraseRequesters {

    /** A transfer the person stands in, and how: {@code asked}, {@code resolved}, {@code asked for}, {@code resolved for}. */
    public record Mention(
            String transferId, String kind, long amount, String state, Instant createdAt, List<String> parts) {}

    public record Export(String subject, String area, List<Mention> transfers) {}

    public record Erased(String area, String tombstone, int transfers) {}

    private static final int ATTEMPTS = 5;

    private final PersonalTransfers transfers;
    private final LedgerStore store;
    private final Tombstone tombstones;

    public EraseRequesters(PersonalTransfers transfers, LedgerStore store, Tombstone tombstones) {
        this.transfers = transfers;
        this.store = store;
        this.tombstones = tombstones;
    }

    public Outcome<Export> export(Caller caller, String subject) {
        return PersonalData.areaAnsweredBy(caller)
                .map(area -> new Export(
                        subject,
                        area,
                        transfers.inArea(area, t -> !parts(t, subject).isEmpty()).stream()
                                .map(t -> new Mention(
                                        t.id().value(),
                                        t.kind().name(),
                                        t.amount(),
                                        t.state().name(),
                                        t.createdAt(),
                                        parts(t, subject)))
                                .toList()));
    }

    public Outcome<Erased> erase(Caller caller, String subject) {
        return PersonalData.areaAnsweredBy(caller).map(area -> {
            String tombstone = tombstones.of(subject);
            List<Transfer> found =
                    transfers.inArea(area, t -> !parts(t, subject).isEmpty());
            for (Transfer t : found) {
                Optional<Transfer> current = Optional.of(t);
                int attempt = 0;
                while (current.isPresent() && !transfers.erase(current.get(), subject, tombstone)) {
                    if (++attempt == ATTEMPTS)
                        throw new IllegalStateException("transfer " + t.id() + " kept moving during its erasure");
                    current = store.transfer(t.id());
                }
            }
            return new Erased(area, tombstone, found.size());
        });
    }

    /** How the person stands in the transfer; empty if they do not. */
    static List<String> parts(Transfer t, String subject) {
        List<String> parts = new ArrayList<>();
        part(t.requestedBy(), subject, "asked", parts);
        part(t.resolvedBy(), subject, "resolved", parts);
        return parts;
    }

    private static void part(Requester r, String subject, String what, List<String> into) {
        if (r == null) return;
        if (subject.equals(r.subject())) into.add(what);
        if (r.onBehalfOf() != null && subject.equals(r.onBehalfOf().subject())) into.add(what + " for");
    }
}
