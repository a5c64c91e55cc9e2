package uk.sse.notifier.model;

import java.time.Instant;
import java.util.List;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * A webhook subscription of an area: where to POST, which event types, narrowed by {@link Filters}, in which
 * {@link Format}; its status (with why, when the notifier disabled it), since when its endpoint has been failing
 * (null while healthy), its signing secrets, and a version for optimistic locking.
 */
public record Subscription(
        String id,
        String area,
        String url,
        List<String> eventTypes,
        Filters filters,
        Format format,
        String description,
        SubscriptionStatus status,
        String statusReason,
        Instant statusChangedAt,
        Instant failingSince,
        SecretRing secrets,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Subscription {
        eventTypes = List.copyOf(eventTypes);
        filters = filters == null ? Filters.NONE : filters;
    }

    /** What a subscriber chooses; the rest is the notifier's. */
    public record Choice(String url, List<String> eventTypes, Filters filters, Format format, String description) {
        public Choice {
            eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
            filters = filters == null ? Filters.NONE : filters;
        }
    }

    public static Subscription of(String id, String area, Choice choice, SecretRing secrets, String by, Instant now) {
        return new Subscription(
                id,
                area,
                choice.url(),
                choice.eventTypes(),
                choice.filters(),
                choice.format(),
                choice.description(),
                SubscriptionStatus.ACTIVE,
                null,
                now,
                null,
                secrets,
                by,
                now,
                now,
                1);
    }

    public Choice choice() {
        return new Choice(url, eventTypes, filters, format, description);
    }

    /** An ACTIVE subscription of the event's area that asks for its type and whose filters let it through. */
    public boolean wants(EventEnvelope event, Taxonomy taxonomy) {
        return status == SubscriptionStatus.ACTIVE
                && area.equals(event.area())
                && eventTypes.contains(event.type())
                && filters.matches(event, taxonomy);
    }

    public Subscription chosen(Choice c, Instant now) {
        return new Subscription(
                id,
                area,
                c.url(),
                c.eventTypes(),
                c.filters(),
                c.format(),
                c.description(),
                status,
                statusReason,
                statusChangedAt,
                failingSince,
                secrets,
                createdBy,
                createdAt,
                now,
                version + 1);
    }

    public Subscription paused(Instant now) {
        return withStatus(SubscriptionStatus.PAUSED, null, now, failingSince);
    }

    /** Active again, healthy as far as anyone knows: the failing spell that disabled it is forgotten. */
    public Subscription resumed(Instant now) {
        return withStatus(SubscriptionStatus.ACTIVE, null, now, null);
    }

    public Subscription disabled(String reason, Instant now) {
        return withStatus(SubscriptionStatus.DISABLED, reason, now, failingSince);
    }

    public Subscription rotated(SecretRing ring, Instant now) {
        return new Subscription(
                id,
                area,
                url,
                eventTypes,
                filters,
                format,
                description,
                status,
                statusReason,
                statusChangedAt,
                failingSince,
                ring,
                createdBy,
                createdAt,
                now,
                version + 1);
    }

    private Subscription withStatus(SubscriptionStatus next, String reason, Instant now, Instant failing) {
        return new Subscription(
                id,
                area,
                url,
                eventTypes,
                filters,
                format,
                description,
                next,
                reason,
                now,
                failing,
                secrets,
                createdBy,
                createdAt,
                now,
                version + 1);
    }
}
