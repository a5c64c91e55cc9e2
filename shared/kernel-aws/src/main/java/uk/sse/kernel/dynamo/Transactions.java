package uk.sse.kernel.dynamo;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Runs DynamoDB writes and says what happened as the callers need it: a failed condition is {@code false} (someone
 * else moved first), throttling, conflicts and client-side failures (timeouts, broken connections) are
 * {@link StoreBusy} (worth a retry), and anything else is a bug and is rethrown.
 */
public final class Transactions {

    private static final Set<String> RETRYABLE_REASONS =
            Set.of("TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded");

    private Transactions() {}

    public static boolean writeIfConditionsHold(DynamoDbClient client, List<TransactWriteItem> items) {
        return failedConditions(client, items).isEmpty();
    }

    /**
     * Writes {@code items} in one transaction, as {@link #writeIfConditionsHold}, and says which of them had a condition
     * that failed (their positions in {@code items}): none when it was written.
     */
    public static Set<Integer> failedConditions(DynamoDbClient client, List<TransactWriteItem> items) {
        try {
            client.transactWriteItems(b -> b.transactItems(items));
            return Set.of();
        } catch (TransactionCanceledException cancelled) {
            List<String> reasons = cancelled.hasCancellationReasons()
                    ? cancelled.cancellationReasons().stream()
                            .map(CancellationReason::code)
                            .toList()
                    : List.of();
            Set<Integer> failed = IntStream.range(0, reasons.size())
                    .filter(i -> "ConditionalCheckFailed".equals(reasons.get(i)))
                    .boxed()
                    .collect(Collectors.toSet());
            if (!failed.isEmpty()) {
                return failed;
            }
            if (reasons.stream().anyMatch(RETRYABLE_REASONS::contains)) {
                throw new StoreBusy("write cancelled: " + reasons, cancelled);
            }
            throw cancelled;
        } catch (SdkClientException | DynamoDbException fault) {
            throw busyOrRethrow("write", fault);
        }
    }

    /** Runs one call, with its faults as {@link StoreBusy} where a retry may help; a failed condition is rethrown as it is. */
    public static <T> T busyOnFault(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (TransactionCanceledException cancelled) {
            throw new StoreBusy(what + " cancelled", cancelled);
        } catch (ConditionalCheckFailedException condition) {
            throw condition;
        } catch (SdkClientException | DynamoDbException fault) {
            throw busyOrRethrow(what, fault);
        }
    }

    private static RuntimeException busyOrRethrow(String what, RuntimeException fault) {
        boolean retryable = fault instanceof SdkClientException
                || (fault instanceof DynamoDbException service
                        && (service.isThrottlingException()
                                || service instanceof TransactionConflictException
                                || service instanceof TransactionInProgressException
                                || service.statusCode() >= 500));
        return retryable ? new StoreBusy(what + " failed: " + fault.getMessage(), fault) : fault;
    }
}
