package uk.sse.notifier.storage;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.kernel.dynamo.Cursors;
import uk.sse.kernel.dynamo.IdempotencyItems;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.idempotency.PriorRequest;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.notifier.application.SubscriptionStore;
import uk.sse.notifier.model.Subscription;

/** Subscriptions in the notifier's table: each write a conditional put (with its idempotency key, one transaction). */
@Singleton
public class DynamoSubscriptionStore implements SubscriptionStore {

    private final DynamoDbClient client;
    private final String table;
    private final SecretSeal seal;

    public DynamoSubscriptionStore(DynamoDbClient client, NotifierTable table, SecretSeal seal) {
        this.client = client;
        this.table = table.name();
        this.seal = seal;
    }

    @Override
    public boolean create(Subscription s, IdempotencyKey key) {
        Put put = Put.builder()
                .tableName(table)
                .item(SubscriptionItems.item(s, seal))
                .conditionExpression("attribute_not_exists(pk)")
                .build();
        if (key == null) {
            try {
                client.putItem(b -> b.tableName(table).item(put.item()).conditionExpression(put.conditionExpression()));
                return true;
            } catch (ConditionalCheckFailedException exists) {
                return false;
            }
        }
        return Transactions.writeIfConditionsHold(
                client,
                List.of(
                        TransactWriteItem.builder().put(put).build(),
                        IdempotencyItems.claim(table, key, s.id(), s.createdAt())));
    }

    @Override
    public Optional<Subscription> find(String id) {
        var response = client.getItem(
                b -> b.tableName(table).key(SubscriptionItems.key(id)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(SubscriptionItems.subscription(response.item(), seal))
                : Optional.empty();
    }

    @Override
    public Optional<PriorRequest> priorRequest(IdempotencyKey key) {
        return IdempotencyItems.find(client, table, key);
    }

    @Override
    public Optional<Page<Subscription>> inArea(String area, PageRequest page) {
        String pk = SubscriptionItems.areaPk(area);
        return Cursors.startKey(
                        page.cursor(),
                        key -> pk.equals(Pages.s(key, Tables.indexPk(1)))
                                && Pages.s(key, Tables.indexSk(1)).startsWith(SubscriptionItems.SK + "#"))
                .map(start -> {
                    QueryResponse response = client.query(areaQuery(area)
                            .limit(page.limit())
                            .exclusiveStartKey(start.orElse(null))
                            .build());
                    return new Page<>(
                            response.items().stream()
                                    .map(i -> SubscriptionItems.subscription(i, seal))
                                    .toList(),
                            response.hasLastEvaluatedKey() ? Cursors.encode(response.lastEvaluatedKey()) : null);
                });
    }

    @Override
    public List<Subscription> allInArea(String area) {
        List<Subscription> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response =
                    client.query(areaQuery(area).exclusiveStartKey(start).build());
            response.items().forEach(i -> all.add(SubscriptionItems.subscription(i, seal)));
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return all;
    }

    @Override
    public boolean update(Subscription s) {
        try {
            client.putItem(b -> b.tableName(table)
                    .item(SubscriptionItems.item(s, seal))
                    .conditionExpression("#v = :previous")
                    .expressionAttributeNames(Map.of("#v", SubscriptionItems.VERSION))
                    .expressionAttributeValues(
                            Map.of(":previous", AttributeValue.fromN(Long.toString(s.version() - 1)))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public boolean delete(String id, long version) {
        try {
            client.deleteItem(b -> b.tableName(table)
                    .key(SubscriptionItems.key(id))
                    .conditionExpression("#v = :version")
                    .expressionAttributeNames(Map.of("#v", SubscriptionItems.VERSION))
                    .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(version)))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    private QueryRequest.Builder areaQuery(String area) {
        // consistent reads are not offered on a global index: a subscription made a moment ago may be missed by one
        // fan-out
        return QueryRequest.builder()
                .tableName(table)
                .indexName(NotifierTable.AREA_INDEX)
                .keyConditionExpression("gsi1pk = :area AND begins_with(gsi1sk, :sub)")
                .expressionAttributeValues(Map.of(
                        ":area",
                        AttributeValue.fromS(SubscriptionItems.areaPk(area)),
                        ":sub",
                        AttributeValue.fromS(SubscriptionItems.SK + "#")));
    }
}
