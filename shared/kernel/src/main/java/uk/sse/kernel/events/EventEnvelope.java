package uk.sse.kernel.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The one envelope of every domain event the functions publish in their tables' streams (docs/events.md):
 * <ul>
 *   <li>{@code type}: {@code <function>.<thing>.<what happened>}, e.g. {@code brokerage.engagement.agreed};</li>
 *   <li>{@code id}: unique per event and the same when a retried command writes it again, so consumers drop repeats by it;</li>
 *   <li>{@code occurredAt}: when it happened;</li>
 *   <li>{@code area}: the area it belongs to (consumers route and filter by it);</li>
 *   <li>{@code data}: what the type documents; values are strings, numbers, booleans, lists and maps;</li>
 *   <li>{@code correlationId}: the correlation id of the request that caused it, if any (null otherwise).</li>
 * </ul>
 */
public record EventEnvelope(
        String type, String id, Instant occurredAt, String area, Map<String, Object> data, String correlationId) {

    /** An event as its producer's model builds it: the correlation id is the adapter's to add when it writes the event. */
    public EventEnvelope(String type, String id, Instant occurredAt, String area, Map<String, Object> data) {
        this(type, id, occurredAt, area, data, null);
    }

    public EventEnvelope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(area, "area");
        data = data == null ? Map.of() : data;
    }

    /** The function that published it: the first part of the type. */
    public String source() {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }
}
