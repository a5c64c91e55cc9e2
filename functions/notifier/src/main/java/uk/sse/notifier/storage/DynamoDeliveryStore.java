package uk.sse.notifier.storage;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import uk.sse.kernel.dynamo.Cursors;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.application.DeliveryStore;
import uk.sse.notifier.application.Lease;
import uk.sse.notifier.model.Attempt;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.DeliveryStatus;
import uk.sse.notifier.model.EndpointHealth;
import uk.sse.notifier.model.SubscriptionStatus;

/**
 * Deliveries in the notifier's table. Making one is a put on condition that its id is free; every later write is
 * conditioned on the lease its writer holds (or, for a claim, on the due time it was found with). An attempt is one
 * conditional put of the delivery with the attempt in its log; when it changes the endpoint's health, one transaction
 * of that put and the subscription's change (with, on disabling, its event).
 */
@Singleton
public class DynamoDeliveryStore implements DeliveryStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDeliveryStore.class);

    private final DynamoDbClient client;
    private final String table;
    private final EventJson events;
    private final Duration keep;

    public DynamoDeliveryStore(
            DynamoDbClient client, NotifierTable table, EventJson events, NotifierSettings settings) {
        this.client = client;
        this.table = table.name();
        this.events = events;
        this.keep = settings.keepDeliveries();
    }

    @Override
    public boolean create(Delivery d, Lease lease) {
        return conditionalPut(DeliveryItems.item(d, lease, keep), "attribute_not_exists(pk)", Map.of(), Map.of());
    }

    @Override
    public Optional<Delivery> find(String id) {
        var response = client.getItem(
                b -> b.tableName(table).key(DeliveryItems.key(id)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(DeliveryItems.delivery(response.item()))
                : Optional.empty();
    }

    @Override
    public Optional<Page<Delivery>> ofSubscription(String subscriptionId, DeliveryStatus status, PageRequest page) {
        String pk = DeliveryItems.listPk(subscriptionId);
        return Cursors.startKey(page.cursor(), key -> pk.equals(Pages.s(key, Tables.indexPk(1))))
                .map(start -> {
                    QueryRequest.Builder query = QueryRequest.builder()
                            .tableName(table)
                            .indexName(NotifierTable.AREA_INDEX)
                            .keyConditionExpression("gsi1pk = :pk")
                            .scanIndexForward(false)
                            .limit(page.limit())
                            .exclusiveStartKey(start.orElse(null));
                    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(pk)));
                    if (status != null) {
                        query.filterExpression("#status = :status")
                                .expressionAttributeNames(Map.of("#status", DeliveryItems.STATUS));
                        values.put(":status", AttributeValue.fromS(status.name()));
                    }
                    QueryResponse response =
                            client.query(query.expressionAttributeValues(values).build());
                    return new Page<>(
                            response.items().stream()
                                    .map(DeliveryItems::delivery)
                                    .toList(),
                            response.hasLastEvaluatedKey() ? Cursors.encode(response.lastEvaluatedKey()) : null);
                });
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        for (int shard = 0; shard < NotifierTable.DUE_SHARDS; shard++) {
            String pk = "DUE#" + shard;
            // each shard's earliest first; a shard with more than the limit due gives the rest to the next sweep
            QueryResponse response = client.query(b -> b.tableName(table)
                    .indexName(NotifierTable.DUE_INDEX)
                    .keyConditionExpression("gsi2pk = :pk AND gsi2sk <= :now")
                    .expressionAttributeValues(Map.of(
                            ":pk",
                            AttributeValue.fromS(pk),
                            ":now",
                            AttributeValue.fromS(DeliveryItems.dueSk(now, "~"))))
                    .limit(limit));
            response.items()
                    .forEach(i -> due.add(new Due(
                            i.get("id").s(),
                            Instant.ofEpochMilli(
                                    Long.parseLong(i.get(DeliveryItems.DUE_AT).n())))));
        }
        due.sort(Comparator.comparing(Due::dueAt));
        return due.size() > limit ? List.copyOf(due.subList(0, limit)) : due;
    }

    @Override
    public Optional<Delivery> claim(String id, Instant dueAt, Lease lease) {
        try {
            var response = client.updateItem(b -> b.tableName(table)
                    .key(DeliveryItems.key(id))
                    .conditionExpression("#due = :read AND #status IN (:pending, :retrying)")
                    .updateExpression("SET #due = :until, #lease = :token, #duesk = :duesk")
                    .expressionAttributeNames(Map.of(
                            "#due",
                            DeliveryItems.DUE_AT,
                            "#status",
                            DeliveryItems.STATUS,
                            "#lease",
                            DeliveryItems.LEASE,
                            "#duesk",
                            DeliveryItems.DUE_SK))
                    .expressionAttributeValues(Map.of(
                            ":read",
                            AttributeValue.fromN(Long.toString(dueAt.toEpochMilli())),
                            ":pending",
                            AttributeValue.fromS(DeliveryStatus.PENDING.name()),
                            ":retrying",
                            AttributeValue.fromS(DeliveryStatus.RETRYING.name()),
                            ":until",
                            AttributeValue.fromN(Long.toString(lease.until().toEpochMilli())),
                            ":token",
                            AttributeValue.fromS(lease.token()),
                            ":duesk",
                            AttributeValue.fromS(DeliveryItems.dueSk(lease.until(), id))))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(DeliveryItems.delivery(response.attributes()));
        } catch (ConditionalCheckFailedException takenMeanwhile) {
            return Optional.empty();
        }
    }

    @Override
    public boolean record(AttemptWrite w) {
        Delivery d = w.delivery();
        List<TransactWriteItem> health = health(w);
        if (health.isEmpty()) {
            // the usual case: one conditional put
            if (putUnderLease(DeliveryItems.item(d, null, keep), w.lease())) {
                return true;
            }
            return leaseLost(w);
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(leasedPut(DeliveryItems.item(d, null, keep), w.lease()));
        items.addAll(health);
        Set<Integer> failed = Transactions.failedConditions(client, items);
        if (failed.contains(0)) {
            return leaseLost(w);
        }
        if (!failed.isEmpty()) {
            // the subscription changed under us (paused, deleted, disabled or marked failing by another attempt)
            return record(new AttemptWrite(d, w.lease(), w.subscription(), new EndpointHealth.Change.None()));
        }
        return true;
    }

    /** Someone else holds the delivery now: the attempt still goes into its log, and the rest is theirs. */
    private boolean leaseLost(AttemptWrite w) {
        Attempt attempt = w.delivery().lastAttempt();
        LOG.warn(
                "delivery {}: the lease ran out before attempt {} was recorded; logging the attempt alone",
                w.delivery().id(),
                attempt.number());
        try {
            client.updateItem(b -> b.tableName(table)
                    .key(DeliveryItems.key(w.delivery().id()))
                    .updateExpression("SET #log = list_append(if_not_exists(#log, :none), :attempt)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#log", "log"))
                    .expressionAttributeValues(Map.of(
                            ":none",
                            AttributeValue.fromL(List.of()),
                            ":attempt",
                            AttributeValue.fromL(List.of(AttributeValue.fromM(
                                    DeliveryItems.attempt(attempt).build()))))));
        } catch (ConditionalCheckFailedException gone) {
            LOG.warn("delivery {} is gone", w.delivery().id());
        }
        return false;
    }

    /** The subscription's side of an attempt: its health, and on disabling the event that tells the area's admins. */
    private List<TransactWriteItem> health(AttemptWrite w) {
        if (w.health() instanceof EndpointHealth.Change.None) {
            return List.of(); // an email's attempt, or a test's, has no subscription whose health changes
        }
        Instant when = w.delivery().lastAttemptAt();
        String at = when.toString();
        Map<String, AttributeValue> key = SubscriptionItems.key(w.subscription().id());
        return switch (w.health()) {
            case EndpointHealth.Change.None none -> List.of();
            case EndpointHealth.Change.Recovered recovered ->
                List.of(update(
                        key,
                        "REMOVE #failing SET #updated = :at ADD #v :one",
                        "attribute_exists(#failing)",
                        Map.of(
                                "#failing",
                                SubscriptionItems.FAILING_SINCE,
                                "#updated",
                                "updatedAt",
                                "#v",
                                SubscriptionItems.VERSION),
                        Map.of(":at", AttributeValue.fromS(at), ":one", AttributeValue.fromN("1"))));
            case EndpointHealth.Change.StartedFailing failing ->
                List.of(update(
                        key,
                        "SET #failing = :since, #updated = :at ADD #v :one",
                        "attribute_exists(pk) AND attribute_not_exists(#failing)",
                        Map.of(
                                "#failing",
                                SubscriptionItems.FAILING_SINCE,
                                "#updated",
                                "updatedAt",
                                "#v",
                                SubscriptionItems.VERSION),
                        Map.of(
                                ":since",
                                AttributeValue.fromS(failing.since().toString()),
                                ":at",
                                AttributeValue.fromS(at),
                                ":one",
                                AttributeValue.fromN("1"))));
            case EndpointHealth.Change.Disabled disabled -> {
                EventEnvelope event = DisabledEvents.of(w.subscription(), disabled.reason(), when);
                yield List.of(
                        update(
                                key,
                                "SET #status = :disabled, #reason = :reason, #changed = :at, #updated = :at ADD #v :one",
                                "#status = :active",
                                Map.of(
                                        "#status",
                                        SubscriptionItems.STATUS,
                                        "#reason",
                                        "statusReason",
                                        "#changed",
                                        "statusChangedAt",
                                        "#updated",
                                        "updatedAt",
                                        "#v",
                                        SubscriptionItems.VERSION),
                                Map.of(
                                        ":disabled",
                                        AttributeValue.fromS(SubscriptionStatus.DISABLED.name()),
                                        ":active",
                                        AttributeValue.fromS(SubscriptionStatus.ACTIVE.name()),
                                        ":reason",
                                        AttributeValue.fromS(disabled.reason()),
                                        ":at",
                                        AttributeValue.fromS(at),
                                        ":one",
                                        AttributeValue.fromN("1"))),
                        EventItems.put(
                                table,
                                SubscriptionItems.pk(w.subscription().id()),
                                DisabledEvents.sk(when),
                                event,
                                events.write(event)));
            }
        };
    }

    @Override
    public boolean release(Delivery d, Lease lease, Instant dueAt) {
        return putUnderLease(DeliveryItems.item(d.dueAt(dueAt), null, keep), lease);
    }

    @Override
    public boolean cancel(Delivery d, Lease lease, String reason) {
        return putUnderLease(DeliveryItems.item(d.cancelled(reason), null, keep), lease);
    }

    @Override
    public boolean restart(Delivery replayed, DeliveryStatus from, Lease lease) {
        return conditionalPut(
                DeliveryItems.item(replayed, lease, keep),
                "#status = :from AND attribute_not_exists(#lease)",
                Map.of("#status", DeliveryItems.STATUS, "#lease", DeliveryItems.LEASE),
                Map.of(":from", AttributeValue.fromS(from.name())));
    }

    /** Puts {@code item} if the stored delivery is still under {@code lease}; false if the lease was lost. */
    private boolean putUnderLease(Map<String, AttributeValue> item, Lease lease) {
        return conditionalPut(
                item,
                "#lease = :token",
                Map.of("#lease", DeliveryItems.LEASE),
                Map.of(":token", AttributeValue.fromS(lease.token())));
    }

    private TransactWriteItem leasedPut(Map<String, AttributeValue> item, Lease lease) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("#lease = :token")
                        .expressionAttributeNames(Map.of("#lease", DeliveryItems.LEASE))
                        .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(lease.token())))
                        .build())
                .build();
    }

    private TransactWriteItem update(
            Map<String, AttributeValue> key,
            String expression,
            String condition,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(key)
                        .updateExpression(expression)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build();
    }

    private boolean conditionalPut(
            Map<String, AttributeValue> item,
            String condition,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            client.putItem(b -> {
                b.tableName(table).item(item).conditionExpression(condition);
                if (!names.isEmpty()) {
                    b.expressionAttributeNames(names);
                }
                if (!values.isEmpty()) {
                    b.expressionAttributeValues(values);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException condition1) {
            return false;
        }
    }
}
