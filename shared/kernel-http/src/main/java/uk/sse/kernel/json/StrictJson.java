package uk.sse.kernel.json;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Values read only as the JSON type they are: by default a string {@code "12"} would be read as the number 12 and
 * {@code "perhaps"} as the boolean false (a hold taken for a payment). Here either is refused, naming the field.
 */
public final class StrictJson {

    private StrictJson() {}

    /** A JSON number, as written; a string, boolean or anything else is refused. */
    @Singleton
    public static final class Number implements Deserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(Decoder decoder, DecoderContext context, Argument<? super BigDecimal> type)
                throws IOException {
            JsonNode node = decoder.decodeNode();
            if (!node.isNumber()) {
                throw decoder.createDeserializationException("must be a JSON number, not " + kind(node), null);
            }
            java.lang.Number number = node.getNumberValue();
            BigDecimal value = number instanceof BigDecimal exact
                    ? exact
                    : number instanceof Double || number instanceof Float
                            ? BigDecimal.valueOf(number.doubleValue())
                            : new BigDecimal(number.toString());
            // some parsers hand a whole number over as a double (5 arrives as 5.0): keep it whole, so only a real
            // fraction is refused
            return value.scale() > 0 && value.stripTrailingZeros().scale() <= 0 ? value.setScale(0) : value;
        }
    }

    /** A JSON {@code true} or {@code false}; a string or number is refused. */
    @Singleton
    public static final class Flag implements Deserializer<Boolean> {
        @Override
        public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
                throws IOException {
            JsonNode node = decoder.decodeNode();
            if (!node.isBoolean()) {
                throw decoder.createDeserializationException("must be true or false, not " + kind(node), null);
            }
            return node.getBooleanValue();
        }
    }

    private static String kind(JsonNode node) {
        return node.isString()
                ? "a string"
                : node.isNumber()
                        ? "a number"
                        : node.isBoolean()
                                ? "a boolean"
                                : node.isArray() ? "an array" : node.isObject() ? "an object" : "null";
    }
}
