package uk.sse.notifier.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The shape a webhook URL must have before its host is even looked up: absolute {@code https} with a host name or
 * IP literal, no user name or password, no fragment, at most {@value #MAX_LENGTH} characters. An IPv4 literal must be
 * written the one canonical way (four decimal numbers, no leading zeros): {@code 0177.0.0.01} is octal to some parsers
 * and decimal to Java, so whichever resolver judged it, another could reach another address. An internationalised
 * domain name is taken in its punycode form ({@code bücher.example} is {@code xn--bcher-kva.example}). Plain {@code http} is
 * admitted only for an allow-listed local receiver ({@link LocalReceivers}), which is also the only loopback address
 * that passes (it is not looked up at all). Where the host resolves to is judged by {@link AddressPolicy}.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2048;

    private WebhookUrls() {}

    /** The parsed URL and whether it is an allow-listed local receiver, or why it is refused. */
    public sealed interface Checked {
        record Accepted(URI uri, String host, int port, boolean localReceiver) implements Checked {}

        record Refused(String reason) implements Checked {}
    }

    private static final String NON_CANONICAL =
            "names an IP address in a non-canonical form: write it as four decimal numbers, e.g. 192.0.2.10";
    private static final java.util.regex.Pattern CANONICAL_IPV4 = java.util.regex.Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final java.util.regex.Pattern NUMERIC_LABEL =
            java.util.regex.Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final java.util.regex.Pattern AUTHORITY = java.util.regex.Pattern.compile(
            "^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)(.*)$", java.util.regex.Pattern.DOTALL);

    /** A host a URL parser would read as an IPv4 address (WHATWG: its last label is a number, decimal, octal or hex). */
    static boolean looksNumeric(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = h.substring(h.lastIndexOf('.') + 1);
        return host.endsWith(".") && CANONICAL_IPV4.matcher(h).matches()
                || NUMERIC_LABEL.matcher(last).matches();
    }

    /** The URL with a non-ASCII host written in punycode (IDNA); an ASCII URL as it is. */
    static String withAsciiHost(String url) {
        if (url.chars().allMatch(c -> c < 0x80)) {
            return url;
        }
        java.util.regex.Matcher m = AUTHORITY.matcher(url);
        if (!m.matches()) {
            return url;
        }
        String authority = m.group(2);
        int at = authority.lastIndexOf('@');
        String user = at < 0 ? "" : authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "" : hostPort.substring(colon);
        return m.group(1) + user + java.net.IDN.toASCII(host, java.net.IDN.USE_STD3_ASCII_RULES) + port + m.group(3);
    }

    public static Checked check(String url, LocalReceivers local) {
        if (url == null || url.isBlank()) {
            return new Checked.Refused("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return new Checked.Refused("must be at most " + MAX_LENGTH + " characters");
        }
        String ascii;
        try {
            ascii = withAsciiHost(url);
        } catch (IllegalArgumentException notADomain) {
            return new Checked.Refused("names a host that is not a valid internationalised domain name");
        }
        URI uri;
        try {
            uri = new URI(ascii);
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
            String raw = uri.getRawAuthority() == null
                    ? ""
                    : uri.getRawAuthority().replaceFirst("^.*@", "").replaceFirst(":[0-9]*$", "");
            return new Checked.Refused(
                    !raw.isEmpty() && looksNumeric(raw)
                            ? NON_CANONICAL
                            : "must name a host (letters, digits, '-' and '.', or an IP address)");
        }
        if (looksNumeric(uri.getHost())
                && !CANONICAL_IPV4.matcher(uri.getHost()).matches()) {
            return new Checked.Refused(NON_CANONICAL);
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
