package uk.sse.web.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** API paths and queries with every value encoded. */
public final class Paths {

    private final StringBuilder path;
    private final List<String> query = new ArrayList<>();

    private Paths(String start) {
        this.path = new StringBuilder(start);
    }

    /** {@code of("/schools/", urn)}: literal parts as given, values between them encoded. */
    public static Paths of(String first, String... rest) {
        Paths paths = new Paths(first);
        for (int i = 0; i < rest.length; i++) {
            paths.path.append(i % 2 == 0 ? encode(rest[i]) : rest[i]);
        }
        return paths;
    }

    public Paths query(String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            query.add(encode(name) + "=" + encode(value.toString()));
        }
        return this;
    }

    public Paths query(String name, List<?> values) {
        if (values != null) {
            values.forEach(v -> query(name, v));
        }
        return this;
    }

    @Override
    public String toString() {
        return query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
