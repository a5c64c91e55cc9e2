package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import uk.sse.directory.application.AreaStore;
import uk.sse.directory.model.DirectoryArea;
import uk.sse.kernel.dynamo.Items;

/** Areas in the directory table, one partition of them. */
@Singleton
public class DynamoAreaStore implements AreaStore {

    private final DynamoDbClient client;
    private final String table;

    public DynamoAreaStore(DynamoDbClient client, DirectoryTable table) {
        this.client = client;
        this.table = table.name();
    }

    @Override
    public Optional<DirectoryArea> find(String id) {
        var item = client.getItem(b -> b.tableName(table)
                .consistentRead(true)
                .key(Map.of(
                        DirectoryTable.PK,
                        AttributeValue.fromS(AreaItems.PK),
                        DirectoryTable.SK,
                        AttributeValue.fromS(AreaItems.sk(id)))));
        return item.hasItem() && !item.item().isEmpty()
                ? Optional.of(AreaItems.area(Items.of(item.item())))
                : Optional.empty();
    }

    @Override
    public List<DirectoryArea> all() {
        return client
                .queryPaginator(b -> b.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", DirectoryTable.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AreaItems.PK))))
                .items()
                .stream()
                .map(i -> AreaItems.area(Items.of(i)))
                .toList();
    }

    @Override
    public boolean create(DirectoryArea area) {
        try {
            client.putItem(b -> b.tableName(table)
                    .item(AreaItems.item(area).build())
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean update(DirectoryArea area, long expectedVersion) {
        try {
            client.putItem(b -> b.tableName(table)
                    .item(AreaItems.item(area).build())
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(
                            Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
    }
}
