package uk.sse.notifier.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.notifier.application.Lease;
import uk.sse.notifier.model.Attempt;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.DeliveryStatus;
import uk.sse.notifier.model.Trigger;
import uk.sse.notifier.model.WebhookIds;

/**
 * Deliveries, with their log of attempts, as items and back; see {@link NotifierTable} for the keys. A delivery's {@code nextAttemptAt}
 * is when its next attempt is due; {@code dueAt} (a number, epoch ms, mirrored in the due index's sort key) is when the
 * sweeper may take it: the same, or while someone holds its lease, when the lease runs out.
 */
final class DeliveryItems {

    static final String ENTITY = "DELIVERY";
    static final String SK = "DELIVERY";
    static final String DUE_AT = "dueAt";
    static final String LEASE = "leaseToken";
    static final String STATUS = "status";
    static final String DUE_PK = Tables.indexPk(2);
    static final String DUE_SK = Tables.indexSk(2);

    private DeliveryItems() {}

    static String pk(String id) {
        return "DELIVERY#" + id;
    }

    static String listPk(String subscriptionId) {
        return "DELIVERIES#" + subscriptionId;
    }

    static String duePk(String id) {
        return "DUE#" + WebhookIds.shard(id, NotifierTable.DUE_SHARDS);
    }

    static String dueSk(Instant due, String id) {
        return Keys.millis(due) + "#" + id;
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(Tables.PK, AttributeValue.fromS(pk(id)), Tables.SK, AttributeValue.fromS(SK));
    }

    /** The item, leased to {@code lease} if given; due in the index while the delivery waits for an attempt. */
    static Map<String, AttributeValue> item(Delivery d, Lease lease, Duration keep) {
        Items i = Items.of(new HashMap<>(key(d.id())))
                .s("entity", ENTITY)
                .s(Tables.indexPk(1), listPk(d.subscriptionId()))
                .s(Tables.indexSk(1), Keys.millis(d.createdAt()) + "#" + d.id())
                .s("id", d.id())
                .s("subscriptionId", d.subscriptionId())
                .s("eventId", d.eventId())
                .s("eventType", d.eventType())
                .s("area", d.area())
                .s("kind", d.kind().name())
                .s("body", d.body())
                .s(STATUS, d.status().name())
                .n("attempts", d.attempts())
                .n("roundAttempts", d.roundAttempts())
                .s("createdAt", d.createdAt().toString())
                .s("nextAttemptAt", SubscriptionItems.text(d.dueAt()))
                .s("lastAttemptAt", SubscriptionItems.text(d.lastAttemptAt()))
                .n("lastStatus", d.lastStatus())
                .s("lastReason", d.lastReason())
                .maps("log", d.log(), DeliveryItems::attempt)
                .n("expiresAt", expiry(d, keep).getEpochSecond());
        if (d.status().scheduled()) {
            Instant due = lease != null ? lease.until() : d.dueAt();
            i.n(DUE_AT, due.toEpochMilli())
                    .s(DUE_PK, duePk(d.id()))
                    .s(DUE_SK, dueSk(due, d.id()))
                    .s(LEASE, lease == null ? null : lease.token());
        }
        return i.build();
    }

    static Delivery delivery(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        Long lastStatus = i.n("lastStatus");
        return new Delivery(
                i.s("id"),
                i.s("subscriptionId"),
                i.s("eventId"),
                i.s("eventType"),
                i.s("area"),
                Delivery.Kind.valueOf(i.s("kind")),
                i.s("body"),
                DeliveryStatus.valueOf(i.s(STATUS)),
                i.i("attempts"),
                i.i("roundAttempts"),
                Instant.parse(i.s("createdAt")),
                SubscriptionItems.instant(i.s("nextAttemptAt")),
                SubscriptionItems.instant(i.s("lastAttemptAt")),
                lastStatus == null ? null : lastStatus.intValue(),
                i.s("lastReason"),
                i.maps("log", DeliveryItems::attempt));
    }

    /** One attempt as an entry of the delivery's log. */
    static Items attempt(Attempt a) {
        return Items.builder()
                .n("number", a.number())
                .s("at", a.at().toString())
                .s("trigger", a.trigger().name())
                .s("destination", a.destination())
                .n("status", a.status())
                .n("latencyMillis", a.latencyMillis())
                .s("outcome", a.outcome().name())
                .s("reason", a.reason())
                .s("excerpt", a.excerpt())
                .s("nextAttemptAt", SubscriptionItems.text(a.nextAttemptAt()));
    }

    static Attempt attempt(Items i) {
        Long status = i.n("status");
        return new Attempt(
                i.i("number"),
                Instant.parse(i.s("at")),
                Trigger.valueOf(i.s("trigger")),
                i.s("destination"),
                status == null ? null : status.intValue(),
                i.n("latencyMillis"),
                Attempt.Outcome.valueOf(i.s("outcome")),
                i.s("reason"),
                i.s("excerpt"),
                SubscriptionItems.instant(i.s("nextAttemptAt")));
    }

    /** Kept {@code keep} after the latest thing that happened to it. */
    private static Instant expiry(Delivery d, Duration keep) {
        Instant latest = Stream.of(d.createdAt(), d.lastAttemptAt(), d.dueAt())
                .filter(t -> t != null)
                .max(Instant::compareTo)
                .orElseThrow();
        return latest.plus(keep);
    }
}
