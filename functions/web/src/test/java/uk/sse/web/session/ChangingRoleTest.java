package uk.sse.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;
import uk.sse.web.StandInApi;

/**
 * A person of several memberships through the web's Lambda handler (decision 0080): the header names the role they act
 * in by its names, they change it on a page (CSRF-checked, only to a membership their token carries), what they are
 * offered follows it, and every API call says it in the {@code Membership} header, which a stand-in API here records.
 * A person of one membership has no choice to make and sends no such header.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class ChangingRoleTest implements TestPropertyProvider {

    private static final Membership ASSURER_IN_LANCASHIRE = new Membership(Role.ASSURER, "888", null);
    private static final Membership ADVISER_OF_THE_TRUST = new Membership(Role.ADVISER, "trust-ribble", null);

    /** The directory's register of areas, as {@code GET /areas} answers it (decision 0082). */
    static final String AREAS = """
            [{"id":"888","name":"Lancashire","kind":"LA","laCodes":["888"],"trustCodes":[],"urns":[],"schoolsRaiseRequests":true,"version":1},
             {"id":"trust-ribble","name":"Ribble Learning Trust","kind":"TRUST","laCodes":[],"trustCodes":[],"urns":["119788","119789"],
              "schoolsRaiseRequests":false,"version":3}]""";

    private StandInApi stand;

    @Inject
    Api api;

    @Inject
    Tokens tokens;

    @Inject
    SessionCookies cookies;

    @Override
    public Map<String, String> getProperties() {
        stand = StandInApi.answering(
                path -> path.equals("/areas") ? Optional.of(StandInApi.Answer.ok(AREAS)) : Optional.empty());
        Map<String, String> properties = new HashMap<>(stand.properties());
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    @AfterAll
    void stopTheStandIn() {
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

    Api.Reply page(String path, String cookie) {
        MutableHttpRequest<?> request =
                HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE).header("Cookie", cookie);
        return api.send(request);
    }

    Api.Reply choose(String cookie, String csrf, String membership) {
        String body = (csrf == null ? "" : "csrfToken=" + csrf + "&") + "membership=" + membership;
        return api.send(HttpRequest.POST("/hat", body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE)
                .header("Cookie", cookie));
    }

    /** The session cookie and the CSRF cookie, and the token of the page's forms. */
    public static String[] withCsrf(String session, Api.Reply page) {
        String csrfCookie = page.headers().get("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-csrfToken="))
                .findFirst()
                .orElseThrow();
        Matcher field = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(field.find()).isTrue();
        return new String[] {session + "; " + csrfCookie.substring(0, csrfCookie.indexOf(';')), field.group(1)};
    }

    static String sessionCookieOf(Api.Reply reply) {
        String set = reply.headers().get("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-sse-session="))
                .findFirst()
                .orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    Optional<String> membershipHeaderOfTheLastCall() {
        return stand.calls().stream()
                .filter(call -> !call.path().equals("/areas"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .header("Membership");
    }

    @Test
    void aPersonOfTwoMembershipsSeesTheOneTheyActInByNameAndChangesIt() {
        String session = sessionOf(List.of(ASSURER_IN_LANCASHIRE, ADVISER_OF_THE_TRUST));
        Api.Reply home = page("/", session);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body())
                .contains("Pat Two", "Assurer, Lancashire", "href=\"/hat\"", "Change role", "Offers to review")
                .doesNotContain("Visit a school");

        Api.Reply choice = page("/hat", session);
        assertThat(choice.status()).isEqualTo(200);
        assertThat(choice.body())
                .contains("Which role are you acting in?", "Assurer, Lancashire", "Adviser, Ribble Learning Trust")
                .containsPattern("value=\"ASSURER@888\" checked");
        String[] csrf = withCsrf(session, choice);

        Api.Reply forged = choose(csrf[0], null, "ADVISER@trust-ribble");
        assertThat(forged.status()).as("a choice without its CSRF token").isEqualTo(403);

        Api.Reply notHeld = choose(csrf[0], csrf[1], "ADVISER@888");
        assertThat(notHeld.status()).as("a membership the token does not carry").isEqualTo(422);
        assertThat(notHeld.body()).contains("Choose the role you are acting in");
        assertThat(notHeld.headers().getOrDefault("Set-Cookie", List.of()))
                .noneMatch(c -> c.startsWith("__Host-sse-session="));
        assertThat(choose(csrf[0], csrf[1], "garbage%00").status()).isEqualTo(422);

        Api.Reply changed = choose(csrf[0], csrf[1], "ADVISER@trust-ribble");
        assertThat(changed.status()).isEqualTo(303);
        assertThat(changed.header("Location")).isEqualTo("/");
        String asAdviser = sessionCookieOf(changed);
        assertThat(page("/", asAdviser).body())
                .contains("Adviser, Ribble Learning Trust", "Visit a school", "Change role")
                .doesNotContain("Offers to review");

        page("/support-requests", asAdviser);
        assertThat(membershipHeaderOfTheLastCall())
                .as("the API is told the role acted in")
                .hasValue("ADVISER@trust-ribble");
        page("/offers-to-review", session);
        assertThat(membershipHeaderOfTheLastCall()).hasValue("ASSURER@888");

        List<String> areasAskedWith = stand.calls().stream()
                .filter(call -> call.path().equals("/areas"))
                .map(call -> call.header("Authorization").orElseThrow())
                .toList();
        assertThat(areasAskedWith)
                .as("the areas' names come from the directory's register")
                .isNotEmpty();
        for (String authorization : areasAskedWith) {
            String claims = new String(
                    Base64.getUrlDecoder()
                            .decode(authorization.substring("Bearer ".length()).split("\\.")[1]),
                    StandardCharsets.UTF_8);
            assertThat(claims)
                    .as("asked as the web itself (decision 0085), never as the person")
                    .contains("sse/directory.read")
                    .doesNotContain("two-hats")
                    .doesNotContain("memberships");
        }
    }

    @Test
    void aPersonOfOneMembershipHasNoRoleToChooseAndSendsNone() {
        String session = sessionOf(List.of(ASSURER_IN_LANCASHIRE));
        Api.Reply home = page("/", session);
        assertThat(home.body()).contains("Assurer, Lancashire").doesNotContain("Change role");
        assertThat(page("/hat", session).status()).isEqualTo(404);
        page("/offers-to-review", session);
        assertThat(membershipHeaderOfTheLastCall()).isEmpty();
    }
}
