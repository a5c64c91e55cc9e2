package uk.sse.web.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import java.util.Optional;

/**
 * Every form carries a CSRF token (micronaut-security-csrf: a double-submit cookie whose value is an HMAC bound to the
 * session, checked by its filter on every form POST). Before a page renders, this makes sure the cookie holds a token
 * valid for the current session (a new one after signing in or out) and hands it to the page.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CsrfTokens {

    private static final String ATTRIBUTE = CsrfTokens.class.getName();
    private static final String FRESH = ATTRIBUTE + ".fresh";

    private final CsrfTokenGenerator<HttpRequest<?>> generator;
    private final CsrfTokenValidator<HttpRequest<?>> validator;
    private final CsrfConfiguration configuration;

    public CsrfTokens(
            CsrfTokenGenerator<HttpRequest<?>> generator,
            CsrfTokenValidator<HttpRequest<?>> validator,
            CsrfConfiguration configuration) {
        this.generator = generator;
        this.validator = validator;
        this.configuration = configuration;
    }

    /** The token the page's forms must carry. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse("");
    }

    @RequestFilter
    public void ensure(HttpRequest<?> request) {
        if (!SecurityHeaders.isPage(request)) {
            return;
        }
        Optional<String> current =
                request.getCookies().findCookie(configuration.getCookieName()).map(Cookie::getValue);
        if (current.isPresent() && validator.validateCsrfToken(request, current.get())) {
            request.setAttribute(ATTRIBUTE, current.get());
        } else if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            String token = generator.generateCsrfToken(request);
            request.setAttribute(ATTRIBUTE, token);
            request.setAttribute(FRESH, token);
        }
    }

    @ResponseFilter
    public void store(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(FRESH, String.class)
                .ifPresent(token -> response.cookie(Cookie.of(configuration.getCookieName(), token)
                        .path(configuration.getCookiePath().orElse("/"))
                        .httpOnly(true)
                        .secure(configuration.isCookieSecure().orElse(true))
                        .sameSite(configuration.getCookieSameSite().orElse(SameSite.Strict))));
    }
}
