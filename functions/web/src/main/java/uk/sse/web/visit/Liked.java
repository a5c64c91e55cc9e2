package uk.sse.web.visit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.sse.web.WebSettings;

/**
 * The offers an adviser liked on this visit, kept in the browser (a cookie naming the school and up to ten offers) until
 * the request is raised with them. The web keeps nothing: the brokerage checks each one when the request is raised.
 */
@Singleton
public class Liked {

    static final String COOKIE = "sse-liked";
    static final int MAX = 10;
    private static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final WebSettings settings;

    public Liked(WebSettings settings) {
        this.settings = settings;
    }

    /** The offers liked on a visit to this school (none if the cookie is for another school or is not ours). */
    public List<String> of(HttpRequest<?> request, String urn) {
        return request.getCookies()
                .findCookie(COOKIE)
                .map(Cookie::getValue)
                .filter(v -> v.startsWith(urn + ":"))
                .map(v -> Arrays.stream(v.substring(urn.length() + 1).split("\\."))
                        .filter(id -> id.matches(ID))
                        .distinct()
                        .limit(MAX)
                        .toList())
                .orElse(List.of());
    }

    /** The cookie after liking ({@code add}) or no longer liking an offer. */
    public Cookie after(HttpRequest<?> request, String urn, String offerId, boolean add) {
        List<String> ids = new ArrayList<>(of(request, urn));
        ids.remove(offerId);
        if (add && offerId.matches(ID) && ids.size() < MAX) {
            ids.add(offerId);
        }
        return cookie(urn + ":" + String.join(".", ids)).maxAge(Duration.ofHours(12));
    }

    public Cookie cleared() {
        return cookie("").maxAge(0);
    }

    private Cookie cookie(String value) {
        return Cookie.of(COOKIE, value)
                .path("/visit")
                .httpOnly(true)
                .secure(settings.secureCookies())
                .sameSite(SameSite.Lax);
    }
}
