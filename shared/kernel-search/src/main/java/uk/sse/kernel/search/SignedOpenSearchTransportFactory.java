package uk.sse.kernel.search;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.dynamo.LambdaCredentials;

/**
 * An Amazon OpenSearch Service domain that admits only IAM principals needs every request signed with SigV4 for
 * service {@code es}. Chosen by {@code sse.opensearch.aws-signing: true} (the functions' {@code application-aws.yml});
 * the local run and the tests keep the plain transport.
 */
@Factory
@Requires(property = SignedOpenSearchTransportFactory.SETTING, value = "true")
public class SignedOpenSearchTransportFactory {

    public static final String SETTING = "sse.opensearch.aws-signing";
    public static final String SERVICE = "es";

    @Singleton
    @Bean(preDestroy = "close")
    public AwsSdk2Transport signedOpenSearchTransport(OpenSearchSettings settings, AwsSettings aws) {
        return signed(
                UrlConnectionHttpClient.create(),
                settings.urlOrDefault(),
                Region.of(aws.regionOrDefault()),
                LambdaCredentials.provider());
    }

    /** The transport always speaks HTTPS to {@code url}'s host (and port, when not 443). */
    public static AwsSdk2Transport signed(
            SdkHttpClient http, String url, Region region, AwsCredentialsProvider credentials) {
        URI uri = URI.create(url);
        String host = uri.getPort() == -1 || uri.getPort() == 443 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return new AwsSdk2Transport(
                http,
                host,
                SERVICE,
                region,
                AwsSdk2TransportOptions.builder().setCredentials(credentials).build());
    }
}
