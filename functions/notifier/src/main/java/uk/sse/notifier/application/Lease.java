package uk.sse.notifier.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A sender's hold on a delivery while it tries it: nobody else takes it until {@code until}, and the sender's writes
 * are conditioned on {@code token}. If the sender dies, the sweeper takes the delivery once the lease has run out.
 */
public record Lease(String token, Instant until) {

    public static Lease fresh(Instant now, Duration length) {
        return new Lease(UUID.randomUUID().toString(), now.plus(length));
    }
}
