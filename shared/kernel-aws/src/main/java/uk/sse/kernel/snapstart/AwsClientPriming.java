package uk.sse.kernel.snapstart;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.opensearch.client.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Builds the function's AWS and OpenSearch clients before the snapshot (the SDK's builders, endpoint rules and
 * marshallers are most of a cold start), without a call: no credentials are fetched, so none is kept in the
 * snapshot, and no connection is opened, so none is stale after a restore. Only clients the function already has
 * beans for are built.
 */
@Singleton
public class AwsClientPriming implements SnapshotHook {

    private final BeanProvider<DynamoDbClient> dynamo;
    private final BeanProvider<OpenSearchClient> search;

    public AwsClientPriming(BeanProvider<DynamoDbClient> dynamo, BeanProvider<OpenSearchClient> search) {
        this.dynamo = dynamo;
        this.search = search;
    }

    @Override
    public void prime() {
        dynamo.ifPresent(client -> {
            client.serviceClientConfiguration();
            GetItemRequest.builder().tableName("priming").key(java.util.Map.of()).build();
        });
        search.ifPresent(OpenSearchClient::_transport);
    }
}
