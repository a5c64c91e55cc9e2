package uk.sse.notifier.model;

import java.time.Instant;

/**
 * One event for one subscription: its body as it will be sent on every attempt (a Slack message made when the event
 * arrived, or the envelope as stored), where it stands, and when it is next due. {@code attempts} counts every
 * attempt ever made; {@code roundAttempts} those since it was made or last replayed, which place it on the schedule.
 * A TEST delivery is a subscriber's test message: tried once, never retried, and it leaves the endpoint's health alone.
 */
public record Delivery(String id, String subscriptionId, String eventId, String eventType, String area, Kind kind,
                       String body, DeliveryStatus status, int attempts, int roundAttempts, Instant createdAt,
                       Instant dueAt, Instant lastAttemptAt, Integer lastStatus, String lastReason) {

    public enum Kind { EVENT, TEST }

    /** A new delivery of {@code eventId}, due at once. */
    public static Delivery of(String subscriptionId, String eventId, String eventType, String area, Kind kind, String body, Instant now) {
        return new Delivery(WebhookIds.of(subscriptionId, eventId), subscriptionId, eventId, eventType, area, kind, body,
                DeliveryStatus.PENDING, 0, 0, now, now, null, null, null);
    }

    public Delivery dueAt(Instant due) {
        return new Delivery(id, subscriptionId, eventId, eventType, area, kind, body, status, attempts, roundAttempts,
                createdAt, due, lastAttemptAt, lastStatus, lastReason);
    }

    public Delivery cancelled(String reason) {
        return new Delivery(id, subscriptionId, eventId, eventType, area, kind, body, DeliveryStatus.CANCELLED, attempts,
                roundAttempts, createdAt, null, lastAttemptAt, lastStatus, reason);
    }

    Delivery attempted(DeliveryStatus next, Instant due, Instant at, Integer status, String reason) {
        return new Delivery(id, subscriptionId, eventId, eventType, area, kind, body, next, attempts + 1, roundAttempts + 1,
                createdAt, due, at, status, reason);
    }

    Delivery replayed(Instant now) {
        return new Delivery(id, subscriptionId, eventId, eventType, area, kind, body, DeliveryStatus.PENDING, attempts, 0,
                createdAt, now, lastAttemptAt, lastStatus, lastReason);
    }
}
