package uk.sse.notifier.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A delivery's id, which is also its {@code webhook-id}: {@code msg_} and 26 Crockford base32 characters of the
 * SHA-256 of the subscription's and the event's ids. The same event for the same subscription always has the same
 * id, so a duplicate stream record finds the delivery already there, and a receiver that has seen it drops it.
 */
public final class WebhookIds {

    public static final String PREFIX = "msg_";
    public static final String PATTERN = "msg_[0-9A-HJKMNP-TV-Z]{26}";
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private WebhookIds() { }

    public static String of(String subscriptionId, String eventId) {
        byte[] digest;
        try {
            // length-prefixed, so that no two pairs of ids make the same text
            digest = MessageDigest.getInstance("SHA-256").digest((subscriptionId.length() + ":" + subscriptionId + eventId)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        // 130 bits: the first 16 bytes and two bits of the 17th
        StringBuilder id = new StringBuilder(PREFIX);
        int buffer = 0;
        int bits = 0;
        int used = 0;
        for (int i = 0; i < 17 && used < 26; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xff);
            bits += 8;
            while (bits >= 5 && used < 26) {
                id.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
                used++;
            }
        }
        return id.toString();
    }

    /** Which of the due index's shards the delivery's due entry lives in, 0 to {@code shards - 1}. */
    public static int shard(String deliveryId, int shards) {
        return Math.floorMod(deliveryId.hashCode(), shards);
    }
}
