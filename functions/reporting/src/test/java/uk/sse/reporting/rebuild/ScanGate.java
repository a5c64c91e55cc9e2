package uk.sse.reporting.rebuild;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Holds a rebuild's table scans until the test opens the gate: the rebuild has then made its next schema and waits,
 * so the test knows the stream's deliveries meanwhile happen during the rebuild. The kernel's DynamoDB client takes
 * every ExecutionInterceptor bean; this one exists only where {@code test.scan-gate} is set.
 */
@Singleton
@Requires(property = "test.scan-gate", value = "true")
public class ScanGate implements ExecutionInterceptor {

    private static volatile CountDownLatch gate = new CountDownLatch(0);
    private static volatile CountDownLatch waiting = new CountDownLatch(1);

    static void close() {
        gate = new CountDownLatch(1);
        waiting = new CountDownLatch(1);
    }

    static void open() {
        gate.countDown();
    }

    /** Until a scan is waiting at the gate. */
    static boolean awaitAScan(long seconds) throws InterruptedException {
        return waiting.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if ("Scan".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            waiting.countDown();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the scan gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
