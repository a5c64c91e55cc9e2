package uk.sse.brokerage.web;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Kills the brokerage between its two writes, as a Lambda timeout or an out-of-memory would, on the next transaction
 * write of a thread that armed it: {@link When#BEFORE_WRITE} after the ledger placed an agreement's hold and before the
 * request is written; {@link When#AFTER_WRITE} after a completion or close is written and before the ledger posts or
 * voids. The crash is an {@link Error} nothing in the function catches, so nothing after it runs. Armed per thread, so
 * concurrent tests crash only the invocations they mean to.
 */
@Singleton
@Requires(property = "sse.test.crashes", value = "on")
public class Crashes implements ExecutionInterceptor {

    public enum When {
        BEFORE_WRITE,
        AFTER_WRITE
    }

    /** What the function saw of its crash: nothing, as it was dead. */
    public static final class Crash extends Error {
        Crash(When when) {
            super("the brokerage died " + (when == When.BEFORE_WRITE ? "before" : "after") + " its write (injected)");
        }
    }

    private static final ThreadLocal<When> ARMED = new ThreadLocal<>();
    /** Armed by name, for invocations that run on another thread (the HTTP front's): the next write anywhere. */
    private static final AtomicReference<When> NEXT = new AtomicReference<>();

    public static final AtomicInteger CRASHED = new AtomicInteger();

    public static void arm(When when) {
        ARMED.set(when);
    }

    public static void armNext(When when) {
        NEXT.set(when);
    }

    public static void disarm() {
        ARMED.remove();
        NEXT.set(null);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest && take(When.BEFORE_WRITE)) {
            throw new Crash(When.BEFORE_WRITE);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest && take(When.AFTER_WRITE)) {
            throw new Crash(When.AFTER_WRITE);
        }
    }

    private static boolean take(When when) {
        if (ARMED.get() == when) {
            ARMED.remove();
            CRASHED.incrementAndGet();
            return true;
        }
        if (NEXT.compareAndSet(when, null)) {
            CRASHED.incrementAndGet();
            return true;
        }
        return false;
    }
}
