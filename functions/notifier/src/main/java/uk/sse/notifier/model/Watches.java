package uk.sse.notifier.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.web.PagePaths;

/**
 * How an event changes what is watched of its request or offer ({@link Watch}). Pure. The answer is the watch after the
 * event: {@link Change.Keep} (nothing to change: an event already applied, or one that says nothing of dates),
 * {@link Change.Put} or {@link Change.Forget} (the request is closed, the offer no longer assured).
 */
public final class Watches {

    private Watches() {}

    public sealed interface Change {
        record Keep() implements Change {}

        record Put(Watch watch) implements Change {}

        record Forget(String key) implements Change {}
    }

    /** The key of what {@code e} is about, if it is about a request or an offer. */
    public static Optional<String> keyOf(EventEnvelope e) {
        Map<String, Object> d = e.data();
        if (d == null) {
            return Optional.empty();
        }
        if (e.type().startsWith("brokerage.")) {
            return e.type().startsWith("brokerage.reconciliation.") || e.type().equals(BrokerageEvent.HOLD_REFUSED)
                    ? Optional.empty()
                    : BrokerageEvents.request(e).map(r -> Watch.On.REQUEST.key(r.requestId()));
        }
        return DirectoryEvents.offer(e).map(o -> Watch.On.OFFER.key(o.offerId()));
    }

    public static Change apply(Watch current, EventEnvelope e) {
        Optional<String> key = keyOf(e);
        if (key.isEmpty()) {
            return new Change.Keep();
        }
        if (Watch.On.of(key.get()) == Watch.On.REQUEST) {
            return request(current, e, key.get());
        }
        DirectoryEvent.OfferChanged offer = DirectoryEvents.offer(e).orElseThrow(); // keyOf read it
        if (current != null && offer.version() <= current.version()) {
            return new Change.Keep();
        }
        if (!"APPROVED".equals(offer.status()) || offer.reviewDate() == null) {
            return current == null ? new Change.Keep() : new Change.Forget(key.get());
        }
        return new Change.Put(new Watch(
                key.get(),
                offer.version(),
                Watch.Stage.ASSURED,
                e.area(),
                "\u201c" + offer.title() + "\u201d",
                PagePaths.offer(offer.offerId()),
                offer.providerId(),
                null,
                offer.reviewDate(),
                null));
    }

    private static Change request(Watch current, EventEnvelope e, String key) {
        BrokerageEvent.Request r = BrokerageEvents.request(e).orElseThrow(); // keyOf read it
        if (current != null && r.version() <= current.version()) {
            return new Change.Keep();
        }
        Watch.Stage stage = switch (r.to()) {
            case "OPEN" -> Watch.Stage.WAITING;
            case "PROPOSED", "ACCEPTED" -> Watch.Stage.PROPOSED;
            case "AGREED", "IN_DELIVERY" -> Watch.Stage.ENGAGED;
            default -> null;
        };
        if (stage == null) {
            return current == null ? new Change.Keep() : new Change.Forget(key);
        }
        Optional<BrokerageEvent> event = BrokerageEvents.read(e);
        String provider = event.flatMap(BrokerageEvent::engagementIfAny)
                .map(BrokerageEvent.Engagement::providerId)
                .orElse(current == null ? null : current.organisation());
        LocalDate wantedBy = event.orElse(null) instanceof BrokerageEvent.RequestCreated c ? c.wantedBy() : null;
        return new Change.Put(new Watch(
                key,
                r.version(),
                stage,
                e.area(),
                r.schoolName() != null
                        ? r.schoolName()
                        : current != null ? current.name() : "the school with URN " + r.urn(),
                PagePaths.request(r.requestId()),
                provider,
                stage != Watch.Stage.WAITING
                        ? null
                        : current != null && current.waitingSince() != null ? current.waitingSince() : e.occurredAt(),
                wantedBy != null ? wantedBy : current == null ? null : current.dueBy(),
                r.urn()));
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }
}
