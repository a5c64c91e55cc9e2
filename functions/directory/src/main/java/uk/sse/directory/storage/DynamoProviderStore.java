package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.directory.application.ProviderStore;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.dynamo.ConditionalPuts;
import uk.sse.kernel.dynamo.IndexQueries;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/** Providers in the directory table. */
@Singleton
public class DynamoProviderStore implements ProviderStore {

    private final DynamoDbClient client;
    private final String table;
    private final EventJson events;

    public DynamoProviderStore(DynamoDbClient client, DirectoryTable table, EventJson events) {
        this.client = client;
        this.table = table.name();
        this.events = events;
    }

    @Override
    public Optional<Provider> find(String id) {
        var item = client.getItem(b -> b.tableName(table)
                .consistentRead(true)
                .key(Map.of(
                        DirectoryTable.PK, AttributeValue.fromS(ProviderItems.pk(id)),
                        DirectoryTable.SK, AttributeValue.fromS(ProviderItems.PROFILE))));
        return item.hasItem() && !item.item().isEmpty()
                ? Optional.of(ProviderItems.provider(Items.of(item.item())))
                : Optional.empty();
    }

    @Override
    public boolean create(Provider provider) {
        return ConditionalPuts.putNew(
                client, table, ProviderItems.item(provider).build());
    }

    @Override
    public boolean update(Provider provider, long expectedVersion) {
        return ConditionalPuts.putAtVersion(
                client, table, ProviderItems.item(provider).build(), expectedVersion);
    }

    @Override
    public boolean update(Provider provider, long expectedVersion, DirectoryEvent event) {
        EventEnvelope e =
                new EventEnvelope(event.type(), event.eventId(), event.occurredAt(), event.area(), event.data());
        return Transactions.writeIfConditionsHold(
                client,
                List.of(
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(table)
                                        .item(ProviderItems.item(provider).build())
                                        .conditionExpression("version = :expected")
                                        .expressionAttributeValues(Map.of(
                                                ":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
                                        .build())
                                .build(),
                        EventItems.put(
                                table,
                                ProviderItems.pk(provider.id()),
                                String.format("EVENT#%010d", provider.version()),
                                e,
                                events.write(e))));
    }

    @Override
    public Page<Provider> inArea(String area, PageRequest page) {
        return IndexQueries.page(
                client,
                table,
                DirectoryTable.GSI2,
                "PROVIDERS#" + area,
                null,
                IndexQueries.Filter.NONE,
                page,
                ProviderItems::provider);
    }
}
