package uk.sse.notifier.model;

/**
 * What came of one POST: an answer (its status, {@code Retry-After} if any, and the first bytes of its body), or no
 * answer (the destination was refused before connecting, the connection failed, or it timed out).
 */
public sealed interface SendResult {

    long latencyMillis();

    record Answered(int status, String retryAfter, String excerpt, long latencyMillis) implements SendResult {
        public boolean success() {
            return status >= 200 && status < 300;
        }
    }

    enum Failure {
        REFUSED_DESTINATION,
        TIMEOUT,
        CONNECTION,
        PROTOCOL
    }

    record NoAnswer(Failure failure, String detail, long latencyMillis) implements SendResult {}
}
