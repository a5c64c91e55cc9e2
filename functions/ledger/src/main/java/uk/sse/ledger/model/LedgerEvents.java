package uk.sse.ledger.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.sse.contracts.ledger.LedgerEvent;
import uk.sse.contracts.ledger.LedgerEvent.AccountOpened;
import uk.sse.contracts.ledger.LedgerEvent.TransferCreated;
import uk.sse.contracts.ledger.LedgerEvent.TransferPosted;
import uk.sse.contracts.ledger.LedgerEvent.TransferVoided;

/**
 * The events the ledger publishes for what it applied (docs/events.md, "Ledger"): written in the same transaction as
 * the change, so its stream carries both or neither. An extension of a hold publishes nothing.
 */
public final class LedgerEvents {

    private LedgerEvents() {}

    public static List<LedgerEvent> of(Result.Applied applied) {
        List<LedgerEvent> events = new ArrayList<>();
        for (Transfer t : applied.transfers()) {
            if (t.revision() == 0) {
                events.add(created(t));
            } else {
                resolved(t).ifPresent(events::add);
            }
        }
        return List.copyOf(events);
    }

    /**
     * Every event a transfer as it stands has published: its creation and, once resolved, its posting or voiding. For
     * transfers made before the ledger published events ({@code PublishHistoryCommand}); the same ids as when they
     * were made, so a consumer that saw them drops the repeats.
     */
    public static List<LedgerEvent> history(Transfer t) {
        List<LedgerEvent> events = new ArrayList<>();
        events.add(created(t));
        resolved(t).ifPresent(events::add);
        return List.copyOf(events);
    }

    private static TransferCreated created(Transfer t) {
        TransferState made = t.pending() ? TransferState.PENDING : TransferState.SINGLE_PHASE;
        return new TransferCreated(
                t.createdAt(),
                t.debit().area(),
                t.id().toString(),
                t.debit().toString(),
                t.credit().toString(),
                t.amount(),
                t.kind().name(),
                t.reference(),
                t.pending(),
                made.name(),
                t.timeout(),
                subject(t.requestedBy()));
    }

    private static Optional<LedgerEvent> resolved(Transfer t) {
        String area = t.debit().area();
        return Optional.ofNullable(
                switch (t.state()) {
                    case POSTED ->
                        new TransferPosted(
                                t.resolvedAt(),
                                area,
                                t.id().toString(),
                                t.debit().toString(),
                                t.credit().toString(),
                                t.amount(),
                                t.postedAmount(),
                                t.kind().name(),
                                subject(t.resolvedBy()));
                    case VOIDED ->
                        new TransferVoided(
                                t.resolvedAt(),
                                area,
                                t.id().toString(),
                                t.debit().toString(),
                                t.credit().toString(),
                                t.amount(),
                                t.kind().name(),
                                Requester.SWEEPER.equals(t.resolvedBy()),
                                subject(t.resolvedBy()));
                    default -> null; // still pending (an extension), or single-phase
                });
    }

    public static AccountOpened opened(Account account, Instant at) {
        return new AccountOpened(at, account.area(), account.id().toString(), account.owner(), account.issuing());
    }

    private static String subject(Requester requester) {
        return requester == null ? null : requester.subject();
    }
}
