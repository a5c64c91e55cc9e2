package uk.sse.notifier.storage;

import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.dynamo.OwnTable;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.notifier.NotifierSettings;

/**
 * The notifier's own table. Keys:
 * <ul>
 *   <li>{@code SUB#id / SUB}: a subscription, its signing secrets sealed; gsi1 {@code AREA#area / SUB#<created ms>#id}.</li>
 *   <li>{@code SUB#id / EVENT#<version>}: the {@code notifier.subscription.disabled} event, in the shared envelope
 *       (docs/events.md), put in the same transaction as the disabling; the stream carries it to the area's admins.</li>
 *   <li>{@code DELIVERY#msg_id / DELIVERY}: one event for one subscription ({@code msg_id} is derived from both ids), with
 *       its attempts as they happened; gsi1 {@code DELIVERIES#subscriptionId / <created ms>#msg_id} lists a subscription's,
 *       newest first; while it waits for an attempt, gsi2 {@code DUE#<shard 0-7> / <due ms>#msg_id} is where the sweeper
 *       finds it.</li>
 *   <li>{@code IDEMPOTENCY#caller#key / KEY}: a subscription request's Idempotency-Key, kept a day.</li>
 * </ul>
 * Deliveries expire ({@code expiresAt}, the table's TTL attribute) {@code sse.notifier.keep-deliveries} after their last change.
 */
@Singleton
public class NotifierTable extends OwnTable {

    public static final String AREA_INDEX = Tables.indexName(1);
    public static final String DUE_INDEX = Tables.indexName(2);
    /** Due entries are spread over this many index partitions, so that a burst of deliveries does not heat one. */
    public static final int DUE_SHARDS = 8;

    public NotifierTable(DynamoDbClient client, AwsSettings aws, NotifierSettings settings) {
        super(client, aws, settings.tableName(), 2);
    }
}
