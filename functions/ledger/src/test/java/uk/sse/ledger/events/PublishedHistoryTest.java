package uk.sse.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.contracts.ledger.LedgerEvent;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.ledger.storage.LedgerHistory;
import uk.sse.ledger.storage.LedgerTable;
import uk.sse.ledger.web.LedgerLambdaTest;
import uk.sse.ledger.web.Ledgers;

/**
 * A ledger whose accounts and transfers were made before it published events (made here through the handler, then
 * their event items deleted) gets the same events from {@link LedgerHistory}: the same ids and data, so a consumer
 * that saw some drops them as repeats; only an account's opening time is the run's. A second run publishes nothing.
 */
@MicronautTest
class PublishedHistoryTest extends LedgerLambdaTest {

    @Inject
    Ledgers ledgers;

    @Inject
    LedgerTable table;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    EventJson json;

    @Inject
    LedgerHistory history;

    @Test
    void theHistoryPublishesWhatTheCommandsPublishedAndOnlyOnce() {
        ledgers.open("888", "100001", "prv_hub");
        ledgers.allocate("alloc-h", "888/100001", 30);
        String school = ledgers.school("888", "100001");
        assertThat(api.post("/transfers", school, Ledgers.hold("held-posted", "888/100001", "888/prv_hub", 12))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/transfers/held-posted/post", school, Map.of("amount", 9))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/transfers", school, Ledgers.hold("held-voided", "888/100001", "888/prv_hub", 5))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/transfers/held-voided/void", school, null).status())
                .isEqualTo(200);
        assertThat(api.post("/transfers", school, Ledgers.hold("held-open", "888/100001", "888/prv_hub", 4))
                        .status())
                .isEqualTo(201);
        Map<String, EventEnvelope> published = events();
        assertThat(published)
                .containsKeys(
                        "888/ISSUING/opened",
                        "888/100001/opened",
                        "888/prv_hub/opened",
                        "alloc-h/created",
                        "held-posted/created",
                        "held-posted/posted",
                        "held-voided/created",
                        "held-voided/voided",
                        "held-open/created");

        Map<String, EventEnvelope> before = events();
        before.values()
                .forEach(e -> dynamo.deleteItem(b -> b.tableName(table.name()).key(key(e))));
        assertThat(events()).isEmpty();

        LedgerHistory.Published run = history.publish();

        assertThat(run.published()).isEqualTo(before.size());
        Map<String, EventEnvelope> after = events();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((id, e) -> {
            EventEnvelope again = after.get(id);
            assertThat(again.type()).isEqualTo(e.type());
            assertThat(again.area()).isEqualTo(e.area());
            assertThat(again.data()).as(id).isEqualTo(e.data());
            if (!LedgerEvent.ACCOUNT_OPENED.equals(e.type())) {
                assertThat(again.occurredAt()).as(id).isEqualTo(e.occurredAt());
            }
        });
        assertThat(history.publish().published()).as("a second run").isZero();
        assertThat(events()).isEqualTo(after);
    }

    /** The ledger's events in its table, by id. */
    private Map<String, EventEnvelope> events() {
        Map<String, EventEnvelope> events = new HashMap<>();
        dynamo.scanPaginator(b -> b.tableName(table.name()).consistentRead(true))
                .items()
                .forEach(item -> {
                    String text = EventItems.envelopeOf(item);
                    if (text != null) {
                        EventEnvelope e = json.read(text).orElseThrow();
                        events.put(e.id(), e);
                    }
                });
        return events;
    }

    private static Map<String, AttributeValue> key(EventEnvelope e) {
        String id = e.id();
        String what = id.substring(id.lastIndexOf('/') + 1);
        String subject = id.substring(0, id.lastIndexOf('/'));
        String pk = (LedgerEvent.ACCOUNT_OPENED.equals(e.type()) ? "ACCOUNT#" : "TRANSFER#") + subject;
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("EVENT#" + what));
    }
}
