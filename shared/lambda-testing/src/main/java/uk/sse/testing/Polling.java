package uk.sse.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits for eventually-consistent state (stream, index refresh) by polling, never by fixed sleeps. */
public final class Polling {

    private Polling() {}

    /** Polls until the probe's value satisfies {@code done} or the deadline passes; returns the last value seen. */
    public static <T> T until(Callable<T> probe, Predicate<T> done, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        T value = probe.call();
        while (!done.test(value) && System.nanoTime() < end) {
            Thread.sleep(50);
            value = probe.call();
        }
        return value;
    }
}
