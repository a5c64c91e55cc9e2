package uk.sse.web.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.web.notifications.Notifications;

/**
 * Starts the session once the person has signed in: the token sealed into the session cookie, their email recorded with
 * the notifier, then home. A token that
 * carries no usable identity (no single role) is refused with a page saying so.
 */
@Singleton
public class SessionSignIn implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    public static final String FAILED = "/sign-in-failed";
    private static final Logger LOG = LoggerFactory.getLogger(SessionSignIn.class);

    private final SessionCookies cookies;
    private final Clock clock;
    private final Notifications notifications;

    public SessionSignIn(SessionCookies cookies, Clock clock, Notifications notifications) {
        this.cookies = cookies;
        this.clock = clock;
        this.notifications = notifications;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        Object token = authentication.getAttributes().get(CognitoPeople.ACCESS_TOKEN);
        Object name = authentication.getAttributes().get(CognitoPeople.NAME);
        return token == null
                ? failed("no access token")
                : start(token.toString(), name == null ? null : name.toString(), "/");
    }

    /** A session for the token, then the page the person wanted; refused if the token says nothing usable. */
    public MutableHttpResponse<?> start(String token, String name, String then) {
        Optional<Instant> expiry = People.expiry(token);
        if (expiry.isEmpty() || !expiry.get().isAfter(clock.instant())) {
            return failed("the token has no future expiry");
        }
        String display = name != null ? name : People.displayName(token).orElse(null);
        Session session = cookies.start(token, display, expiry.get().getEpochSecond());
        Optional<Person> person = People.of(session);
        if (person.isEmpty()) {
            return failed("the token carries no single role");
        }
        notifications.recordContact(person.get());
        return HttpResponse.seeOther(URI.create(ReturnPaths.orHome(then))).cookie(cookies.cookie(session));
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(
            Authentication authentication, String refreshToken, HttpRequest<?> request) {
        return loginSuccess(authentication, request);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse authenticationResponse, HttpRequest<?> request) {
        return failed(authenticationResponse.getMessage().orElse("refused"));
    }

    private MutableHttpResponse<?> failed(String why) {
        LOG.info("sign-in refused: {}", why);
        return HttpResponse.seeOther(URI.create(FAILED)).cookie(cookies.ended());
    }
}
