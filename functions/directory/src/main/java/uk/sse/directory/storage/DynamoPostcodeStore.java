package uk.sse.directory.storage;

import jakarta.inject.Singleton;
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

/**
 * The postcode directory in the directory table, a sector an item, read and written in DynamoDB's batch sizes, backing
 * off while the table sheds load ({@link Throttled}), as the register's import does.
 */
@Singleton
public class DynamoPostcodeStore implements PostcodeStore {

    private static final int READ_BATCH = 100;

    private final DynamoDbClient client;
    private final String table;
    private final Throttled throttled;

    public DynamoPostcodeStore(DynamoDbClient client, DirectoryTable table, Throttled throttled) {
        this.client = client;
        this.table = table.name();
        this.throttled = throttled;
    }

    @Override
    public Optional<PostcodeSector> sector(String sector) {
        var item = client.getItem(b -> b.tableName(table).key(key(sector)));
        return item.hasItem() && !item.item().isEmpty()
                ? Optional.of(PostcodeItems.sector(Items.of(item.item())))
                : Optional.empty();
    }

    @Override
    public Map<String, Stored> stored(Collection<String> sectors) {
        Map<String, Stored> found = new HashMap<>();
        List<String> all = List.copyOf(sectors);
        for (int from = 0; from < all.size(); from += READ_BATCH) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(from + READ_BATCH, all.size())).stream()
                    .map(DynamoPostcodeStore::key)
                    .toList();
            Map<String, KeysAndAttributes> request = Map.of(
                    table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            // unprocessed keys are DynamoDB shedding load: ask again, after a pause, until none are left
            throttled.untilDone(request, ask -> {
                BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(ask));
                response.responses().getOrDefault(table, List.of()).stream()
                        .map(Items::of)
                        .map(PostcodeItems::stored)
                        .forEach(s -> found.put(s.sector().sector(), s));
                return response.hasUnprocessedKeys()
                                && !response.unprocessedKeys().isEmpty()
                        ? response.unprocessedKeys()
                        : null;
            });
        }
        return found;
    }

    @Override
    public void putAll(Collection<Write> writes) {
        throttled.writeAll(
                client,
                table,
                writes.stream()
                        .map(w -> WriteRequest.builder()
                                .putRequest(PutRequest.builder()
                                        .item(PostcodeItems.item(w).build())
                                        .build())
                                .build())
                        .toList());
    }

    @Override
    public Optional<RecordedRelease> release() {
        var item = client.getItem(b -> b.tableName(table).key(PostcodeItems.RELEASE_KEY));
        return item.hasItem() && !item.item().isEmpty()
                ? Optional.of(PostcodeItems.release(Items.of(item.item())))
                : Optional.empty();
    }

    @Override
    public void recordRelease(RecordedRelease release) {
        client.putItem(b -> b.tableName(table).item(PostcodeItems.item(release).build()));
    }

    private static Map<String, AttributeValue> key(String sector) {
        return Map.of(
                DirectoryTable.PK,
                AttributeValue.fromS(PostcodeItems.pk(sector)),
                DirectoryTable.SK,
                AttributeValue.fromS(PostcodeItems.SECTOR));
    }
}
