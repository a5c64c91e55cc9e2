package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.events.EventEnvelope;

/**
 * The notifier's events of a subscription, as records, make the envelopes the hand-built maps made: the same type, id,
 * area, time and data, members in the same order (so the same JSON body, and the same signature), absent where they
 * have no value.
 */
class SubscriptionEventTest {

    static final Instant AT = Instant.parse("2026-12-07T10:15:30.123Z");
    static final Instant SINCE = Instant.parse("2026-12-02T08:00:00Z");

    static Subscription subscription(String url, String description, Instant failingSince) {
        return new Subscription(
                "sub_1",
                "888",
                url,
                List.of("brokerage.request.created"),
                null,
                Format.SLACK,
                description,
                SubscriptionStatus.ACTIVE,
                null,
                null,
                failingSince,
                null,
                "broker-888",
                SINCE,
                SINCE,
                3);
    }

    @Test
    void aDisabledSubscriptionsEventIsTheOneTheNotifierAlwaysStored() {
        EventEnvelope e = SubscriptionEvent.Disabled.of(
                        subscription("https://hooks.slack.com/services/T0/B0/secret", "Brokers' channel", SINCE),
                        "failed every attempt for 5 days",
                        AT)
                .envelope();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("subscriptionId", "sub_1");
        before.put("host", "hooks.slack.com");
        before.put("format", "slack");
        before.put("description", "Brokers' channel");
        before.put("reason", "failed every attempt for 5 days");
        before.put("failingSince", "2026-12-02T08:00:00Z");
        before.put("disabledAt", "2026-12-07T10:15:30.123Z");
        assertThat(e.type()).isEqualTo("notifier.subscription.disabled");
        assertThat(e.id()).isEqualTo("sub_1/disabled/" + AT.toEpochMilli());
        assertThat(e.occurredAt()).isEqualTo(AT);
        assertThat(e.area()).isEqualTo("888");
        assertThat(e.data()).isEqualTo(before);
        assertThat(List.copyOf(e.data().keySet())).containsExactlyElementsOf(before.keySet());
        assertThat(e.data().toString()).doesNotContain("secret").doesNotContain("/services/");
    }

    @Test
    void membersWithoutAValueAreLeftOutAndAnUnreadableUrlHasAnUnknownHost() {
        Map<String, Object> data = SubscriptionEvent.Disabled.of(subscription("not a url", null, null), "410 Gone", AT)
                .data();
        assertThat(List.copyOf(data.keySet()))
                .containsExactly("subscriptionId", "host", "format", "reason", "disabledAt");
        assertThat(data).containsEntry("host", "(unknown)").containsEntry("reason", "410 Gone");
    }

    @Test
    void aTestMessageIsTheOneTheNotifierAlwaysSent() {
        EventEnvelope e = new SubscriptionEvent.Test("sub_1", "888", "broker-888", "tst_01ABC", AT).envelope();
        assertThat(e.type()).isEqualTo(EventCatalogue.TEST);
        assertThat(e.id()).isEqualTo("test/tst_01ABC");
        assertThat(e.occurredAt()).isEqualTo(AT);
        assertThat(e.area()).isEqualTo("888");
        assertThat(List.copyOf(e.data().entrySet()))
                .containsExactly(Map.entry("subscriptionId", "sub_1"), Map.entry("requestedBy", "broker-888"));
    }
}
