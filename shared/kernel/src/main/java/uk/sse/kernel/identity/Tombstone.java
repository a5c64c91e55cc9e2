package uk.sse.kernel.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What stands for an erased person's subject in every function's records (decisions 0104, 0117): {@code erased-} and
 * 16 hex digits of the subject's HMAC-SHA256 under the erasure key, so each function holding the key derives the same
 * one without being told, one person's records stay one person's, and someone with a list of subjects but not the key
 * cannot tell whose it is. The key comes from {@code key} when a tombstone is first wanted (in AWS a secret read at
 * run time, which the caller may read again); it must be 32 characters or more of random text.
 */
public final class Tombstone {

    public static final String PREFIX = "erased-";
    public static final int MIN_KEY_LENGTH = 32;
    private static final String HMAC = "HmacSHA256";

    private final Supplier<String> key;
    private volatile Keyed keyed;

    private record Keyed(String text, SecretKeySpec spec) {}

    public Tombstone(Supplier<String> key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Tombstones under a key given now (tests, the local run). */
    public static Tombstone keyed(String key) {
        Objects.requireNonNull(key, "key");
        return new Tombstone(() -> key);
    }

    /** The tombstone of {@code subject} under the key as its source gives it now. */
    public String of(String subject) {
        Objects.requireNonNull(subject, "subject");
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(spec());
            byte[] hash = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private SecretKeySpec spec() {
        String text = key.get();
        if (text == null || text.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException(
                    "the erasure key must be at least " + MIN_KEY_LENGTH + " characters of random text, not "
                            + (text == null ? 0 : text.strip().length()));
        }
        Keyed k = keyed;
        if (k == null || !k.text().equals(text)) {
            k = new Keyed(text, new SecretKeySpec(text.strip().getBytes(StandardCharsets.UTF_8), HMAC));
            keyed = k;
        }
        return k.spec();
    }
}
