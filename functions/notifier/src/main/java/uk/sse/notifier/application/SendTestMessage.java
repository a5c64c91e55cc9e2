package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.SubscriptionEvent;
import uk.sse.notifier.model.Trigger;

/**
 * A test message ({@code notifier.subscription.test}) to a subscription's URL, signed like any other, sent at once,
 * whatever the subscription's status (one may test an endpoint before resuming it). It is recorded as a delivery
 * of its own, is never retried, and does not count towards the endpoint's health.
 */
@Singleton
public class SendTestMessage {

    private final ReadSubscriptions read;
    private final DeliveryStore deliveries;
    private final AttemptDelivery attempt;
    private final Bodies bodies;
    private final Clock clock;
    private final Duration lease;

    public SendTestMessage(
            ReadSubscriptions read,
            DeliveryStore deliveries,
            AttemptDelivery attempt,
            Bodies bodies,
            Clock clock,
            NotifierSettings settings) {
        this.read = read;
        this.deliveries = deliveries;
        this.attempt = attempt;
        this.bodies = bodies;
        this.clock = clock;
        this.lease = settings.lease();
    }

    public Outcome<ReadSubscriptions.Traced> send(Caller caller, String subscriptionId) {
        Outcome<Subscription> found = read.one(caller, subscriptionId);
        if (!(found instanceof Outcome.Done<Subscription> done)) {
            return found.map(s -> null);
        }
        Subscription s = done.value();
        Instant now = clock.instant();
        EventEnvelope test =
                new SubscriptionEvent.Test(s.id(), s.area(), caller.subject(), Ids.newId("tst", clock), now).envelope();
        Delivery d = Delivery.of(
                s.id(), test.id(), test.type(), s.area(), Delivery.Kind.TEST, bodies.of(s.format(), test, null), now);
        Lease held = Lease.fresh(now, lease);
        if (!deliveries.create(d, held)) {
            return Outcome.conflict("a test message of that id exists already; send another", List.of());
        }
        attempt.attempt(d, held, s, Trigger.TEST);
        return read.delivery(caller, subscriptionId, d.id());
    }
}
