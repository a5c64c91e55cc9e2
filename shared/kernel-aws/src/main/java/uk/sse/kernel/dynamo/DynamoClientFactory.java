package uk.sse.kernel.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB client per function, on the light URL-connection transport (fast Lambda cold starts). Any
 * {@link ExecutionInterceptor} beans are added to it: the tests use one to inject faults a real table produces
 * and DynamoDB Local does not (transaction conflicts, throttling, a timeout after the write landed).
 */
@Factory
public class DynamoClientFactory {

    @Singleton
    public DynamoDbClient dynamoDbClient(AwsSettings settings, List<ExecutionInterceptor> interceptors) {
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor))
                .region(Region.of(settings.regionOrDefault()))
                .credentialsProvider(credentials(settings));
        if (settings.local()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }

    static AwsCredentialsProvider credentials(AwsSettings settings) {
        return settings.local()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : LambdaCredentials.provider();
    }
}
