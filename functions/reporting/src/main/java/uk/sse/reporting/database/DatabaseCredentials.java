package uk.sse.reporting.database;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.secrets.CachedSecret;
import uk.sse.kernel.snapstart.SnapshotHook;

/**
 * The database's user and password from the Secrets Manager secret {@code sse.reporting.db-secret-arn}
 * (SSE_REPORTING_DB_SECRET_ARN), as last read: one read for the function instance, another when the database refuses
 * them (the secret rotates every 30 days), and another after a SnapStart restore. {@code sse.reporting.secrets-endpoint}
 * points the client elsewhere (the tests).
 */
@Singleton
@Requires(property = "sse.reporting.db-secret-arn", pattern = ".+")
public class DatabaseCredentials implements SnapshotHook {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCredentials.class);

    private final String secretArn;
    private final CachedSecret secret;
    private final JsonMapper json;

    public DatabaseCredentials(
            @Value("${sse.reporting.db-secret-arn}") String secretArn,
            @Nullable @Value("${sse.reporting.secrets-endpoint:}") String endpoint,
            AwsSettings aws,
            JsonMapper json,
            Clock clock) {
        this.secretArn = secretArn;
        this.secret = CachedSecret.of(CachedSecret.client(aws.regionOrDefault(), endpoint), secretArn, null, clock);
        this.json = json;
    }

    /** The credentials as last read, and the text they came from (to say which were refused). */
    public record Current(DatabaseSecret credentials, String text) {}

    public String secretArn() {
        return secretArn;
    }

    /** As last read; a secret that cannot be used throws, saying why without saying what it holds. */
    public Current current() {
        String text = secret.value();
        return new Current(credentials(text), text);
    }

    /** Read again, because those read from {@code stale} were refused. */
    public Current reread(String stale) {
        LOG.info("the database refused the credentials; reading the secret {} again", secretArn);
        String text = secret.reread(stale);
        return new Current(credentials(text), text);
    }

    @Override
    public void refresh() {
        secret.forget(); // a restored copy reads the secret before its first connection: the snapshot's may be
        // rotated out
    }

    private DatabaseSecret credentials(String text) {
        Map<String, Object> parsed;
        try {
            parsed = text == null ? null : json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException notJson) {
            parsed = null;
        }
        StringBuilder why = new StringBuilder();
        return DatabaseSecret.of(parsed, why)
                .orElseThrow(() ->
                        new IllegalStateException("the database secret " + secretArn + " cannot be used: " + why));
    }
}
