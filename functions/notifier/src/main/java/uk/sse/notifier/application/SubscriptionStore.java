package uk.sse.notifier.application;

import java.util.List;
import java.util.Optional;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.idempotency.PriorRequest;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.notifier.model.Subscription;

/** Where subscriptions are kept, their signing secrets sealed. */
public interface SubscriptionStore {

    /** Stores a new subscription, claiming {@code key} (if any) in the same write; false if the key was claimed meanwhile. */
    boolean create(Subscription subscription, IdempotencyKey key);

    Optional<Subscription> find(String id);

    Optional<PriorRequest> priorRequest(IdempotencyKey key);

    /** A page of the area's subscriptions, oldest first; empty if the cursor is not this listing's. */
    Optional<Page<Subscription>> inArea(String area, PageRequest page);

    /** Every subscription of the area, for fanning an event out. */
    List<Subscription> allInArea(String area);

    /** Writes {@code subscription} on condition that the stored version is one less; false if it is not (or it is gone). */
    boolean update(Subscription subscription);

    /** Deletes it on condition that the stored version is {@code version}; false if not. */
    boolean delete(String id, long version);
}
