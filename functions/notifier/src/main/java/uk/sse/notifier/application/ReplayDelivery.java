package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.DeliveryProgress;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.SubscriptionStatus;
import uk.sse.notifier.model.Trigger;

/**
 * Sends a finished delivery (failed, cancelled, or delivered and wanted again) once more: the same body and the same
 * {@code webhook-id}, so a receiver that had it already can tell. The first attempt is made at once; if it fails, the
 * schedule takes over from the start.
 */
@Singleton
public class ReplayDelivery {

    private final ReadSubscriptions read;
    private final DeliveryStore deliveries;
    private final AttemptDelivery attempt;
    private final Clock clock;
    private final Duration lease;

    public ReplayDelivery(
            ReadSubscriptions read,
            DeliveryStore deliveries,
            AttemptDelivery attempt,
            Clock clock,
            NotifierSettings settings) {
        this.read = read;
        this.deliveries = deliveries;
        this.attempt = attempt;
        this.clock = clock;
        this.lease = settings.lease();
    }

    public Outcome<ReadSubscriptions.Traced> replay(Caller caller, String subscriptionId, String deliveryId) {
        Outcome<Subscription> found = read.one(caller, subscriptionId);
        if (!(found instanceof Outcome.Done<Subscription> done)) {
            return found.map(s -> null);
        }
        Subscription s = done.value();
        if (s.status() != SubscriptionStatus.ACTIVE) {
            return Outcome.conflict(
                    "subscription " + s.id() + " is " + s.status() + "; resume it first", List.of("resume"));
        }
        Optional<Delivery> delivery =
                deliveries.find(deliveryId).filter(d -> d.subscriptionId().equals(s.id()));
        if (delivery.isEmpty()) {
            return Outcome.notFound("delivery " + deliveryId);
        }
        Delivery d = delivery.get();
        Optional<String> problem = DeliveryProgress.problemReplaying(d);
        if (problem.isPresent()) {
            return Outcome.conflict(problem.get(), List.of());
        }
        Instant now = clock.instant();
        Delivery again = DeliveryProgress.replay(d, now);
        Lease held = Lease.fresh(now, lease);
        if (!deliveries.restart(again, d.status(), held)) {
            return Outcome.conflict("delivery " + deliveryId + " changed meanwhile; read it again", List.of());
        }
        attempt.attempt(again, held, s, Trigger.REPLAY);
        return read.delivery(caller, subscriptionId, deliveryId);
    }
}
