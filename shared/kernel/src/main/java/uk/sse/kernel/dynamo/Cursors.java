package uk.sse.kernel.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Paging cursors: a query's LastEvaluatedKey (string keys only), as opaque URL-safe text. */
public final class Cursors {

    private static final char FIELD = '\u001f';
    private static final char PAIR = '\u001e';

    private Cursors() { }

    public static String encode(Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(lastKey).forEach((k, v) -> text.append(k).append(FIELD).append(v.s()).append(PAIR));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor stands for, or empty if it is not one of ours. */
    public static Optional<Map<String, AttributeValue>> decode(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > 2048) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (String pair : text.split(String.valueOf(PAIR))) {
                int cut = pair.indexOf(FIELD);
                if (cut <= 0) {
                    return Optional.empty();
                }
                key.put(pair.substring(0, cut), AttributeValue.fromS(pair.substring(cut + 1)));
            }
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
