package uk.sse.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.time.Duration;

/**
 * The web function's settings ({@code sse.web.*}):
 * <ul>
 *   <li>{@code api-url}: where the other functions' APIs answer (in AWS the HTTP API's URL; locally the local server);</li>
 *   <li>{@code session-key}: 32 or more random characters; the session cookie's AES-256 key is its SHA-256 (required);</li>
 *   <li>{@code sign-in-path}: where a person who is not signed in is sent ({@code /oauth/login/cognito}; the local run
 *       sets its demo page);</li>
 *   <li>{@code sign-out-url}: where signing out ends, e.g. Cognito's {@code /logout?client_id=..&logout_uri=..}
 *       ({@code /signed-out} when not set);</li>
 *   <li>{@code secure-cookies}: cookies only over HTTPS, with the {@code __Host-} prefix (true);</li>
 *   <li>{@code call-timeout}: how long one API call may take (10 s).</li>
 * </ul>
 */
@ConfigurationProperties("sse.web")
public record WebSettings(
        @Nullable URI apiUrl,
        @Nullable String sessionKey,
        @Nullable String signInPath,
        @Nullable String signOutUrl,
        @Nullable Boolean secureCookies,
        @Nullable Duration callTimeout) {

    public static final String SIGNED_OUT = "/signed-out";

    public WebSettings {
        if (apiUrl == null) {
            throw new IllegalStateException(
                    "sse.web.api-url (SSE_API_URL) is required: the web calls the other functions' APIs");
        }
        if (sessionKey == null || sessionKey.length() < 32) {
            throw new IllegalStateException(
                    "sse.web.session-key (SSE_WEB_SESSION_KEY) must be 32 or more random characters");
        }
        signInPath = signInPath == null || signInPath.isBlank() ? "/oauth/login/cognito" : signInPath;
        signOutUrl = signOutUrl == null || signOutUrl.isBlank() ? SIGNED_OUT : signOutUrl;
        secureCookies = secureCookies == null || secureCookies;
        callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
    }

    /** The session cookie's name: {@code __Host-} pins it to this origin, path {@code /}, HTTPS only. */
    public String sessionCookie() {
        return secureCookies ? "__Host-sse-session" : "sse-session";
    }
}
