package uk.sse.kernel.secrets;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.identity.Tombstone;
import uk.sse.kernel.snapstart.SnapshotHook;

/**
 * The key under which every function that erases a person derives their {@link Tombstone} (decision 0117). In AWS it
 * is the secret {@code sse.erasure.key-arn}, read when the first erasure wants it (no client is built before), kept,
 * and read again after a SnapStart restore; it never rotates, so nothing else makes it read again. Where no secret is
 * named, {@code sse.erasure.key} gives it; where neither is set an erasure fails, saying so. Only in functions that
 * carry the Secrets Manager client (the ones that erase, and reporting).
 */
@Singleton
@Requires(classes = SecretsManagerClient.class)
public class ErasureKey implements SnapshotHook {

    private final ErasureSettings settings;
    private final AwsSettings aws;
    private final Clock clock;
    private volatile CachedSecret secret;

    public ErasureKey(ErasureSettings settings, AwsSettings aws, Clock clock) {
        this.settings = settings;
        this.aws = aws;
        this.clock = clock;
    }

    /** The key's text as last read. */
    public String value() {
        if (!settings.fromSecret()) {
            if (settings.key() == null || settings.key().isBlank()) {
                throw new IllegalStateException(
                        "no erasure key: set SSE_ERASURE_KEY_ARN (sse.erasure.key-arn) or sse.erasure.key");
            }
            return settings.key();
        }
        return secret().value();
    }

    /** After a SnapStart restore the key is read again before it is used: a snapshot holds no secret for weeks. */
    @Override
    public void refresh() {
        CachedSecret s = secret;
        if (s != null) {
            s.forget();
        }
    }

    private CachedSecret secret() {
        CachedSecret s = secret;
        if (s == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = CachedSecret.of(
                            CachedSecret.client(aws.regionOrDefault(), settings.secretsEndpoint()),
                            settings.keyArn(),
                            null,
                            clock);
                }
                s = secret;
            }
        }
        return s;
    }

    /** The tombstone every erasing use case is given: keyed by this key, as it reads it when wanted. */
    @Factory
    @Requires(classes = SecretsManagerClient.class)
    public static class Tombstones {

        @Singleton
        Tombstone tombstone(ErasureKey key) {
            return new Tombstone(key::value);
        }
    }
}
