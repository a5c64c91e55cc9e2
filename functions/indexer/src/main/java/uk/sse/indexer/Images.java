package uk.sse.indexer;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads a stream record's image (the Lambda events library's attribute values) the way the kernel's
 * {@code Items} reads the SDK's: absent stays absent (null or empty).
 */
public final class Images {

    private final Map<String, AttributeValue> values;

    private Images(Map<String, AttributeValue> values) {
        this.values = values == null ? Map.of() : values;
    }

    public static Images of(Map<String, AttributeValue> image) {
        return new Images(image);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String s(String name) {
        AttributeValue v = values.get(name);
        return v == null ? null : v.getS();
    }

    public Long n(String name) {
        BigDecimal value = decimal(name);
        return value == null ? null : value.longValueExact();
    }

    public BigDecimal decimal(String name) {
        AttributeValue v = values.get(name);
        return v == null || v.getN() == null ? null : new BigDecimal(v.getN());
    }

    public Double d(String name) {
        BigDecimal value = decimal(name);
        return value == null ? null : value.doubleValue();
    }

    /** A list of strings, or a string set (the directory writes lists; a set is read the same). */
    public List<String> strings(String name) {
        AttributeValue v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (v.getL() != null) {
            return v.getL().stream().map(AttributeValue::getS).toList();
        }
        return v.getSS() == null ? List.of() : List.copyOf(v.getSS());
    }
}
