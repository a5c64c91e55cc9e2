package uk.sse.kernel.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.micronaut.serde.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final EventJson JSON = new EventJson(ObjectMapper.getDefault());

    @Property(tries = 300)
    void anEnvelopeReadsBackAsWritten(@ForAll("envelopes") EventEnvelope e) {
        assertThat(JSON.read(JSON.write(e))).contains(e);
    }

    @Provide
    Arbitrary<EventEnvelope> envelopes() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                text.map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> list = leaf.list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> nested = Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), leaf)
                .ofMaxSize(3)
                .map(m -> (Object) m);
        Arbitrary<Map<String, Object>> data = Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                        Arbitraries.oneOf(leaf, list, nested))
                .ofMaxSize(8);
        Arbitrary<Instant> at =
                Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
        return Combinators.combine(text.filter(s -> !s.isEmpty()), text, at, text, data)
                .as(EventEnvelope::new);
    }

    @Test
    void textThatIsNotAnEnvelopeReadsAsNone() {
        for (String bad : new String[] {
            null,
            "",
            "[]",
            "{}",
            "not json",
            "{\"type\":\"t\",\"id\":\"i\",\"area\":\"a\"}",
            "{\"type\":\"t\",\"id\":\"i\",\"occurredAt\":\"yesterday\",\"area\":\"a\"}",
            "{\"type\":1,\"id\":\"i\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"area\":\"a\"}"
        }) {
            assertThat(JSON.read(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void onlyTheInsertOfAnEventItemIsAnEvent() {
        EventEnvelope e = new EventEnvelope(
                "brokerage.request.created",
                "R1/1",
                Instant.parse("2026-12-01T10:00:00Z"),
                "888",
                Map.of("requestId", "R1", "days", 3, "codes", List.of("CT", "CT.MATHS")));
        String text = JSON.write(e);
        Map<String, AttributeValue> image = new HashMap<>();
        EventItems.item("REQUEST#R1", "EVENT#1", e, text)
                .forEach((k, v) -> image.put(k, new AttributeValue().withS(v.s())));

        assertThat(StreamedEvents.of(record("INSERT", image), JSON)).contains(e);
        assertThat(StreamedEvents.of(record("MODIFY", image), JSON)).isEmpty();
        assertThat(StreamedEvents.of(record("REMOVE", image), JSON)).isEmpty();
        Map<String, AttributeValue> state = new LinkedHashMap<>(image);
        state.put("entity", new AttributeValue().withS("REQUEST"));
        assertThat(StreamedEvents.of(record("INSERT", state), JSON)).isEmpty();
        assertThat(EventItems.envelopeOf(EventItems.item("REQUEST#R1", "EVENT#1", e, text)))
                .isEqualTo(text);
        assertThat(e.source()).isEqualTo("brokerage");
    }

    private static DynamodbStreamRecord record(String name, Map<String, AttributeValue> image) {
        DynamodbStreamRecord r = new DynamodbStreamRecord();
        r.setEventName(name);
        r.setDynamodb(new StreamRecord().withNewImage(image));
        return r;
    }
}
