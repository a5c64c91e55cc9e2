package uk.sse.kernel.dynamo;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;

/** Runs a conditional transaction and reports a failed condition as {@code false}, not as an exception. */
public final class Transactions {

    private Transactions() { }

    public static boolean writeIfConditionsHold(DynamoDbClient client, List<TransactWriteItem> items) {
        try {
            client.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException cancelled) {
            boolean conditionFailed = cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                    .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (conditionFailed) {
                return false;
            }
            throw cancelled;
        }
    }
}
