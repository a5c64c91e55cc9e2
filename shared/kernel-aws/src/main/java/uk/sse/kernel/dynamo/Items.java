package uk.sse.kernel.dynamo;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes DynamoDB attribute maps by hand: explicit, reflection-free mapping that keeps
 * absent values absent rather than storing nulls. A stream record's image reads the same as a scanned or fetched item
 * ({@link #ofStreamImage}), so that a consumer has one reader for both.
 */
public final class Items {

    private final Map<String, AttributeValue> values;

    private Items(Map<String, AttributeValue> values) {
        this.values = values;
    }

    public static Items builder() {
        return new Items(new HashMap<>());
    }

    public static Items of(Map<String, AttributeValue> item) {
        return new Items(item == null ? Map.of() : item);
    }

    /** A stream record's image (the Lambda events library's attribute values; null for none) as an item. */
    public static Items ofStreamImage(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new HashMap<>();
        if (image != null) {
            image.forEach((name, value) -> item.put(name, fromStream(value)));
        }
        return new Items(item);
    }

    private static AttributeValue fromStream(
            com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        if (v.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB()));
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(v.getNS());
        }
        if (v.getBS() != null) {
            return AttributeValue.fromBs(
                    v.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
        }
        if (v.getL() != null) {
            return AttributeValue.fromL(v.getL().stream().map(Items::fromStream).toList());
        }
        if (v.getM() != null) {
            Map<String, AttributeValue> nested = new HashMap<>();
            v.getM().forEach((name, value) -> nested.put(name, fromStream(value)));
            return AttributeValue.fromM(nested);
        }
        return AttributeValue.fromNul(true);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Items s(String name, String value) {
        if (value != null) {
            values.put(name, AttributeValue.fromS(value));
        }
        return this;
    }

    public Items n(String name, Number value) {
        if (value != null) {
            values.put(
                    name, AttributeValue.fromN(value instanceof BigDecimal d ? d.toPlainString() : value.toString()));
        }
        return this;
    }

    public Items bool(String name, Boolean value) {
        if (value != null) {
            values.put(name, AttributeValue.fromBool(value));
        }
        return this;
    }

    public Items strings(String name, Collection<String> list) {
        if (list != null && !list.isEmpty()) {
            values.put(
                    name,
                    AttributeValue.fromL(
                            list.stream().map(AttributeValue::fromS).toList()));
        }
        return this;
    }

    public Items map(String name, Items nested) {
        if (nested != null && !nested.values.isEmpty()) {
            values.put(name, AttributeValue.fromM(nested.values));
        }
        return this;
    }

    public <T> Items maps(String name, Collection<T> list, Function<T, Items> mapper) {
        if (list != null && !list.isEmpty()) {
            values.put(
                    name,
                    AttributeValue.fromL(list.stream()
                            .map(e -> AttributeValue.fromM(mapper.apply(e).values))
                            .toList()));
        }
        return this;
    }

    /**
     * Puts plain values (what a contract's record gives, e.g. a published item's attributes): texts, numbers, booleans,
     * lists and maps of them; a null or an empty list is left out.
     */
    public Items attributes(Map<String, ?> plain) {
        plain.forEach((name, value) -> {
            if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
                values.put(name, fromPlain(value));
            }
        });
        return this;
    }

    private static AttributeValue fromPlain(Object value) {
        return switch (value) {
            case String s -> AttributeValue.fromS(s);
            case BigDecimal d -> AttributeValue.fromN(d.toPlainString());
            case Number n -> AttributeValue.fromN(n.toString());
            case Boolean b -> AttributeValue.fromBool(b);
            case Collection<?> c ->
                AttributeValue.fromL(c.stream().map(Items::fromPlain).toList());
            case Map<?, ?> m -> {
                Map<String, AttributeValue> nested = new HashMap<>();
                m.forEach((k, v) -> {
                    if (v != null) {
                        nested.put((String) k, fromPlain(v));
                    }
                });
                yield AttributeValue.fromM(nested);
            }
            default -> throw new IllegalArgumentException("not a plain value: " + value.getClass());
        };
    }

    /**
     * The item as plain values, for a contract's reader: texts, numbers as {@link BigDecimal}, booleans, lists (string
     * and number sets too) and maps; binary values and nulls are left out.
     */
    public Map<String, Object> attributes() {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Object v = toPlain(value);
            if (v != null) {
                plain.put(name, v);
            }
        });
        return plain;
    }

    private static Object toPlain(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return new BigDecimal(v.n());
        }
        if (v.bool() != null) {
            return v.bool();
        }
        if (v.hasSs()) {
            return List.copyOf(v.ss());
        }
        if (v.hasNs()) {
            return v.ns().stream().map(BigDecimal::new).toList();
        }
        if (v.hasL()) {
            return v.l().stream().map(Items::toPlain).filter(e -> e != null).toList();
        }
        if (v.hasM()) {
            return new Items(v.m()).attributes();
        }
        return null;
    }

    public Map<String, AttributeValue> build() {
        return Map.copyOf(values);
    }

    public String s(String name) {
        AttributeValue v = values.get(name);
        return v == null ? null : v.s();
    }

    public Long n(String name) {
        AttributeValue v = values.get(name);
        return v == null || v.n() == null ? null : Long.valueOf(v.n());
    }

    public Integer i(String name) {
        Long value = n(name);
        return value == null ? null : Math.toIntExact(value);
    }

    public BigDecimal decimal(String name) {
        AttributeValue v = values.get(name);
        return v == null || v.n() == null ? null : new BigDecimal(v.n());
    }

    public Double d(String name) {
        AttributeValue v = values.get(name);
        return v == null || v.n() == null ? null : Double.valueOf(v.n());
    }

    public Boolean bool(String name) {
        AttributeValue v = values.get(name);
        return v == null ? null : v.bool();
    }

    /** A list of strings, or a string set (read the same); its members that are not strings are left out. */
    public List<String> strings(String name) {
        AttributeValue v = values.get(name);
        if (v != null && v.hasSs()) {
            return List.copyOf(v.ss());
        }
        return v == null || !v.hasL()
                ? List.of()
                : v.l().stream().map(AttributeValue::s).filter(s -> s != null).toList();
    }

    public Items map(String name) {
        AttributeValue v = values.get(name);
        return v == null || !v.hasM() ? null : new Items(v.m());
    }

    public <T> List<T> maps(String name, Function<Items, T> mapper) {
        AttributeValue v = values.get(name);
        return v == null || !v.hasL()
                ? List.of()
                : v.l().stream().map(e -> mapper.apply(new Items(e.m()))).toList();
    }
}
