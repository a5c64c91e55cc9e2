package uk.sse.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class DynamoDbLocalEngineTest {

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static DynamoDbClient client(URI endpoint, Region region, String accessKey) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void streamCarriesNewAndOldImages() {
        URI endpoint = Engines.dynamo().endpoint();
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        String table = "streams-" + UUID.randomUUID();
        try (DynamoDbClient dynamo = client(endpoint, Region.EU_WEST_2, "test");
                DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                        .endpointOverride(endpoint)
                        .region(Region.EU_WEST_2)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "secret")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            String streamArn = dynamo.createTable(b -> b.tableName(table)
                            .attributeDefinitions(AttributeDefinition.builder()
                                    .attributeName("pk")
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                            .keySchema(KeySchemaElement.builder()
                                    .attributeName("pk")
                                    .keyType(KeyType.HASH)
                                    .build())
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .streamSpecification(
                                    spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                    .tableDescription()
                    .latestStreamArn();
            assertThat(streamArn).isNotBlank();

            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("school-1"), "name", s("Old name"))));
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("school-1"), "name", s("New name"))));
            assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("school-1"))))
                            .item()
                            .get("name")
                            .s())
                    .isEqualTo("New name");

            String shardId = streams.describeStream(b -> b.streamArn(streamArn))
                    .streamDescription()
                    .shards()
                    .getFirst()
                    .shardId();
            String iterator = streams.getShardIterator(b ->
                            b.streamArn(streamArn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            List<Record> records =
                    streams.getRecords(b -> b.shardIterator(iterator)).records();

            assertThat(records)
                    .extracting(Record::eventName)
                    .containsExactly(OperationType.INSERT, OperationType.MODIFY);
            assertThat(records.get(0).dynamodb().newImage().get("name").s()).isEqualTo("Old name");
            assertThat(records.get(1).dynamodb().oldImage().get("name").s()).isEqualTo("Old name");
            assertThat(records.get(1).dynamodb().newImage().get("name").s()).isEqualTo("New name");
        }
    }

    @Test
    void everyRegionAndAccessKeySeesTheSameTables() {
        URI endpoint = Engines.dynamo().endpoint();
        String table = "shared-" + UUID.randomUUID();
        try (DynamoDbClient london = client(endpoint, Region.EU_WEST_2, "alice");
                DynamoDbClient virginia = client(endpoint, Region.US_EAST_1, "bob")) {
            london.createTable(b -> b.tableName(table)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("pk")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("pk")
                            .keyType(KeyType.HASH)
                            .build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            assertThat(virginia.listTables().tableNames()).contains(table);
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        InetAddress external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(external != null, "this machine has no non-loopback IPv4 address");
        int port = Engines.dynamo().endpoint().getPort();
        assertThat(Ports.accepts("127.0.0.1", port)).isTrue();
        assertThat(Ports.accepts(external.getHostAddress(), port)).isFalse();
    }

    @Test
    void closeStopsTheServer() {
        DynamoDbLocalEngine engine = DynamoDbLocalEngine.start();
        int port = engine.endpoint().getPort();
        assertThat(port).isNotEqualTo(Engines.dynamo().endpoint().getPort());
        try (DynamoDbClient dynamo = client(engine.endpoint(), Region.EU_WEST_2, "test")) {
            assertThat(dynamo.listTables().tableNames()).isEmpty(); // its own in-memory database
        }
        engine.close();
        assertThat(Ports.accepts("127.0.0.1", port)).isFalse();
        engine.close(); // idempotent
    }
}
