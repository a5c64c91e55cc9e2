package uk.sse.web.notifications;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * The header's unread count, through the web's Lambda handler against a stand-in API: asked with
 * {@code GET /notices/unread-count} (never the whole inbox) side by side with the page's own calls, so the school's
 * call is still unanswered when the count is asked; and the page still shows, without a count, when the notifier
 * does not answer.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreadCountTest implements TestPropertyProvider {

    static final String URN = "119788";

    private StandInApi stand;
    private volatile CountDownLatch countAsked = new CountDownLatch(1);
    private final AtomicBoolean askedWhileTheSchoolWaited = new AtomicBoolean();
    private final AtomicBoolean notifierDown = new AtomicBoolean();

    @Inject
    Api api;

    @Inject
    Tokens tokens;

    @Inject
    SessionCookies cookies;

    @Override
    public Map<String, String> getProperties() {
        stand = StandInApi.answering(path -> {
            if (path.equals("/notices/unread-count")) {
                countAsked.countDown();
                return notifierDown.get()
                        ? Optional.of(new Answer(503, "{\"title\":\"Service Unavailable\",\"status\":503}"))
                        : Optional.of(Answer.ok("{\"unread\":7}"));
            }
            if (path.equals("/areas")) {
                return Optional.of(Answer.ok("[{\"id\":\"888\",\"name\":\"Lancashire\",\"kind\":\"LA\","
                        + "\"laCodes\":[\"888\"],\"schoolsRaiseRequests\":false}]"));
            }
            if (path.equals("/schools/" + URN)) {
                // the school's answer waits for the count to be asked: only a count asked alongside arrives in time
                askedWhileTheSchoolWaited.set(await(countAsked));
                return Optional.of(Answer.ok("{\"urn\":\"" + URN + "\",\"name\":\"St Bede's\",\"laCode\":\"888\","
                        + "\"laName\":\"Lancashire\",\"phase\":\"Primary\"}"));
            }
            if (path.equals("/requests")) {
                return Optional.of(Answer.ok("{\"items\":[],\"next\":null}"));
            }
            if (path.equals("/accounts/888/" + URN)) {
                return Optional.of(Answer.ok("{\"id\":\"888/" + URN + "\",\"area\":\"888\",\"owner\":\"" + URN
                        + "\",\"balance\":5,\"available\":5,\"debitsPending\":0,\"creditsPending\":0}"));
            }
            return Optional.empty();
        });
        return stand.properties();
    }

    @AfterAll
    void stopTheStandIn() {
        stand.close();
    }

    @BeforeEach
    void fresh() {
        countAsked = new CountDownLatch(1);
        askedWhileTheSchoolWaited.set(false);
        notifierDown.set(false);
        stand.calls().clear();
    }

    @Test
    void theCountIsAskedAlongsideThePagesOwnCalls() {
        Api.Reply school = page("/visit/" + URN, session());
        assertThat(school.status()).as(school.body()).isEqualTo(200);
        assertThat(school.body())
                .contains("St Bede")
                .contains("Notifications <strong class=\"sse-count\">7<span class=\"govuk-visually-hidden\"> new");
        assertThat(askedWhileTheSchoolWaited)
                .as("the count was asked while the school's call was unanswered")
                .isTrue();
        assertThat(stand.paths()).containsOnlyOnce("/notices/unread-count").doesNotContain("/notices");
    }

    @Test
    void thePageShowsWithoutACountWhenTheNotifierDoesNotAnswer() {
        notifierDown.set(true);
        Api.Reply school = page("/visit/" + URN, session());
        assertThat(school.status()).as(school.body()).isEqualTo(200);
        assertThat(school.body())
                .contains("St Bede")
                .contains(">Notifications</a>")
                .doesNotContain("sse-count");
        assertThat(stand.paths()).contains("/notices/unread-count");
    }

    @Test
    void aPageWithoutCallsOfItsOwnStillShowsTheCount() {
        Api.Reply home = page("/", session());
        assertThat(home.status()).as(home.body()).isEqualTo(200);
        assertThat(home.body()).contains("<strong class=\"sse-count\">7");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String session() {
        String token = tokens.signed(TokenClaims.person(
                        tokens.identity(),
                        "adviser",
                        List.of(new Membership(Role.ADVISER, "888", null)),
                        Duration.ofMinutes(10)))
                .substring("Bearer ".length());
        Session session = cookies.start(
                token, "Alex Adviser", Instant.now().plusSeconds(600).getEpochSecond());
        return cookies.cookie(session).getName() + "=" + cookies.cookie(session).getValue();
    }

    private Api.Reply page(String path, String cookie) {
        return api.send(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE).header("Cookie", cookie));
    }
}
