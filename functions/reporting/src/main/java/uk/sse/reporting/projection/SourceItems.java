package uk.sse.reporting.projection;

import jakarta.inject.Singleton;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.reporting.model.Change;
import uk.sse.reporting.model.EventData;
import uk.sse.reporting.model.RequestHistory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What an item of a source table tells the read model. The read model is fed three tables' streams and reads only:
 * <ul>
 *   <li>event items ({@code entity = EVENT}, docs/events.md): brokerage events, and the directory's offer events;</li>
 *   <li>the directory's school profiles ({@code SCHOOL#urn / PROFILE});</li>
 *   <li>the ledger's accounts ({@code ACCOUNT#id / ACCOUNT}) and transfers ({@code TRANSFER#id / TRANSFER}), whose
 *       attributes are the ledger's item layout (its {@code LedgerItems}).</li>
 * </ul>
 * Anything else (the publishers' other state, entries, idempotency keys) is not for reporting.
 */
@Singleton
public class SourceItems {

    /** An item is a change, none of the read model's business, or one it should read but cannot. */
    public sealed interface Read {
        record Changed(Change change) implements Read { }

        record Ignored() implements Read { }

        record Unreadable(String why) implements Read { }
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
        if (pk.startsWith("SCHOOL#") && "PROFILE".equals(sk) && "SCHOOL".equals(item.s("entity"))) {
            return school(item, observedAt);
        }
        if (pk.startsWith("ACCOUNT#") && "ACCOUNT".equals(sk)) {
            return account(item);
        }
        if (pk.startsWith("TRANSFER#") && "TRANSFER".equals(sk)) {
            return transfer(item);
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
            return RequestHistory.defectOf(e).<Read>map(why -> new Read.Unreadable(e.id() + ": " + why))
                    .orElseGet(() -> new Read.Changed(new Change.BrokerageEvent(e, text)));
        }
        if (e.type().startsWith("directory.offer.")) {
            return offer(e);
        }
        return IGNORED;
    }

    private static Read offer(EventEnvelope e) {
        var d = e.data();
        String offerId = EventData.text(d, "offerId");
        Long version = EventData.whole(d, "version");
        String providerId = EventData.text(d, "providerId");
        String providerName = EventData.text(d, "providerName");
        String providerType = EventData.text(d, "providerType");
        String title = EventData.text(d, "title");
        String status = EventData.text(d, "status");
        if (offerId == null || version == null || providerId == null || providerName == null || providerType == null
                || title == null || status == null) {
            return new Read.Unreadable(e.id() + ": an offer event without its offer, version, provider, title or status");
        }
        return new Read.Changed(new Change.OfferVersion(e.id(), offerId, version, e.area(), providerId, providerName,
                providerType, title, status, EventData.texts(d, "areasOfSupport"), EventData.whole(d, "priceCredits"),
                e.occurredAt()));
    }

    private static Read school(ItemView item, Instant observedAt) {
        String urn = item.s("urn");
        String name = item.s("name");
        if (urn == null || name == null) {
            return new Read.Unreadable("a school item without urn or name: " + item.s("pk"));
        }
        return new Read.Changed(new Change.SchoolProfile(urn, name, item.s("laCode"), item.s("laName"), item.s("phase"), observedAt));
    }

    private static Read account(ItemView item) {
        String id = item.s("account");
        String area = item.s("area");
        String owner = item.s("owner");
        if (id == null || area == null || owner == null || item.n("version") == null) {
            return new Read.Unreadable("an account item without id, area, owner or version: " + item.s("pk"));
        }
        return new Read.Changed(new Change.LedgerAccount(id, area, owner, Boolean.TRUE.equals(item.bool("issuing")),
                whole(item, "debitsPosted"), whole(item, "creditsPosted"), whole(item, "debitsPending"),
                whole(item, "creditsPending"), whole(item, "version")));
    }

    private static Read transfer(ItemView item) {
        String id = item.s("id");
        String area = item.s("area");
        String debit = item.s("debit");
        String credit = item.s("credit");
        String kind = item.s("kind");
        String state = item.s("state");
        String created = item.s("createdAt");
        if (id == null || area == null || debit == null || credit == null || kind == null || state == null || created == null
                || item.n("amount") == null) {
            return new Read.Unreadable("a transfer item without id, area, accounts, kind, state, amount or creation time: " + item.s("pk"));
        }
        return new Read.Changed(new Change.LedgerTransfer(id, area, debit, credit, whole(item, "amount"), kind,
                Boolean.TRUE.equals(item.bool("pending")), state, whole(item, "postedAmount"), instant(created),
                instant(item.s("resolvedAt"))));
    }

    private static long whole(ItemView item, String name) {
        String n = item.n(name);
        return n == null ? 0 : new BigDecimal(n).longValueExact();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 instant: " + text, e);
        }
    }
}
