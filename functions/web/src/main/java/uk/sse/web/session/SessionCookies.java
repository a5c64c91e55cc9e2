package uk.sse.web.session;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import uk.sse.web.WebSettings;

/**
 * The session cookie: the {@link Session} as a JWE (direct AES-256-GCM, so encrypted and authenticated: a changed
 * byte fails to open), {@code HttpOnly}, {@code Secure}, {@code SameSite=Lax}, path {@code /}, living as long as the
 * token inside it. Nothing of it is kept on the server.
 */
@Singleton
public class SessionCookies {

    /** Cookies larger than this are dropped by some browsers; a token that makes one is refused. */
    static final int MAX_COOKIE_BYTES = 4000;

    static final int MAX_NAME = 100;
    private static final JWEHeader HEADER = new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final DirectEncrypter encrypter;
    private final DirectDecrypter decrypter;

    public SessionCookies(WebSettings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        byte[] key = sha256(settings.sessionKey());
        try {
            this.encrypter = new DirectEncrypter(key);
            this.decrypter = new DirectDecrypter(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the session key", e);
        }
    }

    /** A new session for the token (a new id, so CSRF tokens from before do not carry over); a name is cut to 100 characters. */
    public Session start(String token, String name, long expiresAt) {
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        String shortName = name == null || name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
        return new Session(
                Base64.getUrlEncoder().withoutPadding().encodeToString(id), token, shortName, expiresAt, null);
    }

    /** The cookie carrying the session. */
    public Cookie cookie(Session session) {
        String value;
        try {
            JWEObject jwe = new JWEObject(HEADER, new Payload(json.writeValueAsBytes(session)));
            jwe.encrypt(encrypter);
            value = jwe.serialize();
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("cannot seal the session", e);
        }
        if (value.length() > MAX_COOKIE_BYTES) {
            throw new IllegalArgumentException(
                    "the token is too large for a session cookie (" + value.length() + " characters)");
        }
        long seconds = Math.max(0, session.expiresAt() - clock.instant().getEpochSecond());
        return secure(Cookie.of(settings.sessionCookie(), value)).maxAge(Duration.ofSeconds(seconds));
    }

    /** A cookie that removes the session. */
    public Cookie ended() {
        return secure(Cookie.of(settings.sessionCookie(), "")).maxAge(0);
    }

    /** The live session the request carries, if any: a missing, altered, foreign or expired cookie is none. */
    public Optional<Session> read(HttpRequest<?> request) {
        return request.getCookies()
                .findCookie(settings.sessionCookie())
                .map(Cookie::getValue)
                .flatMap(this::open)
                .filter(session -> session.liveAt(clock.instant()));
    }

    Optional<Session> open(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_COOKIE_BYTES) {
            return Optional.empty();
        }
        try {
            JWEObject jwe = JWEObject.parse(value);
            if (!HEADER.getAlgorithm().equals(jwe.getHeader().getAlgorithm())
                    || !HEADER.getEncryptionMethod().equals(jwe.getHeader().getEncryptionMethod())) {
                return Optional.empty();
            }
            jwe.decrypt(decrypter);
            return Optional.ofNullable(json.readValue(jwe.getPayload().toBytes(), Session.class))
                    .filter(s -> s.id() != null && s.token() != null);
        } catch (ParseException | JOSEException | IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Cookie secure(Cookie cookie) {
        return cookie.path("/").httpOnly(true).secure(settings.secureCookies()).sameSite(SameSite.Lax);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
