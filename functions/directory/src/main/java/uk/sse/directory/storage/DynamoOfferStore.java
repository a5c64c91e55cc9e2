package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.directory.application.OfferStore;
import uk.sse.directory.application.Page;
import uk.sse.directory.application.PageRequest;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferStatus;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Transactions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Offers in the directory table: the current item and a copy per version, written in one transaction. */
@Singleton
public class DynamoOfferStore implements OfferStore {

    private final DynamoDbClient client;
    private final String table;

    public DynamoOfferStore(DynamoDbClient client, DirectoryTable table) {
        this.client = client;
        this.table = table.name();
    }

    @Override
    public Optional<Offer> find(String id) {
        var item = client.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                DirectoryTable.PK, AttributeValue.fromS(OfferItems.pk(id)),
                DirectoryTable.SK, AttributeValue.fromS(OfferItems.CURRENT))));
        return item.hasItem() && !item.item().isEmpty() ? Optional.of(OfferItems.offer(Items.of(item.item()))) : Optional.empty();
    }

    @Override
    public void create(Offer offer) {
        boolean written = Transactions.writeIfConditionsHold(client, List.of(
                put(OfferItems.current(offer), "attribute_not_exists(pk)", Map.of()),
                put(OfferItems.version(offer), "attribute_not_exists(pk)", Map.of())));
        if (!written) {
            throw new IllegalStateException("offer id " + offer.id() + " collided with an existing offer");
        }
    }

    @Override
    public boolean update(Offer offer, long expectedVersion) {
        return Transactions.writeIfConditionsHold(client, List.of(
                put(OfferItems.current(offer), "version = :expected", Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))),
                put(OfferItems.version(offer), "attribute_not_exists(pk)", Map.of())));
    }

    private TransactWriteItem put(Items item, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item.build()).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    @Override
    public List<Offer> versions(String id) {
        var response = client.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(OfferItems.pk(id)), ":v", AttributeValue.fromS("V#")))
                .build());
        return response.items().stream().map(Items::of).map(OfferItems::offer).toList();
    }

    @Override
    public Page<Offer> inStatus(OfferStatus status, String area, PageRequest page) {
        return Queries.page(client, table, DirectoryTable.GSI2, DirectoryTable.GSI2_PK, OfferItems.statusKey(status),
                area == null ? null : area + "#", page, OfferItems::offer);
    }

    @Override
    public Page<Offer> ofProvider(String providerId, PageRequest page) {
        return Queries.page(client, table, DirectoryTable.GSI1, DirectoryTable.GSI1_PK, ProviderItems.pk(providerId),
                "OFFER#", page, OfferItems::offer);
    }
}
