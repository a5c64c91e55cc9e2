package uk.sse.notifier.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: the first attempt is immediate, then after each failure the next pause of
 * the schedule, give or take {@code jitter} (a fraction: 0.2 spreads a pause over 80% to 120% of it), so that many
 * deliveries failing together do not all come back together. An answer's {@code Retry-After} pushes the next attempt
 * back to at least that. After the last pause's attempt fails, the delivery has failed.
 */
public record RetrySchedule(List<Duration> pauses, double jitter) {

    /** Svix's schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts over about 28 hours). */
    public static final RetrySchedule STANDARD = new RetrySchedule(
            List.of(
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(30),
                    Duration.ofHours(2),
                    Duration.ofHours(5),
                    Duration.ofHours(10),
                    Duration.ofHours(10)),
            0.2);

    public RetrySchedule {
        pauses = List.copyOf(pauses);
        if (jitter < 0 || jitter >= 1 || pauses.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("pauses must not be negative and jitter must be in [0, 1)");
        }
    }

    /** Attempts in one round: the immediate one and one after each pause. */
    public int maxAttempts() {
        return pauses.size() + 1;
    }

    /**
     * When to try again after the round's {@code failedAttempts}-th attempt failed at {@code now}, or empty if that
     * was the last. {@code retryAfter} is what the answer asked for, if anything.
     */
    public Optional<Instant> next(
            int failedAttempts, Instant now, Optional<Duration> retryAfter, RandomGenerator random) {
        if (failedAttempts < 1 || failedAttempts > pauses.size()) {
            return Optional.empty();
        }
        long pause = pauses.get(failedAttempts - 1).toMillis();
        long jittered = Math.round(pause * (1 - jitter + 2 * jitter * random.nextDouble()));
        Instant scheduled = now.plusMillis(jittered);
        Instant asked = retryAfter.map(now::plus).orElse(scheduled);
        return Optional.of(asked.isAfter(scheduled) ? asked : scheduled);
    }

    /** The earliest and latest the attempt after failure {@code failedAttempts} can be scheduled, without Retry-After. */
    public Duration earliest(int failedAttempts) {
        return Duration.ofMillis(
                (long) Math.floor(pauses.get(failedAttempts - 1).toMillis() * (1 - jitter)));
    }

    public Duration latest(int failedAttempts) {
        return Duration.ofMillis((long) Math.ceil(pauses.get(failedAttempts - 1).toMillis() * (1 + jitter)));
    }
}
