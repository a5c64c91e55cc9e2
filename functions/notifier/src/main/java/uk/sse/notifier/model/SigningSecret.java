package uk.sse.notifier.model;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A subscription's signing secret as Standard Webhooks writes it: {@code whsec_} and the base64 of 24 to 64 random
 * bytes, the HMAC key. Shown to the subscriber once, when made; never logged ({@link #toString} hides it).
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";
    public static final int MIN_BYTES = 24;
    public static final int MAX_BYTES = 64;
    public static final int GENERATED_BYTES = 32;

    private final byte[] key;

    private SigningSecret(byte[] key) {
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "a signing key is " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    /** A fresh secret; {@code random} must be a SecureRandom outside tests. */
    public static SigningSecret generate(RandomGenerator random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return new SigningSecret(key);
    }

    public static SigningSecret ofKey(byte[] key) {
        return new SigningSecret(key);
    }

    /** The secret in {@code text} ({@code whsec_...}), or empty if it is not one. */
    public static Optional<SigningSecret> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            return key.length < MIN_BYTES || key.length > MAX_BYTES
                    ? Optional.empty()
                    : Optional.of(new SigningSecret(key));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    public byte[] key() {
        return key.clone();
    }

    /** The form the subscriber is given and the receiver configures. */
    public String text() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret s && MessageDigest.isEqual(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "SigningSecret[hidden]";
    }
}
