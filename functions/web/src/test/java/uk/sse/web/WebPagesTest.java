package uk.sse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;
import uk.sse.web.session.Session;
import uk.sse.web.session.SessionCookies;

/**
 * The web function through its Lambda handler (API Gateway payload 2.0): pages with their security headers, sessions
 * from the sealed cookie (altered or expired ones are none), sign-in redirects that stay on this site, CSRF on every form,
 * and errors as pages: not found, expired, and "sorry" when an API does not answer (here none is running).
 */
@MicronautTest(environments = "test")
@Property(name = "sse.web.api-url", value = "http://127.0.0.1:9")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class WebPagesTest {

    static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                    + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Inject
    Api api;

    @Inject
    Tokens tokens;

    @Inject
    SessionCookies cookies;

    Api.Reply page(String path, String cookie) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return api.send(request);
    }

    String signedIn(Role role, String org) {
        String token = tokens.bearer(role, "888", org).substring("Bearer ".length());
        Session session = cookies.start(
                token, "Test Person", Instant.now().plusSeconds(600).getEpochSecond());
        return cookies.cookie(session).getName() + "=" + cookies.cookie(session).getValue();
    }

    /** A header's values as one (the Lambda adapter answers a list for a header with commas). */
    static String all(Api.Reply reply, String name) {
        return reply.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst()
                .map(e -> String.join(", ", e.getValue()))
                .orElse(null);
    }

    static void isAPage(Api.Reply reply) {
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(all(reply, "Content-Security-Policy")).isEqualTo(CSP);
        assertThat(all(reply, "Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.body()).doesNotContain("<script>", " onclick=", "style=\"", "Exception", "\"status\":");
    }

    @Test
    void theStartPageInvitesSignInAndCarriesTheSecurityHeaders() {
        Api.Reply start = page("/", null);
        assertThat(start.status()).isEqualTo(200);
        isAPage(start);
        assertThat(start.body()).contains("Sign in", "href=\"/oauth/login/cognito\"");
    }

    @Test
    void eachPersonsHomeOffersWhatTheyDo() {
        assertThat(page("/", signedIn(Role.ADVISER, null)).body())
                .contains("Visit a school", "Your requests")
                .doesNotContain("Your offers");
        assertThat(page("/", signedIn(Role.PROVIDER, "119788")).body())
                .contains("Your school's requests", "Credits", "Your offers");
        assertThat(page("/", signedIn(Role.PROVIDER, "prv_hub")).body())
                .contains("Your offers", "Proposals", "Engagements", "Profile")
                .doesNotContain("Your school's requests");
        Api.Reply broker = page("/", signedIn(Role.BROKER, null));
        assertThat(broker.body()).contains("Test Person", "Broker", "Sign out", "href=\"/support-requests\"", "Queue");
        isAPage(broker);
    }

    @Test
    void theBrokersAndAssurersPagesAreSorryWhenTheirApiDoesNotAnswerAndAStepNeedsItsCsrfToken() {
        String broker = signedIn(Role.BROKER, null);
        for (String path : java.util.List.of(
                "/support-requests",
                "/support-requests?status=OPEN&areaOfSupport=AB.ATT&urn=119788",
                "/support-requests/req_1",
                "/support-requests/req_1/propose?offer=off_1",
                "/support-requests/req_1/complete",
                "/support-requests/req_1/cancel")) {
            Api.Reply sorry = page(path, broker);
            assertThat(sorry.status()).as(path).isEqualTo(503);
            assertThat(sorry.body()).contains("Sorry, there is a problem with the service");
            isAPage(sorry);
        }
        String assurer = signedIn(Role.ASSURER, null);
        assertThat(page("/", assurer).body()).contains("Offers to review", "href=\"/offers-to-review\"");
        for (String path : java.util.List.of("/offers-to-review", "/offers-to-review/off_1")) {
            assertThat(page(path, assurer).status()).as(path).isEqualTo(503);
        }
        Api.Reply noToken = api.send(HttpRequest.POST("/support-requests/req_1/start", "version=1")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE)
                .header("Cookie", broker));
        assertThat(noToken.status()).as("a step without its CSRF token").isEqualTo(403);
        assertThat(noToken.body()).contains("This page has expired");
    }

    @Test
    void aPageThatNeedsAPersonSendsThemToSignInAndBack() {
        Api.Reply visit = page("/visit?q=st+bedes", null);
        assertThat(visit.status()).isEqualTo(303);
        assertThat(visit.header("Location")).isEqualTo("/oauth/login/cognito?returnTo=%2Fvisit%3Fq%3Dst%2Bbedes");
    }

    @Test
    void anAlteredForeignOrExpiredSessionIsNoSession() {
        String good = signedIn(Role.ADVISER, null);
        assertThat(page("/", good).body()).contains("Visit a school");
        String name = good.substring(0, good.indexOf('='));
        String value = good.substring(good.indexOf('=') + 1);
        char last = value.charAt(value.length() - 2);
        String altered = name + "=" + value.substring(0, value.length() - 2) + (last == 'A' ? 'B' : 'A')
                + value.charAt(value.length() - 1);
        assertThat(page("/visit", altered).status()).isEqualTo(303);
        assertThat(page("/visit", name + "=eyJhbGciOiJub25lIn0.e30.").status()).isEqualTo(303);
        String token = tokens.bearer(Role.ADVISER, "888", null).substring("Bearer ".length());
        Session expired =
                cookies.start(token, "Late", Instant.now().minusSeconds(1).getEpochSecond());
        assertThat(page("/visit", name + "=" + cookies.cookie(expired).getValue())
                        .status())
                .isEqualTo(303);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAsAnExpiredPageAndWithItSignsOut() {
        String session = signedIn(Role.ADVISER, null);
        Api.Reply forged = api.send(HttpRequest.POST("/sign-out", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE)
                .header("Cookie", session));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("This page has expired");
        isAPage(forged);

        Api.Reply home = page("/", session);
        String csrfCookie = home.headers().get("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-csrfToken="))
                .findFirst()
                .orElseThrow();
        assertThat(csrfCookie).contains("Secure", "HTTPOnly", "SameSite=Strict", "Path=/");
        Matcher field = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(home.body());
        assertThat(field.find()).isTrue();
        String both = session + "; " + csrfCookie.substring(0, csrfCookie.indexOf(';'));
        // a token from another session is refused too
        Api.Reply otherSession = api.send(HttpRequest.POST("/sign-out", "csrfToken=" + field.group(1))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE)
                .header(
                        "Cookie",
                        signedIn(Role.ADVISER, null) + "; " + csrfCookie.substring(0, csrfCookie.indexOf(';'))));
        assertThat(otherSession.status()).as(otherSession.body()).isEqualTo(403);
        // a form's fields are its body's (on Lambda they are among the request's parameters too); a query parameter the
        // route does not declare is still refused
        Api.Reply unknown = api.send(HttpRequest.POST("/sign-out?returnTo=x", "csrfToken=" + field.group(1))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE)
                .header("Cookie", both));
        assertThat(unknown.status()).isEqualTo(400);
        Api.Reply out = api.send(HttpRequest.POST("/sign-out", "csrfToken=" + field.group(1))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE)
                .header("Cookie", both));
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("/signed-out");
        assertThat(out.headers().get("Set-Cookie"))
                .anyMatch(c -> c.startsWith("__Host-sse-session=;") && c.contains("Max-Age=0"));
    }

    @Test
    void theSessionCookieIsSealedHttpOnlySecureAndLax() {
        String token = tokens.bearer(Role.ADVISER, "888", null).substring("Bearer ".length());
        var cookie = cookies.cookie(
                cookies.start(token, "A", Instant.now().plusSeconds(600).getEpochSecond()));
        assertThat(cookie.getName()).isEqualTo("__Host-sse-session");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).hasValue(io.micronaut.http.cookie.SameSite.Lax);
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getValue())
                .doesNotContain(token.substring(0, 20))
                .startsWith("eyJ")
                .matches("[A-Za-z0-9_.-]+");
        assertThat(cookie.getMaxAge()).isBetween(590L, 600L);
    }

    @Test
    void unknownPagesAndRefusedOnesArePagesNeverJson() {
        Api.Reply missing = page("/no-such-page", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found");
        Api.Reply badUrn = page("/visit/not-a-urn", signedIn(Role.ADVISER, null));
        assertThat(badUrn.status()).isEqualTo(404);
        assertThat(badUrn.body()).contains("Page not found");
    }

    @Test
    void whenAnApiDoesNotAnswerThePersonIsToldSorryNotShownWhy() {
        Api.Reply sorry = page("/visit/119788", signedIn(Role.ADVISER, null));
        assertThat(sorry.status()).isEqualTo(503);
        assertThat(sorry.body())
                .contains("Sorry, there is a problem with the service")
                .doesNotContain("127.0.0.1", "Connect");
        isAPage(sorry);
    }

    @Test
    void assetsAreVersionedCachedForAYearAndGzipped() {
        Api.Reply start = page("/", null);
        Matcher css =
                Pattern.compile("href=\"(/assets/([0-9a-f]{12})/app\\.css)\"").matcher(start.body());
        assertThat(css.find()).isTrue();
        Api.Reply sheet = api.send(HttpRequest.GET(css.group(1)).header("Accept-Encoding", "gzip"));
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(all(sheet, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        // gzipped on the way (base64 through API Gateway), whole on arrival
        assertThat(sheet.body())
                .startsWith("@charset \"UTF-8\";")
                .contains(".govuk-button", ".autocomplete__wrapper", ".sse-results");
        Api.Reply font = api.send(HttpRequest.GET("/assets/" + css.group(2) + "/fonts/bold-b542beb274-v2.woff2"));
        assertThat(font.status()).isEqualTo(200);
        assertThat(font.contentType()).startsWith("font/woff2");
        Api.Reply old = api.send(HttpRequest.GET("/assets/000000000000/app.js"));
        assertThat(old.status()).isEqualTo(200);
        assertThat(all(sheet, "Cache-Control")).isNotEqualTo(all(old, "Cache-Control"));
        assertThat(all(old, "Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(api.send(HttpRequest.GET("/assets/" + css.group(2) + "/nothing.css"))
                        .status())
                .isEqualTo(404);
    }
}
