package uk.sse.kernel.search;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The official OpenSearch Java client over Apache HttpClient 5, closed with the application; in AWS, where
 * {@code sse.opensearch.aws-signing} is true, over {@link SignedOpenSearchTransportFactory}'s SigV4-signing transport.
 */
@Factory
public class OpenSearchClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = SignedOpenSearchTransportFactory.SETTING, notEquals = "true")
    public ApacheHttpClient5Transport openSearchTransport(OpenSearchSettings settings) throws URISyntaxException {
        return ApacheHttpClient5TransportBuilder.builder(HttpHost.create(new URI(settings.urlOrDefault())))
                .build();
    }

    @Singleton
    public OpenSearchClient openSearchClient(OpenSearchTransport transport) {
        return new OpenSearchClient(transport);
    }
}
