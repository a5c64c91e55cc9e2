package uk.sse.ledger.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    private LedgerEvents() { }

    public static List<LedgerEvent> of(Result.Applied applied) {
        List<LedgerEvent> events = new ArrayList<>();
        for (Transfer t : applied.transfers()) {
            String area = t.debit().area();
            if (t.revision() == 0) {
                events.add(new TransferCreated(t.createdAt(), area, t.id().toString(), t.debit().toString(),
                        t.credit().toString(), t.amount(), t.kind().name(), t.reference(), t.pending(), t.state().name(),
                        t.timeout(), subject(t.requestedBy())));
            } else if (t.state() == TransferState.POSTED) {
                events.add(new TransferPosted(t.resolvedAt(), area, t.id().toString(), t.debit().toString(),
                        t.credit().toString(), t.amount(), t.postedAmount(), t.kind().name(), subject(t.resolvedBy())));
            } else if (t.state() == TransferState.VOIDED) {
                events.add(new TransferVoided(t.resolvedAt(), area, t.id().toString(), t.debit().toString(),
                        t.credit().toString(), t.amount(), t.kind().name(), Requester.SWEEPER.equals(t.resolvedBy()),
                        subject(t.resolvedBy())));
            }
        }
        return List.copyOf(events);
    }

    public static AccountOpened opened(Account account, Instant at) {
        return new AccountOpened(at, account.area(), account.id().toString(), account.owner(), account.issuing());
    }

    private static String subject(Requester requester) {
        return requester == null ? null : requester.subject();
    }
}
