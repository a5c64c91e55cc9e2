package uk.sse.kernel.secrets;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A Secrets Manager secret's value, read when it is first wanted and kept; read again when its holder finds it no longer
 * works ({@link #reread}: a rotated password, a key id it does not know), when it is older than {@code maxAge} (if
 * given), and after a SnapStart restore ({@link #forget}: a snapshot may be weeks old). Decision 0103 says why this and
 * not AWS's caching library.
 */
public final class CachedSecret {

    private final Supplier<String> source;
    private final Duration maxAge;
    private final Clock clock;
    private volatile Held held;

    private record Held(String value, Instant readAt) {}

    public CachedSecret(Supplier<String> source, Duration maxAge, Clock clock) {
        this.source = source;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The secret {@code secretId}'s current value (AWSCURRENT) through {@code client}. */
    public static CachedSecret of(SecretsManagerClient client, String secretId, Duration maxAge, Clock clock) {
        return new CachedSecret(
                () -> client.getSecretValue(b -> b.secretId(secretId)).secretString(), maxAge, clock);
    }

    /**
     * A client for the region; {@code endpoint}, if given, points it at a stand-in (the tests: a loopback server speaking
     * Secrets Manager's protocol), else it signs with the Lambda runtime's credentials.
     */
    public static SecretsManagerClient client(String region, String endpoint) {
        var builder = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(region));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        }
        return builder.build();
    }

    /** The value as last read, or read now if there is none or it is too old. */
    public String value() {
        Held h = held;
        if (h == null || (maxAge != null && h.readAt().plus(maxAge).isBefore(clock.instant()))) {
            return read(h);
        }
        return h.value();
    }

    /**
     * The value read again, because {@code stale} did not work. Callers that fail together read once: whoever finds
     * the value already changed from the one it used takes that one.
     */
    public String reread(String stale) {
        Held h = held;
        if (h != null && !h.value().equals(stale)) {
            return h.value();
        }
        return read(h);
    }

    /** Read again when next wanted (after a SnapStart restore). */
    public void forget() {
        held = null;
    }

    private synchronized String read(Held seen) {
        if (held != seen && held != null) {
            return held.value(); // another thread read it while this one waited
        }
        String value = source.get();
        if (value == null) {
            throw new IllegalStateException("the secret has no string value");
        }
        held = new Held(value, clock.instant());
        return value;
    }
}
