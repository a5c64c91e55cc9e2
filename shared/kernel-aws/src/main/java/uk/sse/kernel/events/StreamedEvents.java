package uk.sse.kernel.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.Map;
import java.util.Optional;

/**
 * The events in a table's stream: an event item is inserted once and never changed, so only INSERT records of items
 * whose {@code entity} is {@code EVENT} carry one. Everything else in the stream (the function's state) is not an event.
 */
public final class StreamedEvents {

    private StreamedEvents() {}

    /** The envelope's JSON text in {@code record}, or null if the record is not an event's insert. */
    public static String envelopeJson(DynamodbStreamRecord record) {
        if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null) {
            return null;
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        if (image == null) {
            return null;
        }
        AttributeValue entity = image.get("entity");
        AttributeValue envelope = image.get(EventItems.ENVELOPE);
        return entity != null && EventItems.ENTITY.equals(entity.getS()) && envelope != null ? envelope.getS() : null;
    }

    /** The event in {@code record}, read with {@code json}; empty if the record is not an event's insert or cannot be read. */
    public static Optional<EventEnvelope> of(DynamodbStreamRecord record, EventJson json) {
        return json.read(envelopeJson(record));
    }
}
