package uk.sse.notifier.model;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.sse.kernel.events.EventEnvelope;

/**
 * What the notifier says of a webhook subscription in the shared envelope (docs/events.md, "Notifier"): that it disabled
 * it (stored as an event, and sent to the area's admins who ask for it), or a test message (sent, never stored). Each
 * knows its type, id and data; {@link #envelope()} puts them in the envelope.
 */
public sealed interface SubscriptionEvent {

    String type();

    String eventId();

    Instant occurredAt();

    String area();

    /** The envelope's data, a member left out where it has no value. */
    Map<String, Object> data();

    default EventEnvelope envelope() {
        return new EventEnvelope(type(), eventId(), occurredAt(), area(), data());
    }

    /**
     * {@code notifier.subscription.disabled}: id {@code <subscriptionId>/disabled/<ms>}; {@code host} is only the
     * URL's host (a Slack URL's path is itself a credential).
     */
    record Disabled(
            String subscriptionId,
            String area,
            String host,
            String format,
            String description,
            String reason,
            Instant failingSince,
            Instant disabledAt)
            implements SubscriptionEvent {

        public static Disabled of(Subscription s, String reason, Instant at) {
            return new Disabled(
                    s.id(),
                    s.area(),
                    hostOf(s.url()),
                    s.format().apiName(),
                    s.description(),
                    reason,
                    s.failingSince(),
                    at);
        }

        public String type() {
            return EventCatalogue.SUBSCRIPTION_DISABLED;
        }

        public String eventId() {
            return subscriptionId + "/disabled/" + disabledAt.toEpochMilli();
        }

        public Instant occurredAt() {
            return disabledAt;
        }

        public Map<String, Object> data() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("subscriptionId", subscriptionId);
            data.put("host", host);
            data.put("format", format);
            if (description != null) {
                data.put("description", description);
            }
            data.put("reason", reason);
            if (failingSince != null) {
                data.put("failingSince", failingSince.toString());
            }
            data.put("disabledAt", disabledAt.toString());
            return data;
        }

        private static String hostOf(String url) {
            try {
                String host = URI.create(url).getHost();
                return host == null ? "(unknown)" : host;
            } catch (IllegalArgumentException notAUrl) {
                return "(unknown)";
            }
        }
    }

    /** {@code notifier.subscription.test}, asked for by {@code requestedBy}: id {@code test/<testId>}. */
    record Test(String subscriptionId, String area, String requestedBy, String testId, Instant occurredAt)
            implements SubscriptionEvent {

        public String type() {
            return EventCatalogue.TEST;
        }

        public String eventId() {
            return "test/" + testId;
        }

        public Map<String, Object> data() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("subscriptionId", subscriptionId);
            data.put("requestedBy", requestedBy);
            return data;
        }
    }
}
