package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import uk.sse.directory.application.SchoolStore;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolPlaces;
import uk.sse.directory.register.SchoolStatus;
import uk.sse.kernel.dynamo.IndexQueries;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/**
 * The register in the directory table, read and written in DynamoDB's batch sizes (100 reads, 25 writes). Every
 * call goes through {@link Throttled}: what the table sheds (unprocessed items, throttling errors) is sent again
 * after a growing pause, so an import slows down instead of failing.
 */
@Singleton
public class DynamoSchoolStore implements SchoolStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoSchoolStore.class);
    private static final int READ_BATCH = 100;
    /** The record of every school's place, in items of at most this many bytes (DynamoDB's limit is 400 KB). */
    static final int PLACES_PART = 300_000;

    private static final String PLACES = "PLACES";

    private final DynamoDbClient client;
    private final String table;
    private final Throttled throttled;
    private final EventJson json;

    public DynamoSchoolStore(DynamoDbClient client, DirectoryTable table, Throttled throttled, EventJson json) {
        this.client = client;
        this.table = table.name();
        this.throttled = throttled;
        this.json = json;
    }

    @Override
    public Optional<School> find(String urn) {
        var item = client.getItem(b -> b.tableName(table).key(key(urn)));
        return item.hasItem() && !item.item().isEmpty()
                ? Optional.of(SchoolItems.school(Items.of(item.item())))
                : Optional.empty();
    }

    @Override
    public Map<String, Stored> findAll(Collection<String> urns) {
        Map<String, Stored> found = new HashMap<>();
        List<String> all = List.copyOf(urns);
        for (int from = 0; from < all.size(); from += READ_BATCH) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(from + READ_BATCH, all.size())).stream()
                    .map(DynamoSchoolStore::key)
                    .toList();
            Map<String, KeysAndAttributes> request = Map.of(
                    table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            // unprocessed keys are DynamoDB shedding load: ask again, after a pause, until none are left
            throttled.untilDone(request, ask -> {
                BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(ask));
                response.responses().getOrDefault(table, List.of()).stream()
                        .map(Items::of)
                        .map(SchoolItems::stored)
                        .forEach(s -> found.put(s.school().urn(), s));
                return response.hasUnprocessedKeys()
                                && !response.unprocessedKeys().isEmpty()
                        ? response.unprocessedKeys()
                        : null;
            });
        }
        return found;
    }

    @Override
    public void putAll(Collection<Write> schools) {
        List<WriteRequest> writes = schools.stream()
                .map(w -> WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(SchoolItems.item(w).build())
                                .build())
                        .build())
                .toList();
        throttled.writeAll(client, table, writes);
    }

    @Override
    public void putWithEvent(Write write, EventEnvelope event) {
        String sk = "EVENT#" + write.importId() + "#" + write.change().name().toLowerCase(java.util.Locale.ROOT);
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(SchoolItems.item(write).build())
                                .build())
                        .build(),
                EventItems.put(table, SchoolItems.pk(write.school().urn()), sk, event, json.write(event)));
        throttled.untilDone(items, ask -> {
            try {
                client.transactWriteItems(b -> b.transactItems(ask));
            } catch (TransactionCanceledException e) {
                if (e.cancellationReasons().size() > 1
                        && "ConditionalCheckFailed"
                                .equals(e.cancellationReasons().get(1).code())) {
                    // the event is there: the same import wrote it before it was stopped; the school alone is left
                    client.putItem(
                            b -> b.tableName(table).item(SchoolItems.item(write).build()));
                    return null;
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void forEach(Consumer<List<Stored>> page) {
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder()
                    .tableName(table)
                    .filterExpression("entity = :school")
                    .expressionAttributeValues(Map.of(":school", AttributeValue.fromS(SchoolItems.ENTITY)));
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            ScanRequest ask = scan.build();
            var response = throttled.call(() -> client.scan(ask));
            page.accept(response.items().stream()
                    .map(Items::of)
                    .map(SchoolItems::stored)
                    .toList());
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
    }

    @Override
    public Optional<SchoolPlaces> places() {
        Map<Integer, Map<String, AttributeValue>> parts = new TreeMap<>();
        client.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", DirectoryTable.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PLACES)))
                        .consistentRead(true))
                .items()
                .forEach(item -> parts.put(Integer.parseInt(item.get("part").n()), item));
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        // the parts of one write, all of them: a reader between two writes' parts finds none
        Map<String, AttributeValue> first = parts.values().iterator().next();
        int count = Integer.parseInt(first.get("parts").n());
        String written = first.get("written").s();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> part = parts.get(i);
            if (part == null || !written.equals(part.get("written").s())) {
                return Optional.empty();
            }
            bytes.writeBytes(part.get("places").b().asByteArrayUnsafe());
        }
        try {
            return Optional.of(SchoolPlaces.decode(bytes.toByteArray()));
        } catch (IllegalArgumentException unreadable) {
            // searches then read each school from the register, as before the record; the next import rewrites it
            LOG.warn("the record of every school's place cannot be read: {}", unreadable.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void putPlaces(SchoolPlaces places) {
        byte[] bytes = places.encoded();
        int count = Math.max(1, (bytes.length + PLACES_PART - 1) / PLACES_PART);
        String written = UUID.randomUUID().toString();
        for (int i = 0; i < count; i++) {
            int part = i;
            byte[] slice = Arrays.copyOfRange(bytes, i * PLACES_PART, Math.min(bytes.length, (i + 1) * PLACES_PART));
            throttled.call(() -> client.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            DirectoryTable.PK,
                            AttributeValue.fromS(PLACES),
                            DirectoryTable.SK,
                            AttributeValue.fromS(String.format("PART#%05d", part)),
                            "part",
                            AttributeValue.fromN(Integer.toString(part)),
                            "parts",
                            AttributeValue.fromN(Integer.toString(count)),
                            "written",
                            AttributeValue.fromS(written),
                            "places",
                            AttributeValue.fromB(SdkBytes.fromByteArray(slice))))));
        }
        // the parts an earlier, longer record had beyond this one's
        for (int i = count; ; i++) {
            String sk = String.format("PART#%05d", i);
            var gone = throttled.call(() -> client.deleteItem(b -> b.tableName(table)
                    .key(Map.of(
                            DirectoryTable.PK,
                            AttributeValue.fromS(PLACES),
                            DirectoryTable.SK,
                            AttributeValue.fromS(sk)))
                    .returnValues(ReturnValue.ALL_OLD)));
            if (!gone.hasAttributes() || gone.attributes().isEmpty()) {
                break;
            }
        }
    }

    @Override
    public List<School> withNameStarting(String query, String laCode, SchoolStatus status, int limit) {
        String prefix = SchoolItems.searchable(query);
        if (prefix.isEmpty()) {
            return List.of();
        }
        PageRequest page = new PageRequest(limit, null);
        Page<School> found = laCode == null
                ? IndexQueries.page(
                        client,
                        table,
                        DirectoryTable.GSI1,
                        SchoolItems.initialKey(prefix),
                        prefix,
                        SchoolItems.of(status),
                        page,
                        SchoolItems::school)
                : IndexQueries.page(
                        client,
                        table,
                        DirectoryTable.GSI2,
                        "LA#" + laCode,
                        prefix,
                        SchoolItems.of(status),
                        page,
                        SchoolItems::school);
        return found.items();
    }

    private static Map<String, AttributeValue> key(String urn) {
        return Map.of(
                DirectoryTable.PK,
                AttributeValue.fromS(SchoolItems.pk(urn)),
                DirectoryTable.SK,
                AttributeValue.fromS(SchoolItems.PROFILE));
    }
}
