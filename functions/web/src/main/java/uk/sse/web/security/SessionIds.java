package uk.sse.web.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.session.SessionIdResolver;
import jakarta.inject.Singleton;
import java.util.Optional;
import uk.sse.web.session.Session;
import uk.sse.web.session.SessionCookies;

/** Binds CSRF tokens to the session: a token made for one session is refused in another (or after signing out). */
@Singleton
public class SessionIds implements SessionIdResolver<HttpRequest<?>> {

    private final SessionCookies cookies;

    public SessionIds(SessionCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public Optional<String> findSessionId(HttpRequest<?> request) {
        return cookies.read(request).map(Session::id);
    }
}
