package uk.sse.kernel.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The two optimistic puts of an entity kept in one item: the first (no item has its key yet) and the next (the item is
 * still at the version read). False when someone else moved first; any other fault is thrown as it is.
 */
public final class ConditionalPuts {

    private ConditionalPuts() {}

    /** Puts {@code item} if no item has its key yet; false if one has. */
    public static boolean putNew(DynamoDbClient client, String table, Map<String, AttributeValue> item) {
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** Puts {@code item} in place of the stored one if that is still at {@code expectedVersion}; false if it moved. */
    public static boolean putAtVersion(
            DynamoDbClient client, String table, Map<String, AttributeValue> item, long expectedVersion) {
        try {
            client.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(
                            Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }
}
