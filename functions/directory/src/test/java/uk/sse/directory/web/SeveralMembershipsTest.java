package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;
import static uk.sse.directory.web.Fixtures.OTHER_AREA;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;

/**
 * People of several memberships through the Lambda handler (decision 0080): each grant is one membership's, whichever
 * hat is worn; no membership lends another its area; and an assurer never decides on an offer of an organisation they
 * are a member of, in whichever membership.
 */
@MicronautTest(environments = "test")
class SeveralMembershipsTest extends LambdaTest {

    static final String URN = "100008";

    @Inject
    Tokens tokens;

    String bearer(Membership... memberships) {
        return tokens.signed(TokenClaims.person(
                tokens.identity(),
                "several-" + List.of(memberships).hashCode(),
                List.of(memberships),
                Duration.ofMinutes(30)));
    }

    Api.Reply wearing(String bearer, Membership hat, String offerId, String action) {
        Map<String, Object> body = action.equals("APPROVE")
                ? Map.of(
                        "action",
                        action,
                        "reason",
                        "meets the standard",
                        "reviewDate",
                        LocalDate.now().plusYears(1).toString())
                : Map.of("action", action);
        return api.send(Api.auth(
                HttpRequest.POST("/offers/" + offerId + "/assurance", body)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Membership", hat.written()),
                bearer));
    }

    String submitted() {
        String id = (String) fixtures.draftOffer(URN, AREA).map().get("id");
        assertThat(fixtures.act(id, fixtures.token(Role.PROVIDER, AREA, URN), "SUBMIT", null, null)
                        .status())
                .isEqualTo(200);
        return id;
    }

    @BeforeAll
    void register() {
        fixtures.importSchools();
        fixtures.registerSchool(URN, AREA);
    }

    @Test
    void anAdviserThereWhoAssuresHereAssuresHereWhicheverHatAndAnAssurerThereIsRefusedHere() {
        Membership assurerHere = new Membership(Role.ASSURER, AREA, null);
        String adviserThereAssurerHere = bearer(new Membership(Role.ADVISER, OTHER_AREA, null), assurerHere);
        String id = submitted();
        assertThat(api.get("/offers/" + id, adviserThereAssurerHere).status()).isEqualTo(200);
        assertThat(api.get("/assurance/queue?area=" + AREA, adviserThereAssurerHere)
                        .status())
                .isEqualTo(200);
        var approved = fixtures.act(
                id,
                adviserThereAssurerHere,
                "APPROVE",
                "meets the standard",
                LocalDate.now().plusYears(1));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.map()).containsEntry("status", "APPROVED");

        String adviserHereAssurerThere =
                bearer(new Membership(Role.ADVISER, AREA, null), new Membership(Role.ASSURER, OTHER_AREA, null));
        String other = submitted();
        assertThat(api.get("/offers/" + other, adviserHereAssurerThere).status())
                .isEqualTo(404);
        assertThat(fixtures.act(
                                other,
                                adviserHereAssurerThere,
                                "APPROVE",
                                "meets the standard",
                                LocalDate.now().plusYears(1))
                        .status())
                .isEqualTo(404);
        assertThat(wearing(adviserHereAssurerThere, new Membership(Role.ASSURER, OTHER_AREA, null), other, "REJECT")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/offers/" + other, fixtures.token(Role.ASSURER, AREA, null))
                        .map())
                .containsEntry("status", "SUBMITTED");
    }

    @Test
    void aHeadWhoAssuresForTheirLaNeverAssuresTheirOwnSchoolsOffersButSubmitsThemInEitherHat() {
        Membership assurer = new Membership(Role.ASSURER, AREA, null);
        Membership head = new Membership(Role.PROVIDER, AREA, URN);
        String headWhoAssures = bearer(assurer, head);
        String id = (String) fixtures.draftOffer(URN, AREA).map().get("id");
        var submitted = fixtures.act(id, headWhoAssures, "SUBMIT", null, null);
        assertThat(submitted.status())
                .as("the school's membership submits, though the hat is the assurer's")
                .isEqualTo(200);

        assertThat(fixtures.act(
                                id,
                                headWhoAssures,
                                "APPROVE",
                                "mine",
                                LocalDate.now().plusYears(1))
                        .status())
                .isEqualTo(403);
        assertThat(wearing(headWhoAssures, assurer, id, "APPROVE").status()).isEqualTo(403);
        assertThat(wearing(headWhoAssures, head, id, "APPROVE").status()).isEqualTo(403);
        assertThat(api.get("/offers/" + id, fixtures.token(Role.ASSURER, AREA, null))
                        .map())
                .containsEntry("status", "SUBMITTED");

        String notCarried = api.send(Api.auth(
                                HttpRequest.GET("/offers/" + id).header("Membership", "ADMIN@" + AREA), headWhoAssures))
                        .status()
                + "";
        assertThat(notCarried).as("a membership the token does not carry").isEqualTo("403");
    }
}
