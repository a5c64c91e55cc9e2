package uk.sse.web.session;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What the session cookie holds: an id (what the CSRF tokens are bound to), the person's bearer token for the APIs,
 * the name to greet them by and when it ends (the token's own expiry).
 */
@Serdeable
public record Session(String id, String token, String name, long expiresAt) {

    public boolean liveAt(Instant now) {
        return now.getEpochSecond() < expiresAt;
    }
}
