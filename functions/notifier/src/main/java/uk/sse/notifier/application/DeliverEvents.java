package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.correlation.Correlated;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.Format;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.Trigger;

/**
 * Fans events out: each event becomes one delivery per ACTIVE subscription of its area that wants it, made on
 * condition that no delivery of that event exists for that subscription (a repeated stream record finds it there and
 * makes nothing), then tried at once; deliveries are made and tried side by side. A record whose deliveries could not
 * all be stored is reported failed, to come again; one whose attempt failed is not: its retries are the sweeper's.
 */
@Singleton
public class DeliverEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverEvents.class);

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final AttemptDelivery attempt;
    private final Bodies bodies;
    private final Clock clock;
    private final Duration lease;
    private final int maxInFlight;
    private final Correlated correlated;

    public DeliverEvents(
            SubscriptionStore subscriptions,
            DeliveryStore deliveries,
            AttemptDelivery attempt,
            Bodies bodies,
            Clock clock,
            NotifierSettings settings,
            Correlated correlated) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.attempt = attempt;
        this.bodies = bodies;
        this.clock = clock;
        this.lease = settings.lease();
        this.maxInFlight = settings.maxInFlight();
        this.correlated = correlated;
    }

    /** An event from a stream record: the record's id, the envelope, and its JSON text as stored. */
    public record Incoming(String recordId, EventEnvelope event, String storedJson) {}

    /** What came of a batch: the ids of the records to deliver again, and how many deliveries were made. */
    public record Outcome(List<String> failedRecords, int made, int duplicates) {}

    public Outcome deliver(List<Incoming> events) {
        Map<String, List<Subscription>> byArea = new HashMap<>();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        List<Runnable> jobs = new ArrayList<>();
        AtomicInteger made = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        for (Incoming in : events) {
            List<Subscription> candidates;
            try {
                candidates = byArea.computeIfAbsent(in.event().area(), subscriptions::allInArea);
            } catch (RuntimeException unreadable) {
                LOG.warn(
                        "cannot read the subscriptions of area {}: {}",
                        in.event().area(),
                        unreadable.toString());
                failed.add(in.recordId());
                continue;
            }
            Map<Format, String> body = new EnumMap<>(Format.class);
            for (Subscription s : candidates) {
                if (s.wants(in.event(), Taxonomy.standard())) {
                    String text = body.computeIfAbsent(s.format(), f -> bodies.of(f, in.event(), in.storedJson()));
                    // each job runs on a thread of its own: it logs under the correlation id of the request that made
                    // the event
                    jobs.add(() -> correlated.during(
                            in.event().correlationId(), () -> makeAndSend(in, s, text, made, duplicates, failed)));
                }
            }
        }
        // each delivery is made and tried in a job of its own, side by side: one slow endpoint does not hold up the
        // rest
        Parallel.run(jobs, maxInFlight);
        List<String> inOrder = events.stream()
                .map(Incoming::recordId)
                .filter(failed::contains)
                .distinct()
                .toList();
        return new Outcome(inOrder, made.get(), duplicates.get());
    }

    private void makeAndSend(
            Incoming in,
            Subscription s,
            String body,
            AtomicInteger made,
            AtomicInteger duplicates,
            Set<String> failed) {
        Instant now = clock.instant();
        Delivery d = Delivery.of(
                s.id(), in.event().id(), in.event().type(), in.event().area(), Delivery.Kind.EVENT, body, now);
        Lease held = Lease.fresh(now, lease);
        try {
            if (!deliveries.create(d, held)) {
                duplicates.incrementAndGet();
                return;
            }
        } catch (RuntimeException notStored) {
            LOG.warn("cannot store the delivery of {} to {}: {}", in.event().id(), s.id(), notStored.toString());
            failed.add(in.recordId());
            return;
        }
        made.incrementAndGet();
        AttemptDelivery.Result result = attempt.attempt(d, held, s, Trigger.STREAM);
        LOG.info(
                "event {} ({}) to subscription {}: {}",
                in.event().id(),
                in.event().type(),
                s.id(),
                outcome(result));
    }

    /** The attempt's outcome in a word or two, for the log line (never the body, nor the URL). */
    private static String outcome(AttemptDelivery.Result result) {
        return switch (result) {
            case AttemptDelivery.Result.Attempted a ->
                "attempted, " + a.verdict().getClass().getSimpleName().toLowerCase();
            case AttemptDelivery.Result.Deferred d -> "deferred to " + d.dueAt();
            case AttemptDelivery.Result.Cancelled c -> "cancelled";
            case AttemptDelivery.Result.LeaseLost l -> "lease lost";
        };
    }
}
