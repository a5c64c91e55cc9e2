package uk.sse.kernel.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.kernel.dynamo.Transactions;

/**
 * An entity's event log in its function's table ({@link EventItems} under the entity's key, sort keys beginning
 * {@code EVENT#}), read back and rewritten in place: the one change ever made to an event item is an erasure's
 * (decision 0104).
 */
public final class EventLog {

    /** A transaction's limit is 100 items: rewrites go in batches of 99 before the last, which holds the entity. */
    static final int BATCH = 99;

    private EventLog() {}

    /** The log under {@code pk}, oldest first, each event with its sort key; items that are not events are passed over. */
    public static <T> List<T> read(
            DynamoDbClient client,
            String table,
            String pk,
            EventJson json,
            BiFunction<String, EventEnvelope, T> logged) {
        List<T> events = new ArrayList<>();
        Transactions.busyOnFault("read", () -> {
            client.queryPaginator(b -> b.tableName(table)
                            .consistentRead(true)
                            .keyConditionExpression("pk = :pk AND begins_with(sk, :events)")
                            .expressionAttributeValues(
                                    Map.of(":pk", AttributeValue.fromS(pk), ":events", AttributeValue.fromS("EVENT#"))))
                    .items()
                    .forEach(item -> json.read(EventItems.envelopeOf(item))
                            .ifPresent(
                                    e -> events.add(logged.apply(item.get("sk").s(), e))));
            return events;
        });
        return events;
    }

    /** The put of {@code item} in place of one already stored under its key. */
    public static TransactWriteItem replace(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("attribute_exists(pk)")
                        .build())
                .build();
    }

    /** The put of event {@code e} in place of the one stored under {@code pk} and {@code sk}. */
    public static TransactWriteItem replace(String table, String pk, String sk, EventEnvelope e, EventJson json) {
        return replace(table, EventItems.item(pk, sk, e, json.write(e)));
    }

    /**
     * Writes {@code inPlace} (puts of items already stored) and then {@code last} (the entity's own, conditional put):
     * whole batches first, the remainder in one transaction with {@code last}. An erasure is idempotent, so a batch
     * written before a refusal is no harm. False if a condition of that last transaction failed: the entity moved.
     */
    public static boolean rewrite(DynamoDbClient client, List<TransactWriteItem> inPlace, TransactWriteItem last) {
        List<TransactWriteItem> writes = new ArrayList<>(inPlace);
        while (writes.size() >= BATCH + 1) {
            List<TransactWriteItem> batch = new ArrayList<>(writes.subList(0, BATCH));
            writes.subList(0, BATCH).clear();
            Transactions.writeIfConditionsHold(client, batch);
        }
        writes.add(last);
        return Transactions.writeIfConditionsHold(client, writes);
    }
}
