package uk.sse.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.sse.kernel.http.HttpApiFunction;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.testing.LambdaInstance;
import uk.sse.testing.Tokens;
import uk.sse.web.StandInApi;

/**
 * The web through its deployed handler with events as an API Gateway HTTP API (payload 2.0) builds them: the browser's
 * cookies in the event's {@code cookies} and no {@code cookie} header, and the cookies set read from the response's
 * {@code cookies} only, as API Gateway reads them (decision 0116).
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookiesThroughTheHttpApiTest implements TestPropertyProvider {

    private static final Membership ASSURER_IN_LANCASHIRE = new Membership(Role.ASSURER, "888", null);
    private static final Membership ADVISER_OF_THE_TRUST = new Membership(Role.ADVISER, "trust-ribble", null);

    private StandInApi stand;
    private LambdaInstance lambda;

    @Inject
    ApplicationContext context;

    @Inject
    Tokens tokens;

    @Inject
    SessionCookies cookies;

    @Inject
    @Named("HttpServer")
    ApplicationContextProvider apisServer;

    @Override
    public Map<String, String> getProperties() {
        stand = StandInApi.answering(path -> switch (path) {
            case "/areas" -> Optional.of(StandInApi.Answer.ok(ChangingRoleTest.AREAS));
            // liking an offer asks whether the school is open (a closed one's request cannot be raised)
            case "/schools/119788" ->
                Optional.of(StandInApi.Answer.ok("{\"urn\":\"119788\",\"name\":\"St Bede's\",\"status\":\"Open\"}"));
            default -> Optional.empty();
        });
        return new HashMap<>(stand.properties());
    }

    @BeforeAll
    void startTheLambda() {
        lambda = LambdaInstance.like(context, Map.of("test.two-cookies", "true"));
    }

    @AfterAll
    void stop() {
        lambda.close();
        stand.close();
    }

    String sessionOf(List<Membership> memberships) {
        String token = tokens.signed(
                        TokenClaims.person(tokens.identity(), "two-hats", memberships, Duration.ofMinutes(10)))
                .substring("Bearer ".length());
        Session session =
                cookies.start(token, "Pat Two", Instant.now().plusSeconds(600).getEpochSecond());
        return cookies.cookie(session).getName() + "=" + cookies.cookie(session).getValue();
    }

    static APIGatewayV2HTTPEvent event(String method, String path, String cookieHeader, String form) {
        Map<String, String> headers = new HashMap<>(Map.of("accept", "text/html", "cookie", cookieHeader));
        if (form != null) {
            headers.put("content-type", "application/x-www-form-urlencoded");
        }
        APIGatewayV2HTTPEvent event = LambdaInstance.event(method, path, headers, form);
        assertThat(event.getHeaders()).as("API Gateway sends no cookie header").doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly(cookieHeader.split("; "));
        return event;
    }

    static String set(APIGatewayV2HTTPResponse response, String name) {
        assertThat(response.getHeaders().keySet()).noneMatch(header -> header.equalsIgnoreCase("set-cookie"));
        assertThat(response.getMultiValueHeaders().keySet()).noneMatch(header -> header.equalsIgnoreCase("set-cookie"));
        String set = response.getCookies().stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + response.getCookies()));
        return set.substring(0, set.indexOf(';'));
    }

    static String csrfField(APIGatewayV2HTTPResponse page) {
        Matcher field = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(field.find()).isTrue();
        return field.group(1);
    }

    @Test
    void aSignedInPersonChangesRoleWithAFormAcrossRequests() {
        String session = sessionOf(List.of(ASSURER_IN_LANCASHIRE, ADVISER_OF_THE_TRUST));
        APIGatewayV2HTTPResponse choice = lambda.handle(event("GET", "/hat", session, null));
        assertThat(choice.getStatusCode()).isEqualTo(200);
        assertThat(choice.getBody()).contains("Pat Two", "Which role are you acting in?");
        String csrf = set(choice, "__Host-csrfToken");

        APIGatewayV2HTTPResponse changed = lambda.handle(event(
                "POST",
                "/hat",
                session + "; " + csrf,
                "csrfToken=" + csrfField(choice) + "&membership=ADVISER@trust-ribble"));
        assertThat(changed.getStatusCode())
                .as("the form post with its CSRF token")
                .isEqualTo(303);
        String asAdviser = set(changed, "__Host-sse-session");

        APIGatewayV2HTTPResponse home = lambda.handle(event("GET", "/", asAdviser, null));
        assertThat(home.getBody()).contains("Pat Two", "Adviser, Ribble Learning Trust", "Visit a school");
    }

    @Test
    void micronautsOwnHandlerDoesNotSeeTheCookiesOfSuchAnEvent() {
        // what this test's handler is for: without it the person is not signed in (micronaut-aws#2454)
        var upstream = new APIGatewayV2HTTPEventFunction(lambda.context());
        String session = sessionOf(List.of(ASSURER_IN_LANCASHIRE));
        assertThat(upstream.handleRequest(event("GET", "/", session, null), null)
                        .getBody())
                .doesNotContain("Pat Two");
        assertThat(lambda.handle(event("GET", "/", session, null)).getBody()).contains("Pat Two");
    }

    @Test
    void threeCookiesInOneRequestAreAllRead() {
        String session = sessionOf(List.of(ADVISER_OF_THE_TRUST));
        APIGatewayV2HTTPResponse home = lambda.handle(event("GET", "/", session, null));
        String csrf = set(home, "__Host-csrfToken");

        APIGatewayV2HTTPResponse liked = lambda.handle(event(
                "POST",
                "/visit/119788/support/offer-2/like",
                session + "; " + csrf + "; sse-liked=119788:offer-1",
                "csrfToken=" + csrfField(home) + "&like=yes"));
        assertThat(liked.getStatusCode())
                .as("signed in (session) and CSRF-checked (csrf token)")
                .isEqualTo(303);
        assertThat(set(liked, "sse-liked"))
                .as("the offer liked before (liked cookie) is kept")
                .isEqualTo("sse-liked=119788:offer-1.offer-2");
    }

    @Test
    void theOtherWebTestsCallTheDeployedHandlerToo() {
        // Api's server (ChangingRoleTest and the rest) runs the same class, fed by LambdaHttpFront
        assertThat(apisServer).isInstanceOf(HttpApiFunction.class);
    }

    @Test
    void aResponseSettingTwoCookiesReturnsBothWhole() {
        APIGatewayV2HTTPResponse response = lambda.handle(event("GET", "/test-two-cookies", "unrelated=1", null));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getCookies())
                .hasSize(2)
                .anySatisfy(c ->
                        assertThat(c).startsWith("first=1;").contains("Path=/a").containsIgnoringCase("HttpOnly"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("second=2;")
                        .contains("Path=/b", "Max-Age=60")
                        .containsPattern("Expires=[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4}"));
        assertThat(response.getHeaders().keySet()).noneMatch(header -> header.equalsIgnoreCase("set-cookie"));
    }

    /** Sets two cookies with attributes; only in this test's Lambda. */
    @Controller
    @Requires(property = "test.two-cookies", value = "true")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class TwoCookies {

        @Get(value = "/test-two-cookies", produces = MediaType.TEXT_HTML)
        HttpResponse<String> both() {
            return HttpResponse.ok("two")
                    .cookie(Cookie.of("first", "1").path("/a").httpOnly(true))
                    .cookie(Cookie.of("second", "2").path("/b").maxAge(60));
        }
    }
}
