package uk.sse.kernel.snapstart;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Builds the function's AWS clients before the snapshot (the SDK's builders, endpoint rules and
 * marshallers are most of a cold start), without a call: no credentials are fetched, so none is kept in the
 * snapshot, and no connection is opened, so none is stale after a restore. Only clients the function already has
 * beans for are built. The OpenSearch client is primed beside its factory (SearchClientPriming, sse-kernel-search).
 */
@Singleton
public class AwsClientPriming implements SnapshotHook {

    private final BeanProvider<DynamoDbClient> dynamo;

    public AwsClientPriming(BeanProvider<DynamoDbClient> dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public void prime() {
        dynamo.ifPresent(client -> {
            client.serviceClientConfiguration();
            GetItemRequest.builder()
                    .tableName("priming")
                    .key(java.util.Map.of())
                    .build();
        });
    }
}
