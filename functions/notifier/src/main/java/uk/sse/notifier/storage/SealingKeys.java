package uk.sse.notifier.storage;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.secrets.CachedSecret;
import uk.sse.notifier.NotifierSettings;

/**
 * The keys that seal the subscriptions' signing secrets: the one that seals now, and every one that still opens.
 * Locally and in the tests they are configured ({@code sse.notifier.secret-key}); in AWS the secret
 * {@code sse.notifier.secret-key-arn} holds them, read at run time and kept for {@link #MAX_AGE}, read again when a
 * sealed secret names a key this instance does not hold (the key was rotated since it read it), and after a SnapStart
 * restore. The secret's value is either the key itself (its id {@code secret-key-id}), as CloudFormation generates
 * it, or after a rotation {@code {"id": "k2", "key": "...", "previous": {"k1": "..."}}}.
 */
@Singleton
public class SealingKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SealingKeys.class);
    static final Duration MAX_AGE = Duration.ofMinutes(15);

    /** The id of the key that seals now, and the AES key of every id that opens. */
    public record Keys(String currentId, Map<String, SecretKeySpec> byId) {}

    private final NotifierSettings settings;
    private final JsonMapper json;
    private final CachedSecret secret;
    private volatile Parsed parsed;

    private record Parsed(String text, Keys keys) {}

    public SealingKeys(NotifierSettings settings, AwsSettings aws, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        if (settings.secretKeyArn() != null && !settings.secretKeyArn().isBlank()) {
            this.secret = CachedSecret.of(
                    CachedSecret.client(aws.regionOrDefault(), settings.secretsEndpoint()),
                    settings.secretKeyArn(),
                    MAX_AGE,
                    clock);
            LOG.info(
                    "sealing keys from the secret {} (ids {})",
                    settings.secretKeyArn(),
                    current().byId().keySet());
        } else if (settings.secretKey() == null || settings.secretKey().isBlank()) {
            throw new IllegalStateException(
                    "neither sse.notifier.secret-key-arn nor sse.notifier.secret-key is set: the notifier needs "
                            + "a secret of 32 or more random characters to seal the subscriptions' signing secrets");
        } else {
            this.secret = null;
            this.parsed = new Parsed(null, keys(settings.secretKeyId(), settings.secretKey(), Map.of()));
        }
    }

    /** The keys as last read. */
    public Keys current() {
        return secret == null ? parsed.keys() : parsedFrom(secret.value());
    }

    /** The keys, read again first if none of them is {@code id} (it was made after this instance read the secret). */
    public Keys opening(String id) {
        Keys keys = current();
        if (secret == null || keys.byId().containsKey(id)) {
            return keys;
        }
        Parsed seen = parsed;
        return parsedFrom(secret.reread(seen == null ? null : seen.text()));
    }

    /** Read the secret again when next wanted: after a SnapStart restore ({@code SecretsAfterRestore}). */
    public void refresh() {
        if (secret != null) {
            secret.forget(); // the snapshot may be older than the last rotation
        }
    }

    private Keys parsedFrom(String text) {
        Parsed p = parsed;
        if (p != null && text.equals(p.text())) {
            return p.keys();
        }
        Keys keys = fromSecret(text);
        parsed = new Parsed(text, keys);
        return keys;
    }

    @SuppressWarnings("unchecked")
    private Keys fromSecret(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("{")) {
            return keys(settings.secretKeyId(), trimmed, Map.of());
        }
        Map<String, Object> m;
        try {
            m = json.readValue(trimmed, Argument.mapOf(String.class, Object.class));
        } catch (IOException notJson) {
            throw new IllegalStateException("the sealing key secret is neither a key nor a JSON object");
        }
        if (!(m.get("id") instanceof String id) || !(m.get("key") instanceof String key)) {
            throw new IllegalStateException("the sealing key secret's JSON needs \"id\" and \"key\"");
        }
        Map<String, String> previous = new HashMap<>();
        if (m.get("previous") instanceof Map<?, ?> older) {
            older.forEach((k, v) -> {
                if (k instanceof String kid && v instanceof String kv) {
                    previous.put(kid, kv);
                }
            });
        }
        return keys(id, key, previous);
    }

    private Keys keys(String currentId, String currentKey, Map<String, String> previous) {
        Map<String, SecretKeySpec> byId = new HashMap<>();
        byId.put(currentId, key(currentId, currentKey));
        previous.forEach((id, key) -> byId.putIfAbsent(id, key(id, key)));
        settings.previousSecretKeys().forEach((id, key) -> byId.putIfAbsent(id, key(id, key)));
        return new Keys(currentId, Map.copyOf(byId));
    }

    /**
     * The AES-256 key is the SHA-256 of the secret: any high-entropy text of 32 characters or more, such as base64 of 32
     * random bytes or a password Secrets Manager generated (which cannot make raw bytes).
     */
    private static SecretKeySpec key(String id, String secret) {
        String text = secret.trim();
        if (text.length() < 32) {
            throw new IllegalStateException(
                    "secret key " + id + " must be at least 32 characters of random text, not " + text.length());
        }
        if (id.contains(":")) {
            throw new IllegalStateException("a secret key id may not contain ':'");
        }
        try {
            return new SecretKeySpec(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
