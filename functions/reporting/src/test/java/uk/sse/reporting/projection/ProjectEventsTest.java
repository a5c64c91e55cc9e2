package uk.sse.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.Result;
import uk.sse.brokerage.model.Urgency;
import uk.sse.contracts.ledger.LedgerEvent;
import uk.sse.engines.Engines;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.reporting.support.ReadModelRows;
import uk.sse.reporting.support.ReportingLambdaTest;
import uk.sse.reporting.support.StreamRecords;

/**
 * The stream handler's answers to what a stream can carry: records it cannot read are named in batchItemFailures (and
 * only they; the rest of the batch lands), records that are none of its business are passed over, and a batch whose
 * write fails is named whole and lands when delivered again.
 */
@MicronautTest(environments = "test", transactional = false)
class ProjectEventsTest extends ReportingLambdaTest {

    final String table = "project-events-" + UUID.randomUUID().toString().substring(0, 8);
    DynamoDbClient dynamo;
    StreamRecords stream;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("sse.aws.endpoint", Engines.dynamo().endpoint().toString());
        return p;
    }

    @BeforeAll
    void table() {
        dynamo = context.getBean(DynamoDbClient.class);
        Tables.createIfAbsent(dynamo, Tables.definition(table, 3));
        stream = StreamRecords.of(Engines.dynamo().endpoint(), table);
    }

    @org.junit.jupiter.api.BeforeEach
    void emptyReadModel() {
        context.getBean(ReadModelRows.class).empty();
        stream.next(); // what an earlier test left unread
    }

    void put(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    Map<String, AttributeValue> event(String pk, String sk, EventEnvelope e, String envelope) {
        return EventItems.item(pk, sk, e, envelope);
    }

    static String sequenceOf(DynamodbStreamRecord r) {
        return r.getDynamodb().getSequenceNumber();
    }

    @Test
    void unreadableRecordsAreNamedAndTheRestLands() {
        EventJson json = context.getBean(EventJson.class);
        Result.Applied raised = (Result.Applied) Brokerage.raise(new Command.Raise(
                Actor.adviser("ann", "888"),
                Instant.parse("2026-09-07T09:00:00Z"),
                "RX",
                "100001",
                "888",
                List.of("CT.READ"),
                "phonics",
                Urgency.LOW,
                2,
                List.of(),
                LocalDate.of(2026, 12, 1),
                10,
                List.of(),
                "Moorside Primary"));
        put(event("REQUEST#RX", "EVENT#0000000001", raised.event(), json.write(raised.event())));
        EventEnvelope noVersion = new EventEnvelope(
                "brokerage.request.created",
                "RY/1",
                Instant.parse("2026-09-07T09:00:00Z"),
                "888",
                Map.of("requestId", "RY", "urn", "100002", "to", "OPEN"));
        put(event("REQUEST#RY", "EVENT#0000000001", noVersion, json.write(noVersion)));
        put(event("REQUEST#RZ", "EVENT#0000000001", raised.event(), "{\"type\": \"brokerage.request.cre"));
        EventEnvelope elsewhere = new EventEnvelope("notifier.delivery.failed", "D1", Instant.now(), "888", Map.of());
        put(event("DELIVERY#D1", "EVENT#0000000001", elsewhere, json.write(elsewhere)));
        put(Items.builder()
                .s("pk", "ACCOUNT#888/100001")
                .s("sk", "ENTRY#0000000000000000001")
                .s("type", "ENTRY")
                .s("account", "888/100001")
                .n("amount", 5)
                .build());
        EventEnvelope noAmount = new EventEnvelope(
                LedgerEvent.TRANSFER_CREATED,
                "T-bad/created",
                Instant.parse("2026-09-07T09:00:00Z"),
                "888",
                Map.of(
                        "contractVersion",
                        1,
                        "transfer",
                        "T-bad",
                        "debit",
                        "888/ISSUING",
                        "credit",
                        "888/100001",
                        "kind",
                        "ALLOCATION",
                        "reference",
                        "x",
                        "pending",
                        false,
                        "state",
                        "SINGLE_PHASE"));
        put(event("TRANSFER#T-bad", "EVENT#created", noAmount, json.write(noAmount)));
        put(Items.builder()
                .s("pk", "SCHOOL#100001")
                .s("sk", "PROFILE")
                .s("entity", "SCHOOL")
                .s("urn", "100001")
                .s("name", "Moorside Primary")
                .s("laCode", "888")
                .s("laName", "Lancashire")
                .s("phase", "Primary")
                .build());
        dynamo.deleteItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("SCHOOL#100001"), "sk", AttributeValue.fromS("PROFILE"))));

        List<DynamodbStreamRecord> records = stream.next();
        assertThat(records).hasSize(8);
        StreamsEventResponse response = handler().handleRequest(StreamRecords.event(records), null);
        assertThat(response.getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequenceOf(records.get(1)), sequenceOf(records.get(2)), sequenceOf(records.get(5)));
        ReadModelRows rows = context.getBean(ReadModelRows.class);
        assertThat(rows.count("brokerage_event")).isEqualTo(1);
        assertThat(rows.count("request")).isEqualTo(1);
        assertThat(rows.count("school"))
                .as("a school's removal from the register does not remove it from reports")
                .isEqualTo(1);
        assertThat(rows.count("ledger_transfer")).isZero();
        assertThat(rows.count("ledger_account")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchWhoseWriteFailsIsNamedWholeAndLandsWhenDeliveredAgain() {
        EventJson json = context.getBean(EventJson.class);
        Result.Applied raised = (Result.Applied) Brokerage.raise(new Command.Raise(
                Actor.adviser("ann", "888"),
                Instant.parse("2026-10-07T09:00:00Z"),
                "RW",
                "100003",
                "888",
                List.of("AB.ATT"),
                "attendance",
                Urgency.LOW,
                2,
                List.of(),
                LocalDate.of(2026, 12, 1),
                10,
                List.of(),
                null));
        put(event("REQUEST#RW", "EVENT#0000000001", raised.event(), json.write(raised.event())));
        put(Items.builder()
                .s("pk", "SCHOOL#100003")
                .s("sk", "PROFILE")
                .s("entity", "SCHOOL")
                .s("urn", "100003")
                .s("name", "Riverside Infants")
                .build());
        List<DynamodbStreamRecord> records = stream.next();
        assertThat(records).hasSize(2);
        String schema = getProperties().get("sse.reporting.schema");
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        sql(tx, "ALTER TABLE \"" + schema + "\".request RENAME TO request_away");
        try {
            StreamsEventResponse failed = handler().handleRequest(StreamRecords.event(records), null);
            assertThat(failed.getBatchItemFailures())
                    .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly(sequenceOf(records.get(0)), sequenceOf(records.get(1)));
        } finally {
            sql(tx, "ALTER TABLE \"" + schema + "\".request_away RENAME TO request");
        }
        ReadModelRows rows = context.getBean(ReadModelRows.class);
        long schools = rows.count("school");
        assertThat(handler().handleRequest(StreamRecords.event(records), null).getBatchItemFailures())
                .isEmpty();
        assertThat(rows.count("school")).isEqualTo(schools + 1);
        assertThat(rows.count("request")).isPositive();
    }

    @Test
    void monthsAndDaysAreEnglands() {
        EventJson json = context.getBean(EventJson.class);
        // agreed at 23:30 UTC on 30 September, 00:30 in London (BST): October; completed 23:30 UTC on 30 November
        // (GMT): November
        var desk = new java.util.ArrayList<EventEnvelope>();
        Result.Applied a = (Result.Applied) Brokerage.raise(new Command.Raise(
                Actor.adviser("ann", "888"),
                Instant.parse("2026-09-20T09:00:00Z"),
                "RM",
                "100001",
                "888",
                List.of("CT.MATHS"),
                "maths",
                Urgency.LOW,
                2,
                List.of(),
                LocalDate.of(2026, 12, 31),
                10,
                List.of(),
                null));
        desk.add(a.event());
        var r = a.request();
        for (Command.Change c : List.<Command.Change>of(
                new Command.Propose(
                        Actor.broker("bob", "888"),
                        Instant.parse("2026-09-21T09:00:00Z"),
                        1,
                        List.of(new Command.Offered("O-1", "P-A", 2, 6)),
                        null),
                new Command.Accept(Actor.provider("pat", "P-A"), Instant.parse("2026-09-22T09:00:00Z"), 2, "P1"),
                new Command.Agree(Actor.school("sue", "100001"), Instant.parse("2026-09-30T23:30:00Z"), 3, "P1"),
                new Command.StartDelivery(Actor.broker("bob", "888"), Instant.parse("2026-10-05T09:00:00Z"), 4),
                new Command.Complete(
                        Actor.broker("bob", "888"),
                        Instant.parse("2026-11-30T23:30:00Z"),
                        5,
                        2,
                        java.util.OptionalLong.empty(),
                        null))) {
            Result.Applied applied = (Result.Applied) Brokerage.apply(r, c);
            desk.add(applied.event());
            r = applied.request();
        }
        for (EventEnvelope e : desk) {
            put(event("REQUEST#RM", String.format("EVENT#%010d", (Long) e.data().get("version")), e, json.write(e)));
        }
        assertThat(handler()
                        .handleRequest(StreamRecords.event(stream.next()), null)
                        .getBatchItemFailures())
                .isEmpty();
        var days = get("/reports/days?from=2026-09-01&to=2026-11-30", commissioner("888"));
        assertThat(days.status()).isEqualTo(200);
        assertThat(uk.sse.reporting.support.ReportTable.ofJson(days.map(), uk.sse.reporting.reports.DaysRow.COLUMNS)
                        .rows())
                .extracting(row -> row.get(0) + " " + row.get(6) + " " + row.get(7))
                .containsExactly("2026-10 2 0", "2026-11 0 2");
        // 30 September as a London day ends at 23:00 UTC: the agreement is not in a period that stops there
        var september = get("/reports/days?from=2026-09-01&to=2026-09-30", commissioner("888"));
        assertThat(((java.util.List<?>) september.map().get("rows"))).isEmpty();
        var octoberFirst = get("/reports/schools?from=2026-10-01&to=2026-10-01", commissioner("888"));
        assertThat(((java.util.List<?>) octoberFirst.map().get("rows"))).hasSize(1);
    }

    private static void sql(TransactionOperations<Connection> tx, String sql) {
        tx.executeWrite(status -> {
            try (Statement st = status.getConnection().createStatement()) {
                st.execute(sql);
            }
            return null;
        });
    }
}
