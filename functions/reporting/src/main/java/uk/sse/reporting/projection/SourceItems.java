package uk.sse.reporting.projection;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import uk.sse.contracts.Fields;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.contracts.directory.PublishedItems;
import uk.sse.contracts.directory.PublishedSchool;
import uk.sse.contracts.ledger.LedgerEvent;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.reporting.model.Change;
import uk.sse.reporting.model.RequestHistory;

/**
 * What an item of a source table tells the read model. The read model is fed three tables' streams and reads only:
 * <ul>
 *   <li>event items ({@code entity = EVENT}, docs/events.md): brokerage events, and the directory's offer events and
 *       the ledger's account and transfer events, read as their producers' contracts ({@link DirectoryEvent},
 *       {@link LedgerEvent});</li>
 *   <li>the directory's published schools ({@link PublishedItems.Kind#SCHOOL}), read as {@link PublishedSchool}.</li>
 * </ul>
 * Anything else (the publishers' other state, entries, idempotency keys) is not for reporting.
 */
@Singleton
public class SourceItems {

    /** An item is a change, none of the read model's business, or one it should read but cannot. */
    public sealed interface Read {
        record Changed(Change change) implements Read {}

        record Ignored() implements Read {}

        record Unreadable(String why) implements Read {}
    }

    private static final Read IGNORED = new Read.Ignored();

    private final EventJson json;

    public SourceItems(EventJson json) {
        this.json = json;
    }

    Read read(ItemView item, Instant observedAt) {
        try {
            return classify(item, observedAt);
        } catch (RuntimeException malformed) { // a number that is not one, a time that is not ISO-8601
            return new Read.Unreadable(malformed.toString());
        }
    }

    private Read classify(ItemView item, Instant observedAt) {
        String pk = item.s("pk");
        String sk = item.s("sk");
        if (pk == null || sk == null) {
            return IGNORED;
        }
        if (EventItems.ENTITY.equals(item.s("entity"))) {
            return event(item.s(EventItems.ENVELOPE));
        }
        if (PublishedItems.kindOf(item.s(PublishedItems.ENTITY), sk)
                .filter(PublishedItems.Kind.SCHOOL::equals)
                .isPresent()) {
            return school(item, observedAt);
        }
        return IGNORED;
    }

    private Read event(String text) {
        Optional<EventEnvelope> read = json.read(text);
        if (read.isEmpty()) {
            return new Read.Unreadable("an event item whose envelope cannot be read");
        }
        EventEnvelope e = read.get();
        if (e.type().startsWith(RequestHistory.PREFIX)) {
            return RequestHistory.defectOf(e)
                    .<Read>map(why -> new Read.Unreadable(e.id() + ": " + why))
                    .orElseGet(() -> new Read.Changed(new Change.BrokerageEvent(e, text)));
        }
        try {
            Optional<DirectoryEvent> directory = DirectoryEvent.read(e.type(), e.occurredAt(), e.area(), e.data());
            if (directory.isPresent()) {
                return directory.get() instanceof DirectoryEvent.OfferChanged o ? offer(e.id(), o) : IGNORED;
            }
            return LedgerEvent.read(e.type(), e.occurredAt(), e.area(), e.data())
                    .map(SourceItems::ledger)
                    .orElse(IGNORED);
        } catch (Fields.Unreadable unreadable) {
            return new Read.Unreadable(e.id() + ": " + unreadable.getMessage());
        }
    }

    /** An account as opened; a transfer as created, posted or voided (each converges on the most resolved state). */
    private static Read ledger(LedgerEvent event) {
        return new Read.Changed(
                switch (event) {
                    case LedgerEvent.AccountOpened o ->
                        new Change.LedgerAccount(o.account(), o.area(), o.owner(), o.issuing());
                    case LedgerEvent.TransferCreated c ->
                        new Change.LedgerTransfer(
                                c.transfer(),
                                c.area(),
                                c.debit(),
                                c.credit(),
                                c.amount(),
                                c.kind(),
                                c.pending(),
                                c.state(),
                                0,
                                c.occurredAt(),
                                null);
                    case LedgerEvent.TransferPosted p ->
                        new Change.LedgerTransfer(
                                p.transfer(),
                                p.area(),
                                p.debit(),
                                p.credit(),
                                p.amount(),
                                p.kind(),
                                true,
                                "POSTED",
                                p.posted(),
                                null,
                                p.occurredAt());
                    case LedgerEvent.TransferVoided v ->
                        new Change.LedgerTransfer(
                                v.transfer(),
                                v.area(),
                                v.debit(),
                                v.credit(),
                                v.amount(),
                                v.kind(),
                                true,
                                "VOIDED",
                                0,
                                null,
                                v.occurredAt());
                });
    }

    private static Read offer(String eventId, DirectoryEvent.OfferChanged o) {
        return new Read.Changed(new Change.OfferVersion(
                eventId,
                o.offerId(),
                o.version(),
                o.area(),
                o.providerId(),
                o.providerName(),
                o.providerType(),
                o.title(),
                o.status(),
                o.areasOfSupport(),
                o.priceCredits(),
                o.occurredAt()));
    }

    private static Read school(ItemView item, Instant observedAt) {
        try {
            PublishedSchool s = PublishedSchool.from(item.attributes());
            return new Read.Changed(
                    new Change.SchoolProfile(s.urn(), s.name(), s.laCode(), s.laName(), s.phase(), observedAt));
        } catch (Fields.Unreadable unreadable) {
            return new Read.Unreadable(item.s("pk") + ": " + unreadable.getMessage());
        }
    }
}
