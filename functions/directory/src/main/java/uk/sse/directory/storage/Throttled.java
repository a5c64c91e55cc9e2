package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import uk.sse.kernel.dynamo.StoreBusy;
import uk.sse.kernel.retry.Backoff;

/**
 * Calls to the table that back off while it sheds load: a throttling error, or a batch answered with unprocessed
 * items, is followed by a pause (exponential, full jitter, up to 20 s) and the rest is sent again. The SDK's own
 * retries come first; these are for the sustained load of an import on an on-demand table that is still scaling.
 * Only when the table has refused for about five minutes does the caller see {@link StoreBusy}.
 */
@Singleton
public class Throttled {

    private static final int WRITE_BATCH = 25;
    static final Backoff BACKOFF = new Backoff(24, Duration.ofMillis(50), Duration.ofSeconds(20));

    /**
     * Sends {@code request}, then what {@code attempt} answers is left of it (null when nothing is), until nothing is.
     */
    public <T> void untilDone(T request, UnaryOperator<T> attempt) {
        T left = request;
        int failures = 0;
        while (left != null) {
            T asked = left;
            try {
                left = attempt.apply(asked);
                if (left == null) {
                    return;
                }
            } catch (DynamoDbException e) {
                if (!throttling(e)) {
                    throw e;
                }
            }
            pause(++failures);
        }
    }

    /** Puts and deletes in DynamoDB's batches of 25, each sent until the table has taken all of it. */
    public void writeAll(DynamoDbClient client, String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += WRITE_BATCH) {
            Map<String, List<WriteRequest>> request =
                    Map.of(table, new ArrayList<>(writes.subList(from, Math.min(from + WRITE_BATCH, writes.size()))));
            untilDone(request, ask -> {
                BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(ask));
                return response.hasUnprocessedItems()
                                && !response.unprocessedItems().isEmpty()
                        ? response.unprocessedItems()
                        : null;
            });
        }
    }

    /** The call's answer, asked again after a pause while the table throttles it. */
    public <R> R call(Supplier<R> call) {
        int failures = 0;
        while (true) {
            try {
                return call.get();
            } catch (DynamoDbException e) {
                if (!throttling(e)) {
                    throw e;
                }
            }
            pause(++failures);
        }
    }

    static boolean throttling(DynamoDbException e) {
        return e instanceof ProvisionedThroughputExceededException
                || e instanceof RequestLimitExceededException
                || e.isThrottlingException()
                || (e.awsErrorDetails() != null
                        && "ThrottlingException".equals(e.awsErrorDetails().errorCode()));
    }

    private static void pause(int failures) {
        if (failures >= BACKOFF.maxAttempts()) {
            throw new StoreBusy("the directory table kept refusing writes", null);
        }
        try {
            BACKOFF.sleepAfter(failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreBusy("interrupted while backing off", e);
        }
    }
}
