package uk.sse.kernel.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
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
}
