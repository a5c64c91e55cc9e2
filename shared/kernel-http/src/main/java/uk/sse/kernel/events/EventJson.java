package uk.sse.kernel.events;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import uk.sse.kernel.correlation.Correlation;

/**
 * An envelope as JSON text: {@code {"type", "id", "occurredAt" (ISO-8601), "area", "data", "correlationId"}}. The text
 * is what the event item stores and what a consumer may pass on unchanged (the notifier's {@code json} format). An
 * envelope written while a request is served carries that request's correlation id (unless it names its own).
 */
@Singleton
public class EventJson implements EnvelopeText {

    private final JsonMapper json;

    public EventJson(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String write(EventEnvelope e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type());
        m.put("id", e.id());
        m.put("occurredAt", e.occurredAt().toString());
        m.put("area", e.area());
        m.put("data", e.data());
        String correlation = e.correlationId() != null
                ? e.correlationId()
                : Correlation.current().orElse(null);
        if (correlation != null) {
            m.put("correlationId", correlation);
        }
        try {
            return json.writeValueAsString(m);
        } catch (IOException e1) {
            throw new UncheckedIOException(e1);
        }
    }

    /** The envelope in {@code text}, or empty if it is not one (a consumer skips what it cannot read, and says so). */
    @Override
    @SuppressWarnings("unchecked")
    public Optional<EventEnvelope> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Map<String, Object> m = json.readValue(text, Argument.mapOf(String.class, Object.class));
            if (m == null
                    || !(m.get("type") instanceof String type)
                    || !(m.get("id") instanceof String id)
                    || !(m.get("occurredAt") instanceof String at)
                    || !(m.get("area") instanceof String area)) {
                return Optional.empty();
            }
            Object data = m.get("data");
            return Optional.of(new EventEnvelope(
                    type,
                    id,
                    Instant.parse(at),
                    area,
                    data instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of(),
                    m.get("correlationId") instanceof String correlation ? correlation : null));
        } catch (IOException | DateTimeParseException notAnEnvelope) {
            return Optional.empty();
        }
    }
}
