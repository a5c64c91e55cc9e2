package uk.sse.engines.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Random nested attribute values go into an item, come back through the stream, and are written
 * by Lambda's own serialiser. The expected DynamoDB JSON is built here from the SDK value directly.
 */
class AttributeConversionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DynamoDbClient DYNAMO = Tables.client();
    private static final String TABLE = Tables.create(DYNAMO, "attributes");
    private static final TableStreamReader READER =
            TableStreamReader.of(Tables.endpoint(), TABLE, StartingPosition.LATEST);
    private static final AtomicInteger NEXT = new AtomicInteger();

    @AfterContainer
    static void close() {
        READER.close();
        DYNAMO.close();
    }

    @Property(tries = 150)
    void everyAttributeTypeSurvivesTheStreamAndTheConversion(
            @ForAll("attributes") Map<String, AttributeValue> attributes) throws Exception {
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.putAll(Tables.key("item", NEXT.incrementAndGet()));
        DYNAMO.putItem(b -> b.tableName(TABLE).item(item));

        List<DynamodbEvent.DynamodbStreamRecord> records = READER.readAtLeast(1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        JsonNode newImage = JSON.readTree(TableStreamReaderTest.lambdaJson(records))
                .get("Records")
                .get(0)
                .get("dynamodb")
                .get("NewImage");

        assertThat(canonical(newImage)).isEqualTo(canonical(expected(item)));
    }

    @Provide
    Arbitrary<Map<String, AttributeValue>> attributes() {
        return Arbitraries.maps(names(), value(3)).ofMaxSize(6);
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(8)
                .filter(n -> !n.equals("pk") && !n.equals("sk"));
    }

    private static Arbitrary<AttributeValue> value(int depth) {
        Arbitrary<String> strings =
                Arbitraries.strings().withCharRange(' ', '~').withChars("éß漢\n").ofMaxLength(12);
        Arbitrary<BigDecimal> numbers = Arbitraries.oneOf(
                Arbitraries.bigDecimals()
                        .between(new BigDecimal("-1e12"), new BigDecimal("1e12"))
                        .ofScale(4),
                Arbitraries.longs().map(BigDecimal::valueOf));
        Arbitrary<byte[]> bytes =
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16);
        List<Arbitrary<AttributeValue>> choices = new ArrayList<>(List.of(
                strings.map(AttributeValue::fromS),
                numbers.map(n -> AttributeValue.fromN(n.toPlainString())),
                bytes.map(b -> AttributeValue.fromB(SdkBytes.fromByteArray(b))),
                strings.set().ofMinSize(1).ofMaxSize(4).map(s -> AttributeValue.fromSs(List.copyOf(s))),
                // a number set holds distinct values: 1.5 and 1.50 are the same number
                numbers.map(BigDecimal::stripTrailingZeros)
                        .set()
                        .ofMinSize(1)
                        .ofMaxSize(4)
                        .map(s -> AttributeValue.fromNs(
                                s.stream().map(BigDecimal::toPlainString).toList())),
                bytes.map(b -> Base64.getEncoder().encodeToString(b))
                        .set()
                        .ofMinSize(1)
                        .ofMaxSize(4)
                        .map(s -> AttributeValue.fromBs(s.stream()
                                .map(b -> SdkBytes.fromByteArray(
                                        Base64.getDecoder().decode(b)))
                                .toList())),
                Arbitraries.just(AttributeValue.fromNul(true)),
                Arbitraries.of(true, false).map(AttributeValue::fromBool)));
        if (depth > 0) {
            Arbitrary<AttributeValue> inner = Arbitraries.lazy(() -> value(depth - 1));
            choices.add(Arbitraries.maps(names(), inner).ofMaxSize(3).map(AttributeValue::fromM));
            choices.add(inner.list().ofMaxSize(3).map(AttributeValue::fromL));
        }
        return Arbitraries.oneOf(choices);
    }

    /** DynamoDB JSON of an SDK value, written without the code under test. */
    private static ObjectNode expected(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, expected(value)));
        return node;
    }

    private static JsonNode expected(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        if (value.s() != null) {
            node.put("S", value.s());
        } else if (value.n() != null) {
            node.put("N", value.n());
        } else if (value.b() != null) {
            node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
        } else if (value.hasSs()) {
            value.ss().forEach(node.putArray("SS")::add);
        } else if (value.hasNs()) {
            value.ns().forEach(node.putArray("NS")::add);
        } else if (value.hasBs()) {
            value.bs().forEach(b -> node.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
        } else if (value.hasM()) {
            node.set("M", expected(value.m()));
        } else if (value.hasL()) {
            ArrayNode list = node.putArray("L");
            value.l().forEach(v -> list.add(expected(v)));
        } else if (value.nul() != null) {
            node.put("NULL", value.nul());
        } else {
            node.put("BOOL", value.bool());
        }
        return node;
    }

    /** Sets in sorted order, numbers in one form: DynamoDB keeps neither set order nor "1.50" as written. */
    private static JsonNode canonical(JsonNode map) {
        ObjectNode copy = NODES.objectNode();
        map.properties().forEach(e -> copy.set(e.getKey(), canonicalValue(e.getValue())));
        return copy;
    }

    private static JsonNode canonicalValue(JsonNode typed) {
        ObjectNode copy = NODES.objectNode();
        typed.properties().forEach(e -> {
            String type = e.getKey();
            JsonNode value = e.getValue();
            switch (type) {
                case "N" -> copy.put(type, number(value.asText()));
                case "SS", "BS" -> copy.set(type, sorted(value, JsonNode::asText));
                case "NS" -> copy.set(type, sorted(value, v -> number(v.asText())));
                case "M" -> copy.set(type, canonical(value));
                case "L" -> {
                    ArrayNode list = copy.putArray(type);
                    value.forEach(v -> list.add(canonicalValue(v)));
                }
                default -> copy.set(type, value);
            }
        });
        return copy;
    }

    private static ArrayNode sorted(JsonNode array, java.util.function.Function<JsonNode, String> form) {
        ArrayNode copy = NODES.arrayNode();
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(form.apply(v)));
        values.stream().sorted().forEach(copy::add);
        return copy;
    }

    private static String number(String n) {
        BigDecimal value = new BigDecimal(n);
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
