package uk.sse.kernel.http;

import java.util.OptionalLong;

/** Strong ETags made from an item's version number: {@code "v7"}. */
public final class ETags {

    private ETags() { }

    public static String of(long version) {
        return "\"v" + version + "\"";
    }

    /** The version an If-Match header names, or empty if it is not one of ours. */
    public static OptionalLong versionOf(String ifMatch) {
        if (ifMatch == null) {
            return OptionalLong.empty();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() < 4 || !value.startsWith("\"v") || !value.endsWith("\"")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.substring(2, value.length() - 1)));
        } catch (NumberFormatException notOurs) {
            return OptionalLong.empty();
        }
    }
}
