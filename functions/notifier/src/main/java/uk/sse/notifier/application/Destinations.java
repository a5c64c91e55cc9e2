package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.AddressPolicy;
import uk.sse.notifier.model.LocalReceivers;
import uk.sse.notifier.model.WebhookUrls;

/**
 * Whether a URL may receive webhooks now: its shape ({@link WebhookUrls}), then every address its host resolves to
 * ({@link AddressPolicy}): one refused address refuses the URL. Checked when a subscription is made or changed and
 * again before every attempt, because what a name resolves to can change. An allow-listed local receiver is an IP
 * literal and is not looked up.
 */
@Singleton
public class Destinations {

    private final HostResolver resolver;
    private final LocalReceivers local;

    public Destinations(HostResolver resolver, NotifierSettings settings) {
        this.resolver = resolver;
        this.local = settings.receivers();
    }

    public sealed interface Checked {
        record Allowed(Destination destination) implements Checked {}

        record Refused(String reason) implements Checked {}
    }

    public Checked check(String url) {
        return switch (WebhookUrls.check(url, local)) {
            case WebhookUrls.Checked.Refused refused -> new Checked.Refused(refused.reason());
            case WebhookUrls.Checked.Accepted a
            when a.localReceiver() -> new Checked.Allowed(new Destination(a.uri(), a.host() + ":" + a.port()));
            case WebhookUrls.Checked.Accepted a -> resolved(a);
        };
    }

    private Checked resolved(WebhookUrls.Checked.Accepted a) {
        String host = a.host().startsWith("[") && a.host().endsWith("]")
                ? a.host().substring(1, a.host().length() - 1)
                : a.host();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException unknown) {
            return new Checked.Refused("names a host that does not resolve: " + host);
        }
        if (addresses.isEmpty()) {
            return new Checked.Refused("names a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = AddressPolicy.refusal(address);
            if (refusal.isPresent()) {
                String what = isLiteral(host, address) ? "" : host + " resolves to ";
                return new Checked.Refused(
                        "is refused: " + what + refusal.get() + "; webhooks go to public addresses only");
            }
        }
        String first = addresses.get(0).getHostAddress();
        return new Checked.Allowed(
                new Destination(a.uri(), (first.contains(":") ? "[" + first + "]" : first) + ":" + a.port()));
    }

    private static boolean isLiteral(String host, InetAddress address) {
        return host.equalsIgnoreCase(address.getHostAddress())
                || host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':');
    }
}
