package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;

/**
 * Areas as they really are (decision 0080): a trust whose academies sit in three LAs, defined by its GIAS trust code,
 * overlapping Lancashire's LA area; people with several memberships. Through the brokerage's Lambda handler, with
 * the real directory answering the register.
 */
@MicronautTest(environments = "test")
class AreasOfTrustsTest extends TrustAreas {

    @Test
    void theTrustsAdviserRaisesForItsAcademiesInThreeLasAndIsRefusedOutsideTheTrust() {
        String trustAdviser = seeds.token(Role.ADVISER, TRUST, "TR2044");
        for (String academy : List.of(ACADEMY_LANCASHIRE, ACADEMY_BLACKBURN, ACADEMY_BLACKPOOL)) {
            Api.Reply raised = raise(
                    trustAdviser,
                    need(academy, List.of("CT.MATHS"), 10),
                    UUID.randomUUID().toString());
            assertThat(raised.status()).as(raised.body()).isEqualTo(201);
            assertThat(raised.map()).containsEntry("area", TRUST).containsEntry("urn", academy);
        }
        int before = listed(trustAdviser, "area").size();
        for (String outside : List.of(MAINTAINED, OTHER_TRUSTS)) {
            Api.Reply refused = raise(
                    trustAdviser,
                    need(outside, List.of("CT.MATHS"), 10),
                    UUID.randomUUID().toString());
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.problemFields()).containsExactly("/urn");
        }
        assertThat(listed(trustAdviser, "area")).hasSize(before);
    }

    @Test
    void anAcademyInBothAreasIsInEachQueueOnlyForTheRequestsRaisedInIt() {
        String byTheLa = id(raise(
                seeds.token(Role.ADVISER, LANCASHIRE, "la-888"),
                need(ACADEMY_LANCASHIRE, List.of("CT.READ"), 5),
                UUID.randomUUID().toString()));
        String byTheTrust = id(raise(
                seeds.token(Role.ADVISER, TRUST, "TR2044"),
                need(ACADEMY_LANCASHIRE, List.of("CT.READ"), 5),
                UUID.randomUUID().toString()));

        List<Object> laQueue = listed(seeds.token(Role.BROKER, LANCASHIRE, "la-888"), "queue");
        List<Object> trustQueue = listed(seeds.token(Role.BROKER, TRUST, "TR2044"), "queue");
        assertThat(laQueue).contains(byTheLa).doesNotContain(byTheTrust);
        assertThat(trustQueue).contains(byTheTrust).doesNotContain(byTheLa);
        assertThat(read(seeds.token(Role.BROKER, TRUST, "TR2044"), byTheLa).status())
                .isEqualTo(404);
        assertThat(read(seeds.token(Role.BROKER, LANCASHIRE, "la-888"), byTheTrust)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anAssurerInTheLaWhoAdvisesForTheTrustRaisesOnlyAsTheTrustsAdviser() {
        String head = person("head-of-ribble", as(Role.ASSURER, LANCASHIRE), as(Role.ADVISER, TRUST));

        Api.Reply forTheTrust = raise(
                head,
                need(ACADEMY_BLACKPOOL, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(forTheTrust.status()).as(forTheTrust.body()).isEqualTo(201);
        assertThat(forTheTrust.map()).containsEntry("area", TRUST);
        Api.Reply acrossToTheLa = raise(
                head,
                need(MAINTAINED, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(acrossToTheLa.status()).as(acrossToTheLa.body()).isEqualTo(422);
        assertThat(acrossToTheLa.problemFields()).containsExactly("/urn");

        String assurerOnly = person("assurer-only", as(Role.ASSURER, LANCASHIRE), as(Role.BROKER, TRUST));
        assertThat(raise(
                                assurerOnly,
                                need(ACADEMY_BLACKPOOL, List.of("CT.MATHS"), 10),
                                UUID.randomUUID().toString())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aBrokerOfTheLaWhoAdvisesForTheTrustActsOnEachRequestInTheMembershipItConcerns() {
        String both = person("both-hats", as(Role.ADVISER, TRUST), as(Role.BROKER, LANCASHIRE));
        String byTheLa = id(raise(
                seeds.token(Role.ADVISER, LANCASHIRE, "la-888"),
                need(MAINTAINED, List.of("CT.READ"), 5),
                UUID.randomUUID().toString()));
        String byThem = id(raise(
                both,
                need(ACADEMY_BLACKBURN, List.of("CT.READ"), 5),
                UUID.randomUUID().toString()));

        // as the LA's broker they see the LA's request, though the hat they wear is the trust adviser's
        assertThat(read(both, byTheLa).status()).isEqualTo(200);
        // as the trust's adviser they cancel what they raised; as the LA's broker they cancel the LA's request
        Api.Reply cancelled = step(
                both,
                byThem,
                "cancel",
                version(read(both, byThem)),
                Map.of("reason", "the school found support itself"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        cancelled = step(both, byTheLa, "cancel", version(read(both, byTheLa)), Map.of("reason", "raised twice"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        // across: the trust's broker and an adviser of another LA see neither
        String otherLa = person("other-la", as(Role.ADVISER, "889"), as(Role.BROKER, "889"));
        assertThat(read(otherLa, byThem).status()).isEqualTo(404);
        assertThat(read(otherLa, byTheLa).status()).isEqualTo(404);
    }

    @Test
    void whereTheSchoolIsInTwoOfTheAdvisersAreasTheHatTheyWearDecides() {
        String both = person("adviser-of-both", as(Role.ADVISER, LANCASHIRE), as(Role.ADVISER, TRUST));

        Api.Reply byHat = raise(
                both,
                need(ACADEMY_LANCASHIRE, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(byHat.status()).as(byHat.body()).isEqualTo(201);
        assertThat(byHat.map()).containsEntry("area", LANCASHIRE);

        Api.Reply wearingTheTrusts =
                wearing(both, as(Role.ADVISER, TRUST).written(), need(ACADEMY_LANCASHIRE, List.of("CT.MATHS"), 10));
        assertThat(wearingTheTrusts.status()).as(wearingTheTrusts.body()).isEqualTo(201);
        assertThat(wearingTheTrusts.map()).containsEntry("area", TRUST);

        int before = everywhere();
        for (String notTheirs : List.of(as(Role.BROKER, TRUST).written(), "ADVISER@889", "not a membership")) {
            Api.Reply refused = wearing(both, notTheirs, need(ACADEMY_LANCASHIRE, List.of("CT.MATHS"), 10));
            assertThat(refused.status()).as(notTheirs + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(everywhere()).isEqualTo(before);
    }

    @Test
    void aBrokerOfBothListsTheQueueOfTheHatTheyWear() {
        String both = person("broker-of-both", as(Role.BROKER, LANCASHIRE), as(Role.BROKER, TRUST));
        String byTheTrust = id(raise(
                seeds.token(Role.ADVISER, TRUST, "TR2044"),
                need(ACADEMY_BLACKBURN, List.of("CT.READ"), 5),
                UUID.randomUUID().toString()));
        String byTheLa = id(raise(
                seeds.token(Role.ADVISER, LANCASHIRE, "la-888"),
                need(MAINTAINED, List.of("CT.READ"), 5),
                UUID.randomUUID().toString()));

        assertThat(listed(both, "queue")).contains(byTheLa).doesNotContain(byTheTrust);
        Api.Reply trustQueue = api.send(Api.auth(
                HttpRequest.GET("/requests?listing=queue&limit=100")
                        .header("Membership", as(Role.BROKER, TRUST).written()),
                both));
        assertThat(trustQueue.status()).as(trustQueue.body()).isEqualTo(200);
        assertThat(trustQueue.body()).contains(byTheTrust).doesNotContain(byTheLa);
        // on one request, each is read in the membership it concerns, whichever hat is worn
        assertThat(read(both, byTheTrust).status()).isEqualTo(200);
        assertThat(read(both, byTheLa).status()).isEqualTo(200);
    }

    @Test
    void aRegistrarHasNothingToDoWithRequestsWhateverElseTheyHold() {
        String byTheLa = id(raise(
                seeds.token(Role.ADVISER, LANCASHIRE, "la-888"),
                need(MAINTAINED, List.of("CT.READ"), 5),
                UUID.randomUUID().toString()));
        assertThat(read(seeds.token(Role.REGISTRAR, null, null), byTheLa).status())
                .isEqualTo(404);
        String registrarAndAdviser =
                person("registrar-elsewhere", new Membership(Role.REGISTRAR, null, null), as(Role.ADVISER, "889"));
        Api.Reply unseen = read(registrarAndAdviser, byTheLa);
        assertThat(unseen.status()).as(unseen.body()).isEqualTo(404);
        assertThat(raise(
                                seeds.token(Role.REGISTRAR, null, null),
                                need(MAINTAINED, List.of("CT.READ"), 5),
                                UUID.randomUUID().toString())
                        .status())
                .isEqualTo(403);
    }

    Api.Reply wearing(String bearer, String membership, Object body) {
        var request = HttpRequest.POST("/requests", body)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Membership", membership);
        return api.send(Api.auth(request, bearer));
    }
}
