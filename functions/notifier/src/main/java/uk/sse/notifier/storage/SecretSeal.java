package uk.sse.notifier.storage;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import uk.sse.notifier.model.SigningSecret;

/**
 * Seals signing secrets for the table with AES-256-GCM, so that reading the table (a backup, an export, a console)
 * does not reveal them: {@code <key id>:<base64url of a 12-byte nonce and the ciphertext with its tag>}, the
 * subscription's id bound in as additional data (a sealed secret copied onto another subscription does not open).
 * The keys are {@link SealingKeys}': the current one seals, and a secret sealed under an older one opens with it.
 */
@Singleton
public class SecretSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SealingKeys keys;

    public SecretSeal(SealingKeys keys) {
        this.keys = keys;
    }

    public String seal(SigningSecret secret, String subscriptionId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        SealingKeys.Keys now = keys.current();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, now.byId().get(now.currentId()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.key());
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return now.currentId() + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a signing secret", e);
        }
    }

    public SigningSecret open(String sealed, String subscriptionId) {
        int colon = sealed.indexOf(':');
        SecretKeySpec key = colon < 0
                ? null
                : keys.opening(sealed.substring(0, colon)).byId().get(sealed.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException(
                    "subscription " + subscriptionId + "'s secret is sealed with a key this function does not have");
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
