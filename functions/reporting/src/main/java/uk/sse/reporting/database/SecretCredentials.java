package uk.sse.reporting.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import uk.sse.kernel.dynamo.AwsSettings;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * In AWS the database's user and password are not in the function's configuration: {@code sse.reporting.db-secret-arn}
 * (SSE_REPORTING_DB_SECRET_ARN) names the Secrets Manager secret that holds them, read once when the connection pool is
 * configured, before its first connection. Locally, and wherever the JDBC URL carries its own credentials, no secret is
 * named and nothing is read. {@code sse.reporting.secrets-endpoint} points the client elsewhere (the tests).
 */
@Singleton
@Requires(property = "sse.reporting.db-secret-arn", pattern = ".+")
public class SecretCredentials implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(SecretCredentials.class);

    private final String secretArn;
    private final String endpoint;
    private final AwsSettings aws;
    private final JsonMapper json;

    public SecretCredentials(@Value("${sse.reporting.db-secret-arn}") String secretArn,
                             @Nullable @Value("${sse.reporting.secrets-endpoint:}") String endpoint, AwsSettings aws, JsonMapper json) {
        this.secretArn = secretArn;
        this.endpoint = endpoint;
        this.aws = aws;
        this.json = json;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        DatabaseSecret secret = read();
        datasource.setUsername(secret.username());
        datasource.setPassword(secret.password());
        LOG.info("datasource {} connects as {} (credentials from the secret {})", datasource.getName(), secret.username(), secretArn);
        return datasource;
    }

    private DatabaseSecret read() {
        String text;
        try (SecretsManagerClient client = client()) {
            text = client.getSecretValue(b -> b.secretId(secretArn)).secretString();
        }
        Map<String, Object> parsed;
        try {
            parsed = text == null ? null : json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException notJson) {
            parsed = null;
        }
        StringBuilder why = new StringBuilder();
        return DatabaseSecret.of(parsed, why)
                .orElseThrow(() -> new IllegalStateException("the database secret " + secretArn + " cannot be used: " + why));
    }

    private SecretsManagerClient client() {
        var builder = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(aws.regionOrDefault()));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create()); // the Lambda runtime's role
        }
        return builder.build();
    }
}
