package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.util.List;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.notifier.model.Attempt;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.DeliveryStatus;
import uk.sse.notifier.model.Subscription;

/** Subscriptions and their deliveries, to the area's brokers and admins; to anyone else they do not exist. */
@Singleton
public class ReadSubscriptions {

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;

    public ReadSubscriptions(SubscriptionStore subscriptions, DeliveryStore deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    /** A delivery with the attempts made at it (the last {@value Delivery#LOGGED}), oldest first. */
    public record Traced(Delivery delivery, List<Attempt> attempts) {}

    public Outcome<Subscription> one(Caller caller, String id) {
        return subscriptions
                .find(id)
                .filter(s -> SubscriptionPolicy.manages(caller, s))
                .map(Outcome::done)
                .orElseGet(() -> Outcome.notFound("subscription " + id));
    }

    /** The caller's area's subscriptions. */
    public Outcome<Page<Subscription>> ofArea(Caller caller, PageRequest page) {
        if (!SubscriptionPolicy.managesArea(caller, caller.area())) {
            return Outcome.forbidden("only an area's brokers and admins see its subscriptions");
        }
        return subscriptions
                .inArea(caller.area(), page)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.invalid("cursor", "is not a cursor this listing gave"));
    }

    public Outcome<Page<Delivery>> deliveries(
            Caller caller, String subscriptionId, DeliveryStatus status, PageRequest page) {
        return one(caller, subscriptionId)
                .flatMap(s -> deliveries
                        .ofSubscription(s.id(), status, page)
                        .map(Outcome::done)
                        .orElseGet(() -> Outcome.invalid("cursor", "is not a cursor this listing gave")));
    }

    public Outcome<Traced> delivery(Caller caller, String subscriptionId, String deliveryId) {
        return one(caller, subscriptionId)
                .flatMap(s -> deliveries
                        .find(deliveryId)
                        .filter(d -> d.subscriptionId().equals(s.id()))
                        .map(d -> Outcome.done(new Traced(d, d.log())))
                        .orElseGet(() -> Outcome.notFound("delivery " + deliveryId)));
    }
}
