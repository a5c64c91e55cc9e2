package uk.sse.engines.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import uk.sse.engines.DynamoDbLocalEngine;

/**
 * DynamoDB Local closes each stream shard after 4 hours and opens a child. This test makes it do
 * so now, on a DynamoDB Local of its own (a rollover touches every table), through its internals.
 */
class ShardLineageTest {

    private static DynamoDbLocalEngine engine;
    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void start() {
        engine = DynamoDbLocalEngine.start();
        dynamo = DynamoDbClient.builder()
                .endpointOverride(engine.endpoint())
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        table = Tables.create(dynamo, "lineage");
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        engine.close();
    }

    private static void put(int sk) {
        Map<String, AttributeValue> item = new HashMap<>(Tables.key("k", sk));
        item.put("value", AttributeValue.fromN(Integer.toString(sk)));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** DynamoDBProxyServer.serverHandler.primaryHandler.dbRequestHandlers.values().triggerShardRollovers() */
    private static void rollOverShards() throws ReflectiveOperationException {
        Object proxy = field(engine, "server");
        Object serverHandler = field(proxy, "serverHandler");
        Object requestHandler = field(serverHandler, "primaryHandler");
        for (Object db : ((Map<?, ?>) field(requestHandler, "dbRequestHandlers")).values()) {
            db.getClass().getMethod("triggerShardRollovers").invoke(db);
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static List<String> values(List<DynamodbEvent.DynamodbStreamRecord> records) {
        return records.stream()
                .map(r -> r.getDynamodb().getNewImage().get("value").getN())
                .toList();
    }

    @Test
    void recordsOfParentShardsComeBeforeThoseOfTheirChildren() throws Exception {
        try (TableStreamReader fromStart =
                        TableStreamReader.of(engine.endpoint(), table, StartingPosition.TRIM_HORIZON);
                TableStreamReader following = TableStreamReader.of(engine.endpoint(), table, StartingPosition.LATEST)) {
            put(1);
            put(2);
            assertThat(values(following.readAtLeast(2, Duration.ofSeconds(20)))).containsExactly("1", "2");
            rollOverShards();
            put(3);
            put(4);
            rollOverShards();
            put(5);

            List<Shard> shards;
            try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                    .endpointOverride(engine.endpoint())
                    .region(Region.EU_WEST_2)
                    .httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "secret")))
                    .build()) {
                shards = streams.describeStream(b -> b.streamArn(fromStart.streamArn()))
                        .streamDescription()
                        .shards();
            }
            System.out.println("shards after two rollovers: " + shards);
            assertThat(shards).hasSize(3);
            assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId());
            assertThat(shards.get(2).parentShardId()).isEqualTo(shards.get(1).shardId());

            // one reader read the first shard before it closed, the other one reads the lineage from its start
            assertThat(values(following.readAtLeast(3, Duration.ofSeconds(20)))).containsExactly("3", "4", "5");
            // one record per poll: a reader that rotated among shards would interleave them
            List<DynamodbEvent.DynamodbStreamRecord> oneByOne = new java.util.ArrayList<>();
            for (int i = 0; i < 50 && oneByOne.size() < 5; i++) {
                oneByOne.addAll(fromStart.poll(1).getRecords());
            }
            assertThat(values(oneByOne)).containsExactly("1", "2", "3", "4", "5");
            assertThat(fromStart.poll(100).getRecords()).isEmpty();
        }
        try (TableStreamReader late = TableStreamReader.of(engine.endpoint(), table, StartingPosition.LATEST)) {
            put(6);
            assertThat(values(late.readAtLeast(1, Duration.ofSeconds(20)))).containsExactly("6");
        }
    }
}
