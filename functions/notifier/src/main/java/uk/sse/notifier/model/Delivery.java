package uk.sse.notifier.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One event for one subscription: its body as it will be sent on every attempt (a Slack message made when the event
 * arrived, or the envelope as stored), where it stands, when it is next due, and its attempts as they happened.
 * {@code attempts} counts every attempt ever made; {@code roundAttempts} those since it was made or last replayed, which
 * place it on the schedule; {@code log} keeps the last {@value #LOGGED} attempts (a round has at most eight, so that is
 * several replays' worth). A TEST delivery is a subscriber's test message: tried once, never retried, and it leaves the
 * endpoint's health alone. An EMAIL delivery is a notice emailed to one person through GOV.UK Notify: its
 * {@code subscriptionId} is {@code person:<subject>}, its body the email; it is retried as an event is.
 */
public record Delivery(
        String id,
        String subscriptionId,
        String eventId,
        String eventType,
        String area,
        Kind kind,
        String body,
        DeliveryStatus status,
        int attempts,
        int roundAttempts,
        Instant createdAt,
        Instant dueAt,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastReason,
        List<Attempt> log) {

    public static final int LOGGED = 50;

    public enum Kind {
        EVENT,
        TEST,
        EMAIL
    }

    public Delivery {
        log = log == null ? List.of() : List.copyOf(log);
    }

    /** A new delivery of {@code eventId}, due at once. */
    public static Delivery of(
            String subscriptionId, String eventId, String eventType, String area, Kind kind, String body, Instant now) {
        return new Delivery(
                WebhookIds.of(subscriptionId, eventId),
                subscriptionId,
                eventId,
                eventType,
                area,
                kind,
                body,
                DeliveryStatus.PENDING,
                0,
                0,
                now,
                now,
                null,
                null,
                null,
                List.of());
    }

    public Delivery dueAt(Instant due) {
        return new Delivery(
                id,
                subscriptionId,
                eventId,
                eventType,
                area,
                kind,
                body,
                status,
                attempts,
                roundAttempts,
                createdAt,
                due,
                lastAttemptAt,
                lastStatus,
                lastReason,
                log);
    }

    public Delivery cancelled(String reason) {
        return new Delivery(
                id,
                subscriptionId,
                eventId,
                eventType,
                area,
                kind,
                body,
                DeliveryStatus.CANCELLED,
                attempts,
                roundAttempts,
                createdAt,
                null,
                lastAttemptAt,
                lastStatus,
                reason,
                log);
    }

    /** After {@code attempt}: counted, logged (the oldest dropped beyond {@value #LOGGED}), and moved to {@code next}. */
    Delivery attempted(DeliveryStatus next, Attempt attempt) {
        List<Attempt> logged = new ArrayList<>(log);
        logged.add(attempt);
        List<Attempt> kept = logged.size() > LOGGED ? logged.subList(logged.size() - LOGGED, logged.size()) : logged;
        return new Delivery(
                id,
                subscriptionId,
                eventId,
                eventType,
                area,
                kind,
                body,
                next,
                attempts + 1,
                roundAttempts + 1,
                createdAt,
                attempt.nextAttemptAt(),
                attempt.at(),
                attempt.status(),
                attempt.reason(),
                kept);
    }

    Delivery replayed(Instant now) {
        return new Delivery(
                id,
                subscriptionId,
                eventId,
                eventType,
                area,
                kind,
                body,
                DeliveryStatus.PENDING,
                attempts,
                0,
                createdAt,
                now,
                lastAttemptAt,
                lastStatus,
                lastReason,
                log);
    }

    /** The last attempt, or null before the first. */
    public Attempt lastAttempt() {
        return log.isEmpty() ? null : log.get(log.size() - 1);
    }
}
