package uk.sse.notifier.model;

import java.util.List;
import java.util.Map;

/** Typed reads of an envelope's {@code data}, which holds strings, numbers, booleans, lists and maps. */
final class EventData {

    private EventData() {}

    static String text(Map<String, Object> data, String key) {
        Object v = data == null ? null : data.get(key);
        return v == null ? null : v instanceof String s ? s : String.valueOf(v);
    }

    static List<String> texts(Map<String, Object> data, String key) {
        Object v = data == null ? null : data.get(key);
        if (!(v instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(e -> e != null).map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> data, String key) {
        Object v = data == null ? null : data.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> data, String key) {
        Object v = data == null ? null : data.get(key);
        if (!(v instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .filter(e -> e instanceof Map<?, ?>)
                .map(e -> (Map<String, Object>) e)
                .toList();
    }

    static boolean has(Map<String, Object> data, String key) {
        return data != null && data.get(key) != null;
    }
}
