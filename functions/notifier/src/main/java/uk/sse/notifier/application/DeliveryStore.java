package uk.sse.notifier.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.DeliveryStatus;
import uk.sse.notifier.model.EndpointHealth;
import uk.sse.notifier.model.Subscription;

/**
 * Where deliveries and their attempts are kept. A delivery's id is derived from its subscription's and event's ids,
 * and it is created on condition that the id is free, so one event never becomes two deliveries for a subscription.
 * While it waits for an attempt it sits in a due index the sweeper reads; while someone tries it, it is leased.
 */
public interface DeliveryStore {

    /** A delivery that is waiting, and when the sweeper may take it. */
    record Due(String id, Instant dueAt) {}

    /** What one attempt changes: the delivery (its new attempt logged), and the endpoint's health on {@code subscription}. */
    record AttemptWrite(Delivery delivery, Lease lease, Subscription subscription, EndpointHealth.Change health) {}

    /** Stores {@code delivery}, leased to its creator; false if a delivery of that id exists already. */
    boolean create(Delivery delivery, Lease lease);

    Optional<Delivery> find(String id);

    /** A page of a subscription's deliveries, newest first, of one status or all; empty if the cursor is not this listing's. */
    Optional<Page<Delivery>> ofSubscription(String subscriptionId, DeliveryStatus status, PageRequest page);

    /** Deliveries the sweeper may take at {@code now}, earliest first within each shard of the index, at most {@code limit}. */
    List<Due> due(Instant now, int limit);

    /** Leases a waiting delivery on condition that nobody took it since it was found due at {@code dueAt}. */
    Optional<Delivery> claim(String id, Instant dueAt, Lease lease);

    /**
     * Records an attempt: the delivery as it now stands, its attempt logged, on condition of the lease; and, when the
     * endpoint's health changes, the subscription too (with, on disabling, the {@code notifier.subscription.disabled}
     * event) in the same transaction. False if the lease was lost (the attempt is then appended to the log alone).
     */
    boolean record(AttemptWrite write);

    /** Hands a leased delivery back without an attempt, due at {@code dueAt} (held back by a rate limit). */
    boolean release(Delivery delivery, Lease lease, Instant dueAt);

    /** Cancels a leased delivery whose subscription no longer takes deliveries. */
    boolean cancel(Delivery delivery, Lease lease, String reason);

    /** Puts a finished delivery back on the schedule (a replay), leased to the replayer; false if it is not finished. */
    boolean restart(Delivery replayed, DeliveryStatus from, Lease lease);
}
