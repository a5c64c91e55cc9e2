package uk.sse.kernel.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} for one creating request, scoped to the caller (two callers may pick
 * the same key), with a digest of what was asked so that reusing a key for a different request is caught.
 */
public record IdempotencyKey(String scope, String key, String requestHash) {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** Why a header value cannot be a key, or empty if it can. */
    public static Optional<String> problemWith(String header) {
        return header != null && SHAPE.matcher(header).matches()
                ? Optional.empty()
                : Optional.of("must be 1 to 255 visible ASCII characters, e.g. a UUID");
    }

    /** A key for the request whose meaning is {@code request} (a record's text is stable for equal values). */
    public static IdempotencyKey of(String scope, String key, Object request) {
        return new IdempotencyKey(scope, key, sha256(String.valueOf(request)));
    }

    public boolean sameRequestAs(String otherHash) {
        return requestHash.equals(otherHash);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
