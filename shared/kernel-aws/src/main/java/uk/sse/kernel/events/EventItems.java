package uk.sse.kernel.events;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * An event as an item of the publishing function's own table, written in the same transaction as the change it
 * reports, so the stream carries both or neither. The item is written once (a retry's put is refused by its
 * condition, which the caller's transaction treats as "already there") and kept: it is the function's event log,
 * from which a consumer can be rebuilt. Attributes: {@code entity = EVENT}, {@code eventType}, {@code eventId},
 * {@code area}, {@code occurredAt} and {@code envelope}, the JSON text of {@link EventJson}.
 */
public final class EventItems {

    public static final String ENTITY = "EVENT";
    public static final String ENVELOPE = "envelope";

    private EventItems() {}

    public static Map<String, AttributeValue> item(String pk, String sk, EventEnvelope e, String envelopeJson) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        item.put("entity", AttributeValue.fromS(ENTITY));
        item.put("eventType", AttributeValue.fromS(e.type()));
        item.put("eventId", AttributeValue.fromS(e.id()));
        item.put("area", AttributeValue.fromS(e.area()));
        item.put("occurredAt", AttributeValue.fromS(e.occurredAt().toString()));
        item.put(ENVELOPE, AttributeValue.fromS(envelopeJson));
        return item;
    }

    /** The put of {@link #item}, on condition that no item has that key yet. */
    public static TransactWriteItem put(String table, String pk, String sk, EventEnvelope e, String envelopeJson) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item(pk, sk, e, envelopeJson))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    /** The envelope's JSON text if {@code item} (as the SDK reads it, e.g. in a scan for a rebuild) is an event. */
    public static String envelopeOf(Map<String, AttributeValue> item) {
        AttributeValue entity = item.get("entity");
        AttributeValue envelope = item.get(ENVELOPE);
        return entity != null && ENTITY.equals(entity.s()) && envelope != null ? envelope.s() : null;
    }
}
