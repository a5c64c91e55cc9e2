package uk.sse.engines.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TableStreamReaderTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamo = Tables.client();
        table = Tables.create(dynamo, "reader");
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    private static void put(String pk, int sk, String name) {
        Map<String, AttributeValue> item = new HashMap<>(Tables.key(pk, sk));
        item.put("name", AttributeValue.fromS(name));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Test
    void insertModifyRemoveArriveInOrderWithKeysAndImages() throws Exception {
        String pk = "school-" + System.nanoTime();
        // DynamoDB Local rounds ApproximateCreationDateTime down to the minute
        Instant before = Instant.now().minusSeconds(61);
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST)) {
            put(pk, 1, "Old name");
            put(pk, 1, "New name");
            dynamo.deleteItem(b -> b.tableName(table).key(Tables.key(pk, 1)));
            put(pk, 2, "Other");

            List<DynamodbEvent.DynamodbStreamRecord> records = reader.readAtLeast(4, Duration.ofSeconds(20));

            assertThat(records)
                    .extracting(DynamodbEvent.DynamodbStreamRecord::getEventName)
                    .containsExactly("INSERT", "MODIFY", "REMOVE", "INSERT");
            assertThat(records).allSatisfy(r -> {
                assertThat(r.getEventSource()).isEqualTo("aws:dynamodb");
                assertThat(r.getEventSourceARN())
                        .isEqualTo(reader.streamArn())
                        .contains(table)
                        .contains("/stream/");
                assertThat(r.getEventVersion()).isEqualTo("1.1");
                assertThat(r.getAwsRegion()).isNotBlank();
                assertThat(r.getEventID()).isNotBlank();
                assertThat(r.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
                assertThat(r.getDynamodb().getSizeBytes()).isPositive();
                assertThat(r.getDynamodb().getApproximateCreationDateTime()).isAfter(before);
                assertThat(r.getDynamodb().getKeys().get("pk").getS()).isEqualTo(pk);
            });
            assertThat(records)
                    .extracting(r -> r.getDynamodb().getKeys().get("sk").getN())
                    .containsExactly("1", "1", "1", "2");
            assertThat(records)
                    .extracting(r -> new BigInteger(r.getDynamodb().getSequenceNumber()))
                    .isSorted()
                    .doesNotHaveDuplicates();
            assertThat(records)
                    .extracting(DynamodbEvent.DynamodbStreamRecord::getEventID)
                    .doesNotHaveDuplicates();

            var insert = records.get(0).getDynamodb();
            assertThat(insert.getOldImage()).isNull();
            assertThat(insert.getNewImage().get("name").getS()).isEqualTo("Old name");
            var modify = records.get(1).getDynamodb();
            assertThat(modify.getOldImage().get("name").getS()).isEqualTo("Old name");
            assertThat(modify.getNewImage().get("name").getS()).isEqualTo("New name");
            var remove = records.get(2).getDynamodb();
            assertThat(remove.getOldImage().get("name").getS()).isEqualTo("New name");
            assertThat(remove.getNewImage()).isNull();

            System.out.println(
                    "a MODIFY record as Lambda's runtime serialises it: " + lambdaJson(List.of(records.get(1))));
        }
    }

    @Test
    void lambdasOwnSerialiserWritesTheEventAsLambdaDeliversIt() throws Exception {
        String pk = "json-" + System.nanoTime();
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST)) {
            put(pk, 7, "Name");
            JsonNode event = new ObjectMapper().readTree(lambdaJson(reader.readAtLeast(1, Duration.ofSeconds(20))));

            JsonNode record = event.get("Records").get(0);
            assertThat(record.get("eventName").asText()).isEqualTo("INSERT");
            assertThat(record.get("eventSource").asText()).isEqualTo("aws:dynamodb");
            assertThat(record.get("eventSourceARN").asText()).isEqualTo(reader.streamArn());
            JsonNode dynamodb = record.get("dynamodb");
            assertThat(dynamodb.get("Keys"))
                    .isEqualTo(new ObjectMapper().readTree("{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"7\"}}"));
            assertThat(dynamodb.get("NewImage").get("name").toString()).isEqualTo("{\"S\":\"Name\"}");
            assertThat(dynamodb.has("OldImage")).isFalse();
            assertThat(dynamodb.get("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(dynamodb.get("SequenceNumber").isTextual()).isTrue();
            assertThat(dynamodb.get("SizeBytes").isNumber()).isTrue();
            // epoch seconds, as in Lambda's events
            assertThat(dynamodb.get("ApproximateCreationDateTime").asDouble())
                    .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60.0));
        }
    }

    @Test
    void latestStartsAfterTheRecordsAlreadyThere() {
        String pk = "latest-" + System.nanoTime();
        put(pk, 1, "before");
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST)) {
            assertThat(reader.poll(100).getRecords()).isEmpty();
            put(pk, 2, "after");
            List<DynamodbEvent.DynamodbStreamRecord> records = reader.readAtLeast(1, Duration.ofSeconds(20));
            assertThat(records)
                    .extracting(r -> r.getDynamodb().getNewImage().get("name").getS())
                    .containsExactly("after");
            assertThat(reader.poll(100).getRecords()).isEmpty();
        }
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.TRIM_HORIZON)) {
            List<DynamodbEvent.DynamodbStreamRecord> all = reader.readAtLeast(Integer.MAX_VALUE, Duration.ofSeconds(2));
            assertThat(all)
                    .filteredOn(r -> r.getDynamodb().getKeys().get("pk").getS().equals(pk))
                    .extracting(r -> r.getDynamodb().getNewImage().get("name").getS())
                    .containsExactly("before", "after");
        }
    }

    @Test
    void pollHonoursMaxRecordsAndLosesNothing() {
        String pk = "max-" + System.nanoTime();
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST)) {
            for (int i = 0; i < 7; i++) {
                put(pk, i, "n" + i);
            }
            List<DynamodbEvent.DynamodbStreamRecord> first = reader.poll(3).getRecords();
            assertThat(first).hasSizeLessThanOrEqualTo(3);
            List<DynamodbEvent.DynamodbStreamRecord> all = new java.util.ArrayList<>(first);
            all.addAll(reader.readAtLeast(7 - first.size(), Duration.ofSeconds(20)));
            assertThat(all)
                    .extracting(r -> r.getDynamodb().getKeys().get("sk").getN())
                    .containsExactly("0", "1", "2", "3", "4", "5", "6");
        }
    }

    /**
     * DynamoDB Local expires an iterator 15 minutes after it was issued; the issue time is inside the
     * iterator. Rewriting it to 20 minutes ago stands in for a reader idle that long.
     */
    @Test
    void anExpiredIteratorIsRenewedAfterTheLastRecordRead() throws Exception {
        String pk = "expiry-" + System.nanoTime();
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST)) {
            put(pk, 1, "one");
            assertThat(reader.readAtLeast(1, Duration.ofSeconds(20))).hasSize(1);
            put(pk, 2, "two");
            put(pk, 3, "three");
            int aged = 0;
            for (Object shard : ((Map<?, ?>) field(reader, "shards")).values()) {
                String iterator = (String) field(shard, "iterator");
                if (iterator != null) {
                    set(shard, "iterator", aged(iterator, Instant.now().minus(Duration.ofMinutes(20))));
                    aged++;
                }
            }
            assertThat(aged).isPositive();
            assertThat(reader.readAtLeast(2, Duration.ofSeconds(20)))
                    .extracting(r -> r.getDynamodb().getNewImage().get("name").getS())
                    .containsExactly("two", "three");
            assertThat(reader.poll(100).getRecords()).isEmpty();
        }
    }

    /** streamArn|001|base64(shardId|sequenceNumber|issue time in ms, 30 digits) */
    private static String aged(String iterator, Instant issued) {
        int cut = iterator.lastIndexOf('|') + 1;
        String[] parts = new String(
                        java.util.Base64.getDecoder().decode(iterator.substring(cut)), StandardCharsets.UTF_8)
                .split("\\|");
        assertThat(parts).hasSize(3);
        String body = parts[0] + "|" + parts[1] + "|" + String.format("%030d", issued.toEpochMilli());
        return iterator.substring(0, cut)
                + java.util.Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static void set(Object owner, String name, Object value) throws ReflectiveOperationException {
        java.lang.reflect.Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(owner, value);
    }

    @Test
    void aTableWithoutAStreamIsRefused() {
        String plain = "plain-" + System.nanoTime();
        dynamo.createTable(b -> b.tableName(plain)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> TableStreamReader.of(Tables.endpoint(), plain, StartingPosition.LATEST))
                .withMessageContaining("no stream");
    }

    /** The event as the Lambda Java runtime writes it (its own serialiser and mixins). */
    static String lambdaJson(List<DynamodbEvent.DynamodbStreamRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(DynamodbEvent.class, TableStreamReaderTest.class.getClassLoader())
                .toJson(StreamEvents.event(records), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
