package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Action;

/** What the notifier knows of the brokerage is what the brokerage's model says: its urgencies and its event types. */
class BrokerageAgreementTest {

    @Test
    void theUrgenciesAreTheBrokerages() {
        assertThat(Arrays.stream(Urgency.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(uk.sse.brokerage.model.Urgency.values())
                        .map(Enum::name)
                        .toList());
    }

    @Test
    void everyBrokerageEventTypeCanBeSubscribedTo() {
        for (Action action : Action.values()) {
            assertThat(EventCatalogue.isKnown(action.eventType()))
                    .as(action.eventType())
                    .isTrue();
        }
        assertThat(EventCatalogue.isKnown("brokerage.engagement.hold-refused")).isTrue();
        // besides the actions' events: the ledger refusing a hold, and reconciliation's four repairs that are no action
        java.util.List<String> repairs =
                java.util.List.of("hold-voided", "post-redriven", "void-redriven", "needs-attention");
        repairs.forEach(r -> assertThat(EventCatalogue.isKnown("brokerage.reconciliation." + r))
                .as(r)
                .isTrue());
        assertThat(EventCatalogue.types().stream().filter(t -> t.startsWith("brokerage.")))
                .hasSize(Action.values().length + 1 + repairs.size());
    }
}
