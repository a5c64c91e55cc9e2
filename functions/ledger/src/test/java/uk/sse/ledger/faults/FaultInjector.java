package uk.sse.ledger.faults;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Makes DynamoDB Local misbehave the way a real table does under load, on TransactWriteItems only: a transaction
 * conflict or throttling before the write is sent (nothing written), or a timeout after the write succeeded (the
 * client cannot know it landed and must settle it by retrying). Rates are static because the Lambda handler runs
 * in an application context of its own, as in AWS; counters show what was injected.
 */
@Singleton
@Requires(property = "sse.test.faults", value = "on")
public class FaultInjector implements ExecutionInterceptor {

    public static volatile double conflictRate;
    public static volatile double throttleRate;
    public static volatile double lostResponseRate;

    public static final AtomicLong CONFLICTS = new AtomicLong();
    public static final AtomicLong THROTTLES = new AtomicLong();
    public static final AtomicLong LOST_RESPONSES = new AtomicLong();
    /** Transaction writes sent, and those DynamoDB refused (a failed condition: another writer moved first). */
    public static final AtomicLong WRITES_SENT = new AtomicLong();

    public static final AtomicLong WRITES_REFUSED = new AtomicLong();

    public static void set(double conflicts, double throttles, double lostResponses) {
        conflictRate = conflicts;
        throttleRate = throttles;
        lostResponseRate = lostResponses;
    }

    public static void off() {
        set(0, 0, 0);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof TransactWriteItemsRequest)) {
            return;
        }
        WRITES_SENT.incrementAndGet();
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < conflictRate) {
            CONFLICTS.incrementAndGet();
            throw TransactionCanceledException.builder()
                    .message(
                            "Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict] (injected)")
                    .cancellationReasons(CancellationReason.builder()
                            .code("TransactionConflict")
                            .message("injected")
                            .build())
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("TransactionCanceledException")
                            .serviceName("DynamoDb")
                            .build())
                    .build();
        }
        if (roll < conflictRate + throttleRate) {
            THROTTLES.incrementAndGet();
            throw ProvisionedThroughputExceededException.builder()
                    .message("The level of configured provisioned throughput for the table was exceeded (injected)")
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .serviceName("DynamoDb")
                            .build())
                    .build();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest
                && !context.httpResponse().isSuccessful()) {
            WRITES_REFUSED.incrementAndGet();
        }
        if (context.request() instanceof TransactWriteItemsRequest
                && context.httpResponse().isSuccessful()
                && ThreadLocalRandom.current().nextDouble() < lostResponseRate) {
            LOST_RESPONSES.incrementAndGet();
            throw ApiCallTimeoutException.builder()
                    .message("the write landed but its answer was lost (injected)")
                    .build();
        }
    }
}
