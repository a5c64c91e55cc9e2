package uk.sse.kernel.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What stands for an erased person's subject in every function's records (decision 0104): {@code erased-} and 16 hex
 * digits of the subject's SHA-256, so each function derives the same one without being told, and one person's records
 * stay one person's.
 */
public final class Tombstone {

    public static final String PREFIX = "erased-";

    private Tombstone() {}

    public static String of(String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
