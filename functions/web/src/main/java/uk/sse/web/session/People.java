package uk.sse.web.session;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.CallerArgumentBinder;
import uk.sse.kernel.identity.Membership;

/**
 * The one place the web reads who someone is: the claims of the bearer token in their session, read by the kernel's
 * {@link CallerArgumentBinder#callerOf} exactly as the APIs read them. The token came from the identity provider's
 * token endpoint (or the local run's demo sign-in) and was sealed into the session cookie, so it is not verified again
 * here; every API verifies it on every call. The membership the person chose to act in (the hat, decision 0080) is
 * the session's, and must be one the token carries: one it does not is ignored, leaving the token's first.
 */
@Singleton
public class People {

    static final String ATTRIBUTE = People.class.getName();

    private final SessionCookies cookies;

    public People(SessionCookies cookies) {
        this.cookies = cookies;
    }

    /** The person signed in on this request, if any (read once per request). */
    public Optional<Person> signedIn(HttpRequest<?> request) {
        Optional<Object> known = request.getAttribute(ATTRIBUTE);
        if (known.isPresent()) {
            return known.get() instanceof Person person ? Optional.of(person) : Optional.empty();
        }
        Optional<Person> person = cookies.read(request).flatMap(People::of);
        request.setAttribute(ATTRIBUTE, person.isPresent() ? person.get() : Boolean.FALSE);
        return person;
    }

    /** The person a session stands for; none if its token carries no usable identity. */
    public static Optional<Person> of(Session session) {
        return claims(session.token()).flatMap(claims -> {
            Object subject = claims.get("sub");
            if (subject == null) {
                return Optional.empty();
            }
            Optional<Caller> caller = CallerArgumentBinder.personOf(Authentication.build(subject.toString(), claims))
                    .map(c -> session.hat() == null
                            ? c
                            : Membership.parse(session.hat())
                                    .flatMap(c::wearing)
                                    .orElse(c));
            return caller.map(c -> new Person(c, session.name(), session.token(), session.id()));
        });
    }

    /** When the token stops working (its {@code exp}), or empty if it says nothing usable. */
    public static Optional<Instant> expiry(String token) {
        return claims(token)
                .map(c -> c.get("exp"))
                .map(exp -> exp instanceof java.util.Date d
                        ? d.toInstant()
                        : exp instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null);
    }

    /** A name to greet the person by: their name, else their email, else nothing. */
    public static Optional<String> displayName(String token) {
        return claims(token)
                .flatMap(c -> Optional.ofNullable(c.get("name")).or(() -> Optional.ofNullable(c.get("email"))))
                .map(Object::toString);
    }

    private static Optional<Map<String, Object>> claims(String token) {
        try {
            JWTClaimsSet set = JWTParser.parse(token).getJWTClaimsSet();
            return Optional.of(new HashMap<>(set.getClaims()));
        } catch (ParseException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
