package uk.sse.web.visit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;
import uk.sse.web.StandInApi;
import uk.sse.web.StandInApi.Answer;
import uk.sse.web.session.Session;
import uk.sse.web.session.SessionCookies;

/**
 * An academy in both its LA's area and its trust's area has an account in each (decision 0084): through the web's
 * Lambda handler, the school's page asks the ledger for the account of the area the viewer acts in, says which area's
 * credits it shows, and says plainly when the school has no account there. A stand-in API answers and records the calls.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolCreditsByAreaTest implements TestPropertyProvider {

    static final String ACADEMY = "119788";
    static final String NOT_IN_THE_TRUST = "119790";
    /** What the stand-in ledger holds: the academy with the trust and with its LA; the other school with its LA only. */
    static final Map<String, Long> ACCOUNTS = Map.of(
            "/accounts/trust-ribble/" + ACADEMY,
            12L,
            "/accounts/888/" + ACADEMY,
            40L,
            "/accounts/888/" + NOT_IN_THE_TRUST,
            7L);

    private StandInApi stand;

    @Inject
    Api api;

    @Inject
    Tokens tokens;

    @Inject
    SessionCookies cookies;

    @Override
    public Map<String, String> getProperties() {
        stand = StandInApi.answering(path -> {
            if (path.equals("/areas")) {
                return Optional.of(
                        Answer.ok("[{\"id\":\"888\",\"name\":\"Lancashire\",\"kind\":\"LA\",\"laCodes\":[\"888\"],"
                                + "\"schoolsRaiseRequests\":false},{\"id\":\"trust-ribble\",\"name\":\"Ribble Learning Trust\",\"kind\":\"TRUST\","
                                + "\"urns\":[\"" + ACADEMY + "\"],\"schoolsRaiseRequests\":false}]"));
            }
            if (path.startsWith("/schools/")) {
                String urn = path.substring("/schools/".length());
                return Optional.of(Answer.ok("{\"urn\":\"" + urn + "\",\"name\":\"School " + urn
                        + "\",\"laCode\":\"888\",\"laName\":\"Lancashire\",\"phase\":\"Primary\"}"));
            }
            if (path.equals("/requests")) {
                return Optional.of(Answer.ok("{\"items\":[],\"next\":null}"));
            }
            return Optional.ofNullable(ACCOUNTS.get(path)).map(credits -> {
                String[] parts = path.split("/");
                return Answer.ok(
                        "{\"id\":\"" + parts[2] + "/" + parts[3] + "\",\"area\":\"" + parts[2] + "\",\"owner\":\""
                                + parts[3] + "\",\"balance\":" + credits + ",\"available\":" + credits
                                + ",\"debitsPending\":0,\"creditsPending\":0}");
            });
        });
        return stand.properties();
    }

    @AfterAll
    void stopTheStandIn() {
        stand.close();
    }

    @Test
    void theTrustsAdviserSeesTheAcademysCreditsWithTheTrustAndTheLasAdviserThoseWithTheLa() {
        String trustAdviser = sessionOf(List.of(new Membership(Role.ADVISER, "trust-ribble", null)));
        stand.calls().clear();
        Api.Reply academy = page("/visit/" + ACADEMY, trustAdviser);
        assertThat(academy.status()).isEqualTo(200);
        assertThat(academy.body()).contains("12 credits</strong> available to spend in Ribble Learning Trust");
        assertThat(stand.paths())
                .contains("/accounts/trust-ribble/" + ACADEMY)
                .noneMatch(p -> p.startsWith("/accounts/888/"));

        Api.Reply outside = page("/visit/" + NOT_IN_THE_TRUST, trustAdviser);
        assertThat(outside.status()).isEqualTo(200);
        assertThat(outside.body())
                .contains("No credit account in Ribble Learning Trust")
                .doesNotContain("available to spend");

        Api.Reply raise = page("/visit/" + NOT_IN_THE_TRUST + "/request", trustAdviser);
        assertThat(raise.body())
                .contains("School " + NOT_IN_THE_TRUST + " has no credit account in Ribble Learning Trust yet.");

        String laAdviser = sessionOf(List.of(new Membership(Role.ADVISER, "888", null)));
        assertThat(page("/visit/" + ACADEMY, laAdviser).body())
                .contains("40 credits</strong> available to spend in Lancashire");
    }

    String sessionOf(List<Membership> memberships) {
        String token = tokens.signed(
                        TokenClaims.person(tokens.identity(), "adviser", memberships, Duration.ofMinutes(10)))
                .substring("Bearer ".length());
        Session session = cookies.start(
                token, "Alex Adviser", Instant.now().plusSeconds(600).getEpochSecond());
        return cookies.cookie(session).getName() + "=" + cookies.cookie(session).getValue();
    }

    Api.Reply page(String path, String cookie) {
        return api.send(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE).header("Cookie", cookie));
    }
}
