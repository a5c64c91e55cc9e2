package uk.sse.notifier.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): the headers {@code webhook-id} (the message's
 * id, the same on every retry: the receiver's idempotency key), {@code webhook-timestamp} (seconds since the epoch)
 * and {@code webhook-signature}, space-separated {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, one per
 * secret that signs. Receivers refuse a timestamp more than {@link #TOLERANCE} away from their clock.
 */
public final class WebhookSignatures {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignatures() {}

    /** One {@code v1,} signature. */
    public static String sign(SigningSecret secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    /** The {@code webhook-signature} header: a signature per secret, space-separated. */
    public static String header(List<SigningSecret> secrets, String messageId, long timestampSeconds, String body) {
        return secrets.stream()
                .map(s -> sign(s, messageId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    public enum Verification {
        VALID,
        BAD_SIGNATURE,
        STALE_TIMESTAMP,
        MALFORMED
    }

    /**
     * What a receiver holding {@code secret} concludes from the three headers and the body, at {@code now}: valid if
     * the timestamp is within {@link #TOLERANCE} and any {@code v1,} signature matches (compared in constant time).
     */
    public static Verification verify(
            SigningSecret secret,
            String messageId,
            String timestamp,
            String signatureHeader,
            String body,
            Instant now) {
        if (messageId == null || timestamp == null || signatureHeader == null || body == null) {
            return Verification.MALFORMED;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException notANumber) {
            return Verification.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return Verification.STALE_TIMESTAMP;
        }
        byte[] expected = sign(secret, messageId, seconds, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatureHeader.trim().split(" +")) {
            if (candidate.startsWith("v1,")
                    && MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return Verification.VALID;
            }
        }
        return Verification.BAD_SIGNATURE;
    }
}
