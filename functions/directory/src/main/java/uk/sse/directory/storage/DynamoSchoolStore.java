package uk.sse.directory.storage;

import uk.sse.kernel.dynamo.IndexQueries;

import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.directory.application.SchoolStore;
import uk.sse.directory.register.School;
import uk.sse.kernel.dynamo.Items;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The register in the directory table, read and written in DynamoDB's batch sizes (100 reads, 25 writes). */
@Singleton
public class DynamoSchoolStore implements SchoolStore {

    private static final int READ_BATCH = 100;
    private static final int WRITE_BATCH = 25;

    private final DynamoDbClient client;
    private final String table;

    public DynamoSchoolStore(DynamoDbClient client, DirectoryTable table) {
        this.client = client;
        this.table = table.name();
    }

    @Override
    public Optional<School> find(String urn) {
        var item = client.getItem(b -> b.tableName(table).key(key(urn)));
        return item.hasItem() && !item.item().isEmpty() ? Optional.of(SchoolItems.school(Items.of(item.item()))) : Optional.empty();
    }

    @Override
    public Map<String, School> findAll(Collection<String> urns) {
        Map<String, School> found = new HashMap<>();
        List<String> all = List.copyOf(urns);
        for (int from = 0; from < all.size(); from += READ_BATCH) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(from + READ_BATCH, all.size())).stream()
                    .map(DynamoSchoolStore::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            // unprocessed keys are DynamoDB shedding load: ask again until none are left
            while (!request.isEmpty()) {
                final Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(ask));
                response.responses().getOrDefault(table, List.of()).stream()
                        .map(Items::of).map(SchoolItems::school).forEach(s -> found.put(s.urn(), s));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    @Override
    public void putAll(Collection<School> schools) {
        List<WriteRequest> writes = schools.stream()
                .map(s -> WriteRequest.builder().putRequest(PutRequest.builder().item(SchoolItems.item(s).build()).build()).build())
                .toList();
        for (int from = 0; from < writes.size(); from += WRITE_BATCH) {
            Map<String, List<WriteRequest>> request = Map.of(table, new ArrayList<>(writes.subList(from, Math.min(from + WRITE_BATCH, writes.size()))));
            while (!request.isEmpty()) {
                final Map<String, List<WriteRequest>> ask = request;
                var response = client.batchWriteItem(b -> b.requestItems(ask));
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    @Override
    public List<School> withNameStarting(String query, String laCode, int limit) {
        String prefix = SchoolItems.searchable(query);
        if (prefix.isEmpty()) {
            return List.of();
        }
        PageRequest page = new PageRequest(limit, null);
        Page<School> found = laCode == null
                ? IndexQueries.page(client, table, DirectoryTable.GSI1, SchoolItems.initialKey(prefix), prefix, IndexQueries.Filter.NONE, page, SchoolItems::school)
                : IndexQueries.page(client, table, DirectoryTable.GSI2, "LA#" + laCode, prefix, IndexQueries.Filter.NONE, page, SchoolItems::school);
        return found.items();
    }

    private static Map<String, AttributeValue> key(String urn) {
        return Map.of(DirectoryTable.PK, AttributeValue.fromS(SchoolItems.pk(urn)), DirectoryTable.SK, AttributeValue.fromS(SchoolItems.PROFILE));
    }
}
