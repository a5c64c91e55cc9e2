package uk.sse.kernel.search;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import java.net.URI;
import java.net.URISyntaxException;

/** The official OpenSearch Java client over Apache HttpClient 5, closed with the application. */
@Factory
public class OpenSearchClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    public ApacheHttpClient5Transport openSearchTransport(OpenSearchSettings settings) throws URISyntaxException {
        return ApacheHttpClient5TransportBuilder.builder(HttpHost.create(new URI(settings.urlOrDefault()))).build();
    }

    @Singleton
    public OpenSearchClient openSearchClient(ApacheHttpClient5Transport transport) {
        return new OpenSearchClient(transport);
    }
}
