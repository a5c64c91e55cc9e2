package uk.sse.notifier.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** How a delivery moves: after an attempt (by its verdict and the schedule), and on a replay. */
public final class DeliveryProgress {

    private DeliveryProgress() {}

    /** The delivery after an attempt at {@code at}, and the attempt as recorded. */
    public record Attempted(Delivery delivery, Attempt attempt) {}

    public static Attempted after(
            Delivery d,
            Trigger trigger,
            String destination,
            SendResult result,
            Verdict verdict,
            Instant at,
            RetrySchedule schedule,
            RandomGenerator random) {
        Integer status = result instanceof SendResult.Answered a ? a.status() : null;
        String excerpt = result instanceof SendResult.Answered a ? a.excerpt() : null;
        Optional<Duration> retryAfter =
                result instanceof SendResult.Answered a ? RetryAfter.parse(a.retryAfter(), at) : Optional.empty();
        DeliveryStatus next;
        Attempt.Outcome outcome;
        Instant due = null;
        switch (verdict) {
            case Verdict.Delivered ok -> {
                next = DeliveryStatus.DELIVERED;
                outcome = Attempt.Outcome.DELIVERED;
            }
            case Verdict.Disable gone -> {
                next = DeliveryStatus.FAILED;
                outcome = d.kind() == Delivery.Kind.TEST ? Attempt.Outcome.FAILED : Attempt.Outcome.ENDPOINT_DISABLED;
            }
            case Verdict.Retry again -> {
                due = d.kind() == Delivery.Kind.TEST
                        ? null
                        : schedule.next(d.roundAttempts() + 1, at, retryAfter, random)
                                .orElse(null);
                next = due != null ? DeliveryStatus.RETRYING : DeliveryStatus.FAILED;
                outcome = due != null ? Attempt.Outcome.RETRY_SCHEDULED : Attempt.Outcome.FAILED;
            }
        }
        Attempt attempt = new Attempt(
                d.attempts() + 1,
                at,
                trigger,
                destination,
                status,
                result.latencyMillis(),
                outcome,
                verdict.reason(),
                excerpt,
                due);
        return new Attempted(d.attempted(next, attempt), attempt);
    }

    /**
     * The attempt that disabled its endpoint (its failing spell grew too long) ends its delivery too: nothing more will be
     * sent to a disabled endpoint, so the delivery fails now rather than wait to be cancelled.
     */
    public static Attempted endpointDisabled(Attempted a, String reason) {
        Delivery d = a.delivery();
        if (!d.status().scheduled()) {
            return a;
        }
        Attempt t = a.attempt();
        Attempt stopped = new Attempt(
                t.number(),
                t.at(),
                t.trigger(),
                t.destination(),
                t.status(),
                t.latencyMillis(),
                Attempt.Outcome.ENDPOINT_DISABLED,
                reason,
                t.excerpt(),
                null);
        List<Attempt> log = new java.util.ArrayList<>(d.log());
        log.set(log.size() - 1, stopped);
        Delivery failed = new Delivery(
                d.id(),
                d.subscriptionId(),
                d.eventId(),
                d.eventType(),
                d.area(),
                d.kind(),
                d.body(),
                DeliveryStatus.FAILED,
                d.attempts(),
                d.roundAttempts(),
                d.createdAt(),
                null,
                d.lastAttemptAt(),
                d.lastStatus(),
                reason,
                log);
        return new Attempted(failed, stopped);
    }

    /** Why a delivery may not be replayed now, or empty: one still on its schedule is already coming. */
    public static Optional<String> problemReplaying(Delivery d) {
        if (d.status().scheduled()) {
            return Optional.of(
                    "delivery " + d.id() + " is " + d.status() + "; its next attempt is due at " + d.dueAt());
        }
        if (d.kind() == Delivery.Kind.TEST) {
            return Optional.of("a test message is not replayed; send another");
        }
        return Optional.empty();
    }

    /** A replay starts a new round of the schedule, due at once, with the same id and body. */
    public static Delivery replay(Delivery d, Instant now) {
        return d.replayed(now);
    }
}
