package uk.sse.directory.imports;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Faults a real table and a real Lambda produce and DynamoDB Local does not, injected into the function's DynamoDB
 * client: the process dying after some batches were written (an {@link Error} nothing catches, so the job is left as
 * a dead run leaves it), and throttling of batch reads and writes. Inert until armed.
 */
@Singleton
public class Faults implements ExecutionInterceptor {

    /** What a killed process leaves: nothing after it runs. */
    public static final class Killed extends Error {
        Killed() {
            super("the import's process was killed");
        }
    }

    private static final AtomicInteger KILL_AFTER = new AtomicInteger(-1);
    private static final AtomicInteger THROTTLE_EVERY = new AtomicInteger(0);
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final AtomicInteger THROTTLED = new AtomicInteger();

    /** The batch write after {@code n} more dies, having written nothing of its own. */
    public void killAfterWrites(int n) {
        CALLS.set(0);
        KILL_AFTER.set(n);
    }

    /** Every {@code n}th batch write or read is throttled (0: none). */
    public void throttleEvery(int n) {
        CALLS.set(0);
        THROTTLE_EVERY.set(n);
    }

    /** True until the armed kill has happened. */
    public boolean armed() {
        return KILL_AFTER.get() >= 0;
    }

    public int throttled() {
        return THROTTLED.get();
    }

    public void disarm() {
        KILL_AFTER.set(-1);
        THROTTLE_EVERY.set(0);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        boolean write = context.request() instanceof BatchWriteItemRequest;
        if (!write && !(context.request() instanceof BatchGetItemRequest)) {
            return;
        }
        int n = CALLS.incrementAndGet();
        int every = THROTTLE_EVERY.get();
        if (every > 0 && n % every == 0) {
            THROTTLED.incrementAndGet();
            throw ProvisionedThroughputExceededException.builder()
                    .message("injected: throughput exceeded")
                    .build();
        }
        int kill = KILL_AFTER.get();
        if (kill >= 0 && write && n > kill) {
            KILL_AFTER.set(-1);
            throw new Killed();
        }
    }
}
