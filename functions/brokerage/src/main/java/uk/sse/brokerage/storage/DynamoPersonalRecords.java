package uk.sse.brokerage.storage;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.brokerage.application.ExpiringTexts;
import uk.sse.brokerage.application.PersonalRecords;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Retention;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;

/**
 * A person's part in requests, in the brokerage table: an area's requests through the area index, a request's events
 * under its key. An erasure's rewrite is the one change ever made to an event item: its envelope is put again, in place
 * (the stream carries it as a MODIFY, which the read model takes and the event consumers, fed only inserts, never see).
 */
@Singleton
public class DynamoPersonalRecords implements PersonalRecords, ExpiringTexts {

    /** A transaction's limit is 100 items: events go in batches before the last, which holds the request. */
    private static final int BATCH = 99;

    private final DynamoDbClient client;
    private final String table;
    private final EventJson json;

    public DynamoPersonalRecords(DynamoDbClient client, BrokerageTable table, EventJson json) {
        this.client = client;
        this.table = table.name();
        this.json = json;
    }

    @Override
    public List<BrokerageRequest> inArea(String area, Predicate<BrokerageRequest> keeps) {
        List<BrokerageRequest> found = new ArrayList<>();
        Transactions.busyOnFault("read", () -> {
            client.queryPaginator(b -> b.tableName(table)
                            .indexName(BrokerageTable.AREA_INDEX)
                            .keyConditionExpression(Tables.indexPk(2) + " = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RequestItems.areaPk(area)))))
                    .items()
                    .forEach(item -> {
                        BrokerageRequest r = RequestItems.request(Items.of(item));
                        if (keeps.test(r)) found.add(r);
                    });
            return found;
        });
        return found;
    }

    @Override
    public List<LoggedEvent> events(String requestId) {
        List<LoggedEvent> events = new ArrayList<>();
        Transactions.busyOnFault("read", () -> {
            client.queryPaginator(b -> b.tableName(table)
                            .consistentRead(true)
                            .keyConditionExpression("pk = :pk AND begins_with(sk, :events)")
                            .expressionAttributeValues(Map.of(
                                    ":pk",
                                    AttributeValue.fromS(RequestItems.pk(requestId)),
                                    ":events",
                                    AttributeValue.fromS("EVENT#"))))
                    .items()
                    .forEach(item -> json.read(EventItems.envelopeOf(item))
                            .ifPresent(e -> events.add(
                                    new LoggedEvent(item.get(Tables.SK).s(), e))));
            return events;
        });
        return events;
    }

    @Override
    public boolean rewrite(BrokerageRequest rewritten, List<LoggedEvent> events) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (LoggedEvent e : events) {
            writes.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(table)
                            .item(EventItems.item(
                                    RequestItems.pk(rewritten.id()), e.key(), e.event(), json.write(e.event())))
                            .conditionExpression("attribute_exists(pk)")
                            .build())
                    .build());
        }
        // events first, whole batches at a time: an erasure is idempotent, so a batch written before a refusal is no
        // harm
        while (writes.size() >= BATCH + 1) {
            List<TransactWriteItem> batch = new ArrayList<>(writes.subList(0, BATCH));
            writes.subList(0, BATCH).clear();
            Transactions.writeIfConditionsHold(client, batch);
        }
        writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(RequestItems.item(rewritten).build())
                        .conditionExpression("version = :now")
                        .expressionAttributeValues(
                                Map.of(":now", AttributeValue.fromN(Long.toString(rewritten.version()))))
                        .build())
                .build());
        return Transactions.writeIfConditionsHold(client, writes);
    }

    @Override
    public List<String> expiringOn(LocalDate day) {
        List<String> ids = new ArrayList<>();
        Transactions.busyOnFault("read", () -> {
            client.queryPaginator(b -> b.tableName(table)
                            .keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(
                                    Map.of(":pk", AttributeValue.fromS(RequestItems.textsExpirePk(day)))))
                    .items()
                    .forEach(item -> ids.add(item.get("requestId").s()));
            return ids;
        });
        return ids;
    }

    @Override
    public void swept(LocalDate day, String requestId) {
        Transactions.busyOnFault(
                "write",
                () -> client.deleteItem(b -> b.tableName(table)
                        .key(Map.of(
                                Tables.PK,
                                AttributeValue.fromS(RequestItems.textsExpirePk(day)),
                                Tables.SK,
                                AttributeValue.fromS(RequestItems.pk(requestId))))));
    }

    @Override
    public int pointEveryClosedRequest(LocalDate notBefore) {
        int[] closed = {0};
        Transactions.busyOnFault("read", () -> {
            client.scanPaginator(b -> b.tableName(table)
                            .filterExpression("entity = :request")
                            .expressionAttributeValues(Map.of(":request", AttributeValue.fromS(RequestItems.ENTITY))))
                    .items()
                    .forEach(item -> {
                        BrokerageRequest r = RequestItems.request(Items.of(item));
                        Retention.sweptOn(r, notBefore).ifPresent(day -> {
                            client.putItem(b -> b.tableName(table).item(RequestItems.textsExpireItem(day, r)));
                            closed[0]++;
                        });
                    });
            return closed[0];
        });
        return closed[0];
    }
}
