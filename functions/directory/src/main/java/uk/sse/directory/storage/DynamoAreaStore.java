package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.directory.application.AreaStore;
import uk.sse.directory.model.DirectoryArea;
import uk.sse.kernel.dynamo.ConditionalPuts;
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
        return ConditionalPuts.putNew(client, table, AreaItems.item(area).build());
    }

    @Override
    public boolean update(DirectoryArea area, long expectedVersion) {
        return ConditionalPuts.putAtVersion(client, table, AreaItems.item(area).build(), expectedVersion);
    }
}
