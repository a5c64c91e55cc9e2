package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import uk.sse.directory.application.PostcodeStore;
import uk.sse.directory.register.PostcodeSector;
import uk.sse.kernel.dynamo.Items;

/** The postcode directory in the directory table, a sector an item, read and written in DynamoDB's batch sizes. */
@Singleton
public class DynamoPostcodeStore implements PostcodeStore {

    private static final int READ_BATCH = 100;
    private static final int WRITE_BATCH = 25;

    private final DynamoDbClient client;
    private final String table;

    public DynamoPostcodeStore(DynamoDbClient client, DirectoryTable table) {
        this.client = client;
        this.table = table.name();
    }

    @Override
    public Optional<PostcodeSector> sector(String sector) {
        var item = client.getItem(b -> b.tableName(table).key(key(sector)));
        return item.hasItem() && !item.item().isEmpty()
                ? Optional.of(PostcodeItems.sector(Items.of(item.item())))
                : Optional.empty();
    }

    @Override
    public Map<String, PostcodeSector> sectors(Collection<String> sectors) {
        Map<String, PostcodeSector> found = new HashMap<>();
        List<String> all = List.copyOf(sectors);
        for (int from = 0; from < all.size(); from += READ_BATCH) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(from + READ_BATCH, all.size())).stream()
                    .map(DynamoPostcodeStore::key)
                    .toList();
            Map<String, KeysAndAttributes> request =
                    Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            // unprocessed keys are DynamoDB shedding load: ask again until none are left
            while (!request.isEmpty()) {
                final Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(ask));
                response.responses().getOrDefault(table, List.of()).stream()
                        .map(Items::of)
                        .map(PostcodeItems::sector)
                        .forEach(s -> found.put(s.sector(), s));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    @Override
    public void putAll(Collection<PostcodeSector> sectors) {
        List<WriteRequest> writes = sectors.stream()
                .map(s -> WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(PostcodeItems.item(s).build())
                                .build())
                        .build())
                .toList();
        for (int from = 0; from < writes.size(); from += WRITE_BATCH) {
            Map<String, List<WriteRequest>> request =
                    Map.of(table, new ArrayList<>(writes.subList(from, Math.min(from + WRITE_BATCH, writes.size()))));
            // unprocessed items are DynamoDB shedding load: back off, then send them again
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                pause(attempt);
                final Map<String, List<WriteRequest>> ask = request;
                var response = client.batchWriteItem(b -> b.requestItems(ask));
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    private static void pause(int attempt) {
        if (attempt > 0) {
            try {
                Thread.sleep(Math.min(2_000, 50L << Math.min(attempt, 6)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while DynamoDB was shedding load", e);
            }
        }
    }

    private static Map<String, AttributeValue> key(String sector) {
        return Map.of(
                DirectoryTable.PK,
                AttributeValue.fromS(PostcodeItems.pk(sector)),
                DirectoryTable.SK,
                AttributeValue.fromS(PostcodeItems.SECTOR));
    }
}
