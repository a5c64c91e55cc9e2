package uk.sse.kernel.dynamo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.idempotency.PriorRequest;

/**
 * Idempotency keys in a function's own table ({@code pk}/{@code sk} schema), claimed in the same
 * transaction as the thing they create, so a retry finds either both or neither. Kept for a day
 * ({@code expiresAt} is the table's TTL attribute).
 */
public final class IdempotencyItems {

    public static final Duration KEPT_FOR = Duration.ofHours(24);

    private IdempotencyItems() {}

    static Map<String, AttributeValue> key(IdempotencyKey key) {
        return Map.of(
                "pk",
                AttributeValue.fromS("IDEMPOTENCY#" + key.scope() + "#" + key.key()),
                "sk",
                AttributeValue.fromS("KEY"));
    }

    public static TransactWriteItem claim(String table, IdempotencyKey key, String resultId, Instant now) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(key));
        item.put("resultId", AttributeValue.fromS(resultId));
        item.put("requestHash", AttributeValue.fromS(key.requestHash()));
        item.put("createdAt", AttributeValue.fromS(now.toString()));
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(now.plus(KEPT_FOR).getEpochSecond())));
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    public static Optional<PriorRequest> find(DynamoDbClient client, String table, IdempotencyKey key) {
        var response = client.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PriorRequest(
                response.item().get("resultId").s(),
                response.item().get("requestHash").s()));
    }
}
