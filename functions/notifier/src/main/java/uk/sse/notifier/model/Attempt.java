package uk.sse.notifier.model;

import java.time.Instant;

/**
 * One recorded attempt: when, what made it, which address was connected to, the answer's status (null when there
 * was none), how long it took, what it meant ({@code outcome} and {@code reason}), the first bytes of the answer,
 * and when the next attempt is due (null if none).
 */
public record Attempt(
        int number,
        Instant at,
        Trigger trigger,
        String destination,
        Integer status,
        long latencyMillis,
        Outcome outcome,
        String reason,
        String excerpt,
        Instant nextAttemptAt) {

    public enum Outcome {
        DELIVERED,
        RETRY_SCHEDULED,
        FAILED,
        ENDPOINT_DISABLED
    }
}
