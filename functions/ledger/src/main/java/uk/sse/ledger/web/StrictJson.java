package uk.sse.ledger.web;

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
final class StrictJson {

    private StrictJson() { }

    /** A JSON number, exactly as written; a string, boolean or anything else is refused. */
    @Singleton
    static final class Number implements Deserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(Decoder decoder, DecoderContext context, Argument<? super BigDecimal> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            if (!node.isNumber()) {
                throw decoder.createDeserializationException("must be a JSON number, not " + kind(node), null);
            }
            return new BigDecimal(node.getNumberValue().toString());
        }
    }

    /** A JSON {@code true} or {@code false}; a string or number is refused. */
    @Singleton
    static final class Flag implements Deserializer<Boolean> {
        @Override
        public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            if (!node.isBoolean()) {
                throw decoder.createDeserializationException("must be true or false, not " + kind(node), null);
            }
            return node.getBooleanValue();
        }
    }

    private static String kind(JsonNode node) {
        return node.isString() ? "a string" : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean"
                : node.isArray() ? "an array" : node.isObject() ? "an object" : "null";
    }
}
