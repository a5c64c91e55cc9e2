package uk.sse.indexer;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;

/**
 * A directory table of its own with its stream, the real handler over it, and clients to look at both. The
 * OpenSearch node is shared by the whole test JVM and the aliases are fixed names, so each test starts by
 * deleting the {@code offers-*} and {@code schools-*} indices.
 */
final class Harness implements AutoCloseable {

    final String table;
    final DynamoDbClient dynamo;
    final OpenSearchClient search;
    final DirectoryFixture directory;
    final TableStreamRecords stream;
    final IndexDirectoryChanges handler;

    private Harness(
            String table,
            DynamoDbClient dynamo,
            OpenSearchClient search,
            TableStreamRecords stream,
            IndexDirectoryChanges handler) {
        this.table = table;
        this.dynamo = dynamo;
        this.search = search;
        this.directory = new DirectoryFixture(dynamo, table);
        this.stream = stream;
        this.handler = handler;
    }

    static Harness create(String name) {
        URI dynamoEndpoint = Engines.dynamo().endpoint();
        String table = "directory-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(dynamoEndpoint)
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        dynamo.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"), string("sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        String openSearch = Engines.openSearch().endpoint().toString();
        var stream = new TableStreamRecords(TableStreamReader.of(dynamoEndpoint, table, StartingPosition.TRIM_HORIZON));
        return new Harness(table, dynamo, client(openSearch), stream, handler(openSearch, table));
    }

    static IndexDirectoryChanges handler(String openSearchUrl, String table) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("sse.opensearch.url", openSearchUrl);
        properties.put("sse.aws.endpoint", Engines.dynamo().endpoint().toString());
        properties.put("sse.indexer.directory-table", table);
        properties.put("sse.indexer.old-index-grace", "1s");
        return new IndexDirectoryChanges(ApplicationContext.builder().properties(properties));
    }

    static OpenSearchClient client(String url) {
        try {
            return new OpenSearchClient(ApacheHttpClient5TransportBuilder.builder(HttpHost.create(new URI(url)))
                    .build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the event source mapping would do: hand the records over as one event. */
    StreamsEventResponse handle(List<DynamodbEvent.DynamodbStreamRecord> records) {
        return handler.handleRequest(TableStreamRecords.event(records), null);
    }

    /** Hands over everything written since the last call. */
    StreamsEventResponse handleNew() {
        return handle(stream.next());
    }

    void resetIndices() {
        try {
            search.indices()
                    .delete(d -> d.index("offers-*", "schools-*")
                            .allowNoIndices(true)
                            .ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    GetResponse<Map<String, Object>> get(String alias, String id) {
        try {
            return (GetResponse<Map<String, Object>>)
                    (GetResponse<?>) search.get(g -> g.index(alias).id(id), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count(String alias) {
        try {
            search.indices().refresh(r -> r.index(alias));
            return search.count(c -> c.index(alias)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        handler.close();
        resetIndices();
        dynamo.deleteTable(b -> b.tableName(table));
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
