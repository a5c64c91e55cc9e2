package uk.sse.kernel.snapstart;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Builds the function's OpenSearch client before the snapshot, as {@link AwsClientPriming} does the AWS clients:
 * without a call, so no connection is stale after a restore; only where the function has the client's bean.
 */
@Singleton
public class SearchClientPriming implements SnapshotHook {

    private final BeanProvider<OpenSearchClient> search;

    public SearchClientPriming(BeanProvider<OpenSearchClient> search) {
        this.search = search;
    }

    @Override
    public void prime() {
        search.ifPresent(OpenSearchClient::_transport);
    }
}
