package uk.sse.notifier.storage;

import jakarta.inject.Singleton;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.SigningSecret;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Seals signing secrets for the table with AES-256-GCM, so that reading the table (a backup, an export, a console)
 * does not reveal them: {@code <key id>:<base64url of a 12-byte nonce and the ciphertext with its tag>}, the
 * subscription's id bound in as additional data (a sealed secret copied onto another subscription does not open).
 * The key is derived from {@code sse.notifier.secret-key}; secrets sealed under an older key open with
 * {@code previous-secret-keys}.
 */
@Singleton
public class SecretSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();

    public SecretSeal(NotifierSettings settings) {
        if (settings.secretKey() == null || settings.secretKey().isBlank()) {
            throw new IllegalStateException("sse.notifier.secret-key is not set: the notifier needs a secret of 32 or more random "
                    + "characters to seal the subscriptions' signing secrets");
        }
        this.currentId = settings.secretKeyId();
        keys.put(currentId, key(currentId, settings.secretKey()));
        settings.previousSecretKeys().forEach((id, key) -> keys.putIfAbsent(id, key(id, key)));
    }

    /**
     * The AES-256 key is the SHA-256 of the configured secret: any high-entropy text of 32 characters or more, such as
     * base64 of 32 random bytes or a password Secrets Manager generated (which cannot make raw bytes).
     */
    private static SecretKeySpec key(String id, String secret) {
        String text = secret.trim();
        if (text.length() < 32) {
            throw new IllegalStateException("secret key " + id + " must be at least 32 characters of random text, not " + text.length());
        }
        if (id.contains(":")) {
            throw new IllegalStateException("a secret key id may not contain ':'");
        }
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public String seal(SigningSecret secret, String subscriptionId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.key());
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return currentId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a signing secret", e);
        }
    }

    public SigningSecret open(String sealed, String subscriptionId) {
        int colon = sealed.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(sealed.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("subscription " + subscriptionId + "'s secret is sealed with a key this function does not have");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return SigningSecret.ofKey(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("subscription " + subscriptionId + "'s secret does not open", e);
        }
    }
}
