package uk.sse.web.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import java.net.URI;
import uk.sse.web.WebPages;
import uk.sse.web.WebSettings;

/**
 * The pages' security headers: a strict Content-Security-Policy (our own scripts and styles only, nothing inline, no
 * framing, forms only to this site and the sign-out page), HSTS, {@code X-Frame-Options: DENY}, no referrer leaving
 * the site, no sniffing, and no caching of pages, which carry personal data.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders {

    private final String policy;

    /**
     * {@code sse.web.upload-origins}: where the registrar's browser may PUT a register file (the import bucket's
     * presigned URLs; in AWS its S3 origin, locally the local bucket's).
     */
    public SecurityHeaders(
            WebSettings settings,
            @io.micronaut.context.annotation.Value("${sse.web.upload-origins:}") String uploadOrigins) {
        this.policy = policy(settings.signOutUrl())
                .replace(
                        "connect-src 'self';",
                        "connect-src 'self'"
                                + (uploadOrigins.isBlank()
                                        ? ""
                                        : " "
                                                + String.join(
                                                        " ",
                                                        uploadOrigins.strip().split("\\s*,\\s*")))
                                + ";");
    }

    static String policy(String signOutUrl) {
        URI signOut = URI.create(signOutUrl);
        String formTargets =
                signOut.isAbsolute() ? "'self' " + signOut.getScheme() + "://" + signOut.getRawAuthority() : "'self'";
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                + "form-action " + formTargets + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (isPage(request)) {
            set(response);
        }
    }

    /** Puts the headers on a page's answer. */
    public void set(MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.set("Content-Security-Policy", policy);
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }

    /** A request a controller of the web application answered (or would have answered). */
    public static boolean isPage(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(match -> match instanceof MethodBasedRouteMatch<?, ?> method
                        && method.getDeclaringType().isAnnotationPresent(WebPages.class))
                .isPresent();
    }
}
