package uk.sse.kernel.dynamo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Paging cursors: a query's LastEvaluatedKey (string keys only), as opaque URL-safe text. Each name and value is
 * written with its separators escaped, so a value may hold any text (a provider's name is part of a sort key).
 */
public final class Cursors {

    private static final char FIELD = '\u001f';
    private static final char PAIR = '\u001e';
    private static final char ESCAPE = '\u001d';

    private Cursors() {}

    public static String encode(Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        lastKey.forEach((k, v) -> {
            if (v.s() == null) {
                throw new IllegalArgumentException("a cursor holds string keys only, not " + k + "=" + v);
            }
        });
        new TreeMap<>(lastKey)
                .forEach((k, v) -> text.append(escape(k))
                        .append(FIELD)
                        .append(escape(v.s()))
                        .append(PAIR));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
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
                String name = unescape(pair.substring(0, cut));
                String value = unescape(pair.substring(cut + 1));
                if (name == null || value == null) {
                    return Optional.empty();
                }
                key.put(name, AttributeValue.fromS(value));
            }
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The start key of a page asked with {@code cursor}: null for the first page; a cursor this API did not give is refused. */
    public static Map<String, AttributeValue> startOf(String cursor) {
        return cursor == null
                ? null
                : decode(cursor).orElseThrow(() -> new InvalidCursor("is not a cursor of this listing"));
    }

    /**
     * As {@link #startOf}, and the key must be one of this listing's: exactly the attributes {@code names}, each
     * {@code ours} accepts (another listing's cursor, or a forged one, is refused rather than sent to the store).
     */
    public static Map<String, AttributeValue> startOf(
            String cursor, java.util.Set<String> names, Predicate<Map<String, AttributeValue>> ours) {
        Map<String, AttributeValue> start = startOf(cursor);
        if (start != null && (!start.keySet().equals(names) || !ours.test(start))) {
            throw new InvalidCursor("is not a cursor of this listing");
        }
        return start;
    }

    /**
     * A listing's start key from the cursor a page was asked with: an empty Optional inside for the first page (no
     * cursor); nothing at all if the cursor is not one this listing gave ({@code ours} says which keys are; a key
     * missing an attribute is not).
     */
    public static Optional<Optional<Map<String, AttributeValue>>> startKey(
            String cursor, Predicate<Map<String, AttributeValue>> ours) {
        if (cursor == null) {
            return Optional.of(Optional.empty());
        }
        return decode(cursor)
                .filter(key -> {
                    try {
                        return ours.test(key);
                    } catch (NullPointerException missingKey) {
                        return false;
                    }
                })
                .map(Optional::of);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case ESCAPE -> out.append(ESCAPE).append('e');
                case FIELD -> out.append(ESCAPE).append('f');
                case PAIR -> out.append(ESCAPE).append('p');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The text an escaped name or value stands for, or null if it holds an escape this class does not write. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ESCAPE) {
                out.append(c);
                continue;
            }
            char next = ++i < s.length() ? s.charAt(i) : 0;
            switch (next) {
                case 'e' -> out.append(ESCAPE);
                case 'f' -> out.append(FIELD);
                case 'p' -> out.append(PAIR);
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }
}
