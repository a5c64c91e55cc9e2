package uk.sse.notifier.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The shape a webhook URL must have before its host is even looked up: absolute {@code https} with a host name or
 * IP literal, no user name or password, no fragment, at most {@value #MAX_LENGTH} characters. Plain {@code http} is
 * admitted only for an allow-listed local receiver ({@link LocalReceivers}), which is also the only loopback address
 * that passes (it is not looked up at all). Where the host resolves to is judged by {@link AddressPolicy}.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2048;

    private WebhookUrls() { }

    /** The parsed URL and whether it is an allow-listed local receiver, or why it is refused. */
    public sealed interface Checked {
        record Accepted(URI uri, String host, int port, boolean localReceiver) implements Checked { }

        record Refused(String reason) implements Checked { }
    }

    public static Checked check(String url, LocalReceivers local) {
        if (url == null || url.isBlank()) {
            return new Checked.Refused("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return new Checked.Refused("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException bad) {
            return new Checked.Refused("is not a URL: " + bad.getReason());
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            return new Checked.Refused("must be an absolute https URL");
        }
        if (local.admits(uri)) {
            return new Checked.Accepted(uri, uri.getHost(), uri.getPort(), true);
        }
        if (!"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return new Checked.Refused("must use https");
        }
        if (uri.getRawUserInfo() != null) {
            return new Checked.Refused("must not carry a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return new Checked.Refused("must name a host (letters, digits, '-' and '.', or an IP address)");
        }
        if (uri.getRawFragment() != null) {
            return new Checked.Refused("must not have a fragment (#...)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return new Checked.Refused("must have a port from 1 to 65535, if any");
        }
        return new Checked.Accepted(uri, uri.getHost(), uri.getPort() < 0 ? 443 : uri.getPort(), false);
    }
}
