package uk.sse.notifier.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import uk.sse.kernel.ids.Ids;

/**
 * A delivery's id, which is also its {@code webhook-id}: {@code msg_} and 26 Crockford base32 characters of the
 * SHA-256 of the subscription's and the event's ids. The same event for the same subscription always has the same
 * id, so a duplicate stream record finds the delivery already there, and a receiver that has seen it drops it.
 */
public final class WebhookIds {

    public static final String PREFIX = "msg_";
    public static final String PATTERN = PREFIX + Ids.CHARACTER + "{26}";

    private WebhookIds() {}

    public static String of(String subscriptionId, String eventId) {
        byte[] digest;
        try {
            // length-prefixed, so that no two pairs of ids make the same text
            digest = MessageDigest.getInstance("SHA-256")
                    .digest((subscriptionId.length() + ":" + subscriptionId + eventId)
                            .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        // 130 bits: the first 16 bytes and two bits of the 17th
        return PREFIX + Ids.base32(digest, 26);
    }

    /** Which of the due index's shards the delivery's due entry lives in, 0 to {@code shards - 1}. */
    public static int shard(String deliveryId, int shards) {
        return Math.floorMod(deliveryId.hashCode(), shards);
    }
}
