package uk.sse.reporting.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Typed reads of an event's {@code data}: absent or mistyped values read as null (or empty), never as an exception. */
public final class EventData {

    private EventData() {}

    public static String text(Map<String, Object> data, String key) {
        return data != null && data.get(key) instanceof String s ? s : null;
    }

    public static BigDecimal decimal(Map<String, Object> data, String key) {
        if (data == null || !(data.get(key) instanceof Number n)) {
            return null;
        }
        return n instanceof BigDecimal d
                ? d
                : n instanceof Double || n instanceof Float
                        ? BigDecimal.valueOf(n.doubleValue())
                        : new BigDecimal(n.toString());
    }

    public static Long whole(Map<String, Object> data, String key) {
        BigDecimal d = decimal(data, key);
        if (d == null) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    public static List<String> texts(Map<String, Object> data, String key) {
        if (data == null || !(data.get(key) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> data, String key) {
        return data != null && data.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    public static List<Map<String, Object>> maps(Map<String, Object> data, String key) {
        if (data == null || !(data.get(key) instanceof List<?> list)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> maps = list.stream()
                .filter(Map.class::isInstance)
                .map(m -> (Map<String, Object>) m)
                .toList();
        return maps;
    }
}
