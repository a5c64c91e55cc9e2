package uk.sse.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.sse.contracts.ledger.LedgerEvent;
import uk.sse.contracts.ledger.LedgerEvent.AccountOpened;
import uk.sse.contracts.ledger.LedgerEvent.TransferCreated;
import uk.sse.contracts.ledger.LedgerEvent.TransferPosted;
import uk.sse.contracts.ledger.LedgerEvent.TransferVoided;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.events.StreamedEvents;
import uk.sse.ledger.storage.LedgerTable;
import uk.sse.ledger.web.LedgerLambdaTest;
import uk.sse.ledger.web.Ledgers;
import uk.sse.testing.Api;

/**
 * The ledger publishes its events in its table's stream, in the kernel's envelope, readable as the contracts' records:
 * commands go through the Lambda handler, the records are read from the real stream of DynamoDB Local.
 */
@MicronautTest
class LedgerEventsInTheStreamTest extends LedgerLambdaTest {

    static final String AREA = "888";
    static final String SCHOOL = "888/100001";
    static final String PROVIDER = "888/prv_hub";

    @Inject
    Ledgers ledgers;

    @Inject
    LedgerTable table;

    @Inject
    EventJson json;

    @Test
    void openingAllocatingHoldingPostingAndVoidingPublishTheirEventsOnce() {
        try (TableStreamReader stream =
                TableStreamReader.of(Engines.dynamo().endpoint(), table.name(), StartingPosition.TRIM_HORIZON)) {
            ledgers.open(AREA, "100001", "prv_hub");
            ledgers.open(AREA, "100001"); // opened again: the same account, no second event
            ledgers.allocate("alloc-1", SCHOOL, 30);
            String school = ledgers.school(AREA, "100001");
            assertThat(api.post("/transfers", school, Ledgers.hold("eng-1", SCHOOL, PROVIDER, 12))
                            .status())
                    .isEqualTo(201);
            Api.Reply posted = api.post("/transfers/eng-1/post", school, Map.of("amount", 9));
            assertThat(posted.status()).as(posted.body()).isEqualTo(200);
            assertThat(api.post("/transfers/eng-1/post", school, Map.of("amount", 9))
                            .status())
                    .isEqualTo(200); // a replay
            assertThat(api.post("/transfers", school, Ledgers.hold("eng-2", SCHOOL, PROVIDER, 5))
                            .status())
                    .isEqualTo(201);
            Api.Reply voided = api.post("/transfers/eng-2/void", school, null);
            assertThat(voided.status()).as(voided.body()).isEqualTo(200);

            // 3 accounts opened, 3 transfers created, 1 posted, 1 voided; every other record is the ledger's state
            List<LedgerEvent> events = read(stream, 8);

            assertThat(events)
                    .filteredOn(AccountOpened.class::isInstance)
                    .map(e -> (AccountOpened) e)
                    .extracting(AccountOpened::account, AccountOpened::issuing)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("888/ISSUING", true),
                            org.assertj.core.groups.Tuple.tuple(SCHOOL, false),
                            org.assertj.core.groups.Tuple.tuple(PROVIDER, false));
            assertThat(events)
                    .filteredOn(TransferCreated.class::isInstance)
                    .map(e -> (TransferCreated) e)
                    .extracting(
                            TransferCreated::transfer,
                            TransferCreated::debit,
                            TransferCreated::credit,
                            TransferCreated::amount,
                            TransferCreated::kind,
                            TransferCreated::pending,
                            TransferCreated::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "alloc-1", "888/ISSUING", SCHOOL, 30L, "ALLOCATION", false, "SINGLE_PHASE"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "eng-1", SCHOOL, PROVIDER, 12L, "PAYMENT", true, "PENDING"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "eng-2", SCHOOL, PROVIDER, 5L, "PAYMENT", true, "PENDING"));
            assertThat(events)
                    .filteredOn(TransferCreated.class::isInstance)
                    .allSatisfy(
                            e -> assertThat(((TransferCreated) e).requestedBy()).isNotBlank());
            assertThat(events)
                    .filteredOn(TransferPosted.class::isInstance)
                    .map(e -> (TransferPosted) e)
                    .singleElement()
                    .satisfies(p -> assertThat(List.of(p.transfer(), p.amount(), p.posted()))
                            .containsExactly("eng-1", 12L, 9L))
                    .satisfies(p -> assertThat(p.resolvedBy()).isNotBlank());
            assertThat(events)
                    .filteredOn(TransferVoided.class::isInstance)
                    .map(e -> (TransferVoided) e)
                    .singleElement()
                    .satisfies(v -> assertThat(List.of(v.transfer(), v.amount(), v.expired()))
                            .containsExactly("eng-2", 5L, false));
            assertThat(events).allSatisfy(e -> assertThat(e.area()).isEqualTo(AREA));
            assertThat(events).extracting(LedgerEvent::eventId).doesNotHaveDuplicates();
        }
    }

    /**
     * The ledger events in the stream, read as a consumer reads them (envelope, then the contract's reader): polled
     * until the expected number arrived, then until the stream has nothing more, so a repeat would show.
     */
    private List<LedgerEvent> read(TableStreamReader stream, int expected) {
        List<LedgerEvent> events = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean more = true;
        while ((events.size() < expected || more) && System.nanoTime() < deadline) {
            List<DynamodbStreamRecord> records = stream.poll(1000).getRecords();
            more = !records.isEmpty();
            records.stream()
                    .map(r -> StreamedEvents.of(r, json))
                    .flatMap(Optional::stream)
                    .map(LedgerEventsInTheStreamTest::typed)
                    .forEach(events::add);
        }
        assertThat(events).as("the ledger's events in its stream").hasSize(expected);
        return events;
    }

    private static LedgerEvent typed(EventEnvelope e) {
        return LedgerEvent.read(e.type(), e.occurredAt(), e.area(), e.data())
                .orElseThrow(() -> new AssertionError("not a ledger event: " + e.type()));
    }
}
