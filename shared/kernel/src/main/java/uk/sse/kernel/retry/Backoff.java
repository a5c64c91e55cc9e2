package uk.sse.kernel.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a pause drawn uniformly from zero to {@code base * 2^(attempt-1)},
 * capped): contending writers spread out instead of colliding again in step.
 */
public record Backoff(int maxAttempts, Duration base, Duration cap) {

    public Backoff {
        if (maxAttempts < 1 || base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs maxAttempts >= 1 and 0 <= base <= cap");
        }
    }

    /** The pause after failed attempt {@code attempt} (1-based). */
    public Duration pause(int attempt, RandomGenerator random) {
        long ceiling = cap.toNanos();
        int doublings = Math.min(attempt - 1, 62);
        long grown = base.toNanos() > (ceiling >> doublings) ? ceiling : base.toNanos() << doublings;
        long bound = Math.min(ceiling, grown);
        return Duration.ofNanos(bound <= 0 ? 0 : random.nextLong(bound + 1));
    }

    /** Sleeps the pause after failed attempt {@code attempt}. */
    public void sleepAfter(int attempt) throws InterruptedException {
        long nanos = pause(attempt, ThreadLocalRandom.current()).toNanos();
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    /**
     * The optimistic write's loop: runs {@code attempt} until it gives a result (empty: it lost a race, so read again
     * and retry), at most {@link #maxAttempts} times with a pause between tries. An attempt that throws
     * {@code transientFault} is tried again too; anything else it throws goes straight to the caller. When every attempt
     * lost, or the wait was interrupted, throws what {@code givenUp} makes of why and the last fault (or null).
     */
    public <T> T untilWritten(
            Supplier<Optional<T>> attempt,
            Class<? extends RuntimeException> transientFault,
            BiFunction<String, Throwable, ? extends RuntimeException> givenUp) {
        RuntimeException last = null;
        for (int tried = 1; tried <= maxAttempts; tried++) {
            try {
                Optional<T> result = attempt.get();
                if (result.isPresent()) {
                    return result.get();
                }
            } catch (RuntimeException fault) {
                if (!transientFault.isInstance(fault)) {
                    throw fault;
                }
                last = fault;
            }
            if (tried < maxAttempts) {
                try {
                    sleepAfter(tried);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw givenUp.apply("interrupted while waiting to retry", interrupted);
                }
            }
        }
        throw givenUp.apply("stayed contended through " + maxAttempts + " attempts", last);
    }
}
