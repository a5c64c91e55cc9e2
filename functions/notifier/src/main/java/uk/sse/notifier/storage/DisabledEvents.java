package uk.sse.notifier.storage;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.notifier.model.EventCatalogue;
import uk.sse.notifier.model.Subscription;

/**
 * The {@code notifier.subscription.disabled} event (docs/events.md): id {@code <subscriptionId>/disabled/<ms>}; data
 * {@code subscriptionId}, {@code host} (only the host: a Slack URL's path is itself a credential), {@code format},
 * {@code description}, {@code reason}, {@code failingSince} (if it had been failing), {@code disabledAt}.
 */
final class DisabledEvents {

    private DisabledEvents() {}

    static String sk(Instant at) {
        return "EVENT#" + Keys.millis(at);
    }

    static EventEnvelope of(Subscription s, String reason, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", s.id());
        data.put("host", host(s.url()));
        data.put("format", s.format().apiName());
        if (s.description() != null) {
            data.put("description", s.description());
        }
        data.put("reason", reason);
        if (s.failingSince() != null) {
            data.put("failingSince", s.failingSince().toString());
        }
        data.put("disabledAt", at.toString());
        return new EventEnvelope(
                EventCatalogue.SUBSCRIPTION_DISABLED, s.id() + "/disabled/" + at.toEpochMilli(), at, s.area(), data);
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "(unknown)" : host;
        } catch (IllegalArgumentException notAUrl) {
            return "(unknown)";
        }
    }
}
