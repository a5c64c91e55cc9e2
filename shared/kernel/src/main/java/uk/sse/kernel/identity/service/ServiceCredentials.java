package uk.sse.kernel.identity.service;

import java.time.Duration;
import java.time.Instant;

/**
 * A function's own bearer token, for calling another function as itself. Tokens are kept until shortly before they
 * expire; getting one may fail with {@link uk.sse.kernel.problem.ServiceBusy} (the caller answers 503).
 */
public abstract class ServiceCredentials {

    /** A token is renewed this long before it expires, so none expires on its way. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private String bearer;
    private Instant renewAt = Instant.MIN;

    /** The {@code Authorization} header's value: {@code Bearer <token>}. */
    public final synchronized String bearer() {
        Instant now = Instant.now();
        if (bearer == null || !now.isBefore(renewAt)) {
            Issued issued = issue();
            bearer = "Bearer " + issued.token();
            renewAt = now.plus(issued.validFor()).minus(RENEW_BEFORE);
        }
        return bearer;
    }

    /** A fresh token and how long it is valid. */
    protected abstract Issued issue();

    protected record Issued(String token, Duration validFor) {}
}
