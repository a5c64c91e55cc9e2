package uk.sse.web.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * What the session cookie holds: an id (what the CSRF tokens are bound to), the person's bearer token for the APIs,
 * the name to greet them by, when it ends (the token's own expiry) and, for a person of several memberships, the one they
 * chose to act in ({@code ROLE@area/org}; none: the token's first).
 */
@Serdeable
public record Session(
        String id,
        String token,
        String name,
        long expiresAt,
        @Nullable String hat) {

    /** The same session, acting in another membership (the same id, so the page's CSRF tokens still hold). */
    public Session wearing(String membership) {
        return new Session(id, token, name, expiresAt, membership);
    }

    public boolean liveAt(Instant now) {
        return now.getEpochSecond() < expiresAt;
    }
}
