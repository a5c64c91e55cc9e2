package uk.sse.notifier.storage;

import java.time.Instant;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.SubscriptionEvent;

/**
 * The {@code notifier.subscription.disabled} event ({@link SubscriptionEvent.Disabled}) as stored: its sort key beside
 * its subscription, {@code EVENT#<ms>}.
 */
final class DisabledEvents {

    private DisabledEvents() {}

    static String sk(Instant at) {
        return "EVENT#" + Keys.millis(at);
    }

    static EventEnvelope of(Subscription s, String reason, Instant at) {
        return SubscriptionEvent.Disabled.of(s, reason, at).envelope();
    }
}
