package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.Trigger;
import uk.sse.notifier.model.Verdict;

/**
 * The sweeper: finds the deliveries that are due (a retry whose time has come, one held back by a rate limit, one
 * whose sender died and whose lease ran out), claims each (so that two sweepers, or a sweeper and a stream handler,
 * never both send it), and attempts them side by side. A delivery claimed meanwhile by someone else is skipped.
 */
@Singleton
public class SendDueDeliveries {

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final AttemptDelivery attempt;
    private final Clock clock;
    private final Duration lease;
    private final int maxInFlight;

    public SendDueDeliveries(
            DeliveryStore deliveries,
            SubscriptionStore subscriptions,
            AttemptDelivery attempt,
            Clock clock,
            NotifierSettings settings) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.attempt = attempt;
        this.clock = clock;
        this.lease = settings.lease();
        this.maxInFlight = settings.maxInFlight();
    }

    /** What a sweep did: due found, attempted, of those delivered, held back again by a rate limit, cancelled. */
    public record Swept(int due, int attempted, int delivered, int deferred, int cancelled, Instant at) {}

    /** Attempts up to {@code max} due deliveries. */
    public Swept sweep(int max) {
        Instant now = clock.instant();
        List<DeliveryStore.Due> due = deliveries.due(now, max);
        Map<String, Optional<Subscription>> seen = new ConcurrentHashMap<>();
        AtomicInteger attempted = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger deferred = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        List<Runnable> sends = new ArrayList<>();
        for (DeliveryStore.Due d : due) {
            sends.add(() -> {
                Lease held = Lease.fresh(clock.instant(), lease);
                Optional<Delivery> claimed = deliveries.claim(d.id(), d.dueAt(), held);
                if (claimed.isEmpty()) {
                    return;
                }
                Subscription s = claimed.get().kind() == Delivery.Kind.EMAIL
                        ? null
                        : seen.computeIfAbsent(claimed.get().subscriptionId(), subscriptions::find)
                                .orElse(null);
                switch (attempt.attempt(claimed.get(), held, s, Trigger.SWEEP)) {
                    case AttemptDelivery.Result.Attempted a -> {
                        attempted.incrementAndGet();
                        if (a.verdict() instanceof Verdict.Delivered) {
                            delivered.incrementAndGet();
                        }
                    }
                    case AttemptDelivery.Result.Deferred x -> deferred.incrementAndGet();
                    case AttemptDelivery.Result.Cancelled x -> cancelled.incrementAndGet();
                    case AttemptDelivery.Result.LeaseLost x -> {}
                }
            });
        }
        Parallel.run(sends, maxInFlight);
        return new Swept(due.size(), attempted.get(), delivered.get(), deferred.get(), cancelled.get(), now);
    }
}
