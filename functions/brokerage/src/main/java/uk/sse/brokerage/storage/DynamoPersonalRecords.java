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
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.events.EventLog;

/**
 * A person's part in requests, in the brokerage table: an area's requests through the area index, a request's events
 * under its key. An erasure's rewrite is the one change ever made to an event item: its envelope is put again, in place
 * (the stream carries it as a MODIFY, which the read model takes and the event consumers, fed only inserts, never see).
 */
@Singleton
public class DynamoPersonalRecords implements PersonalRecords, ExpiringTexts {

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
        return EventLog.read(client, table, RequestItems.pk(requestId), json, LoggedEvent::new);
    }

    @Override
    public boolean rewrite(BrokerageRequest rewritten, List<LoggedEvent> events) {
        return EventLog.rewrite(
                client,
                events.stream()
                        .map(e -> EventLog.replace(table, RequestItems.pk(rewritten.id()), e.key(), e.event(), json))
                        .toList(),
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(RequestItems.item(rewritten).build())
                                .conditionExpression("version = :now")
                                .expressionAttributeValues(
                                        Map.of(":now", AttributeValue.fromN(Long.toString(rewritten.version()))))
                                .build())
                        .build());
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
