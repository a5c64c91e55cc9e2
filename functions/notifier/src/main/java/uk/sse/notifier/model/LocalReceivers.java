package uk.sse.notifier.model;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The allow-list of local receivers: origins {@code http://127.0.0.1:<port>} (or {@code http://127.0.0.1:*}) that
 * may be sent to despite being plain HTTP on loopback. Empty by default; the tests and {@code ./run} name their own
 * receivers. Nothing else can be admitted: an entry of any other shape stops the function from starting.
 */
public record LocalReceivers(List<String> origins) {

    private static final Pattern ORIGIN = Pattern.compile("http://127\\.0\\.0\\.1:(\\*|[1-9][0-9]{0,4})");
    public static final LocalReceivers NONE = new LocalReceivers(List.of());

    public LocalReceivers {
        origins = origins == null ? List.of() : List.copyOf(origins);
        for (String origin : origins) {
            Matcher m = ORIGIN.matcher(origin);
            if (!m.matches() || !m.group(1).equals("*") && Integer.parseInt(m.group(1)) > 65535) {
                throw new IllegalArgumentException(
                        "sse.notifier.local-receivers admits only http://127.0.0.1:<port> or "
                                + "http://127.0.0.1:*, not " + origin);
            }
        }
    }

    /** True for a URL whose scheme, host and port are exactly an allowed origin's (no user part). */
    public boolean admits(URI url) {
        if (!"http".equals(url.getScheme())
                || !"127.0.0.1".equals(url.getHost())
                || url.getRawUserInfo() != null
                || url.getPort() < 1) {
            return false;
        }
        String port = Integer.toString(url.getPort());
        return origins.stream()
                .anyMatch(o -> o.endsWith(":*")
                        || o.endsWith(":" + port) && o.length() == "http://127.0.0.1:".length() + port.length());
    }
}
