package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.OTHER_AREA;
import static uk.sse.brokerage.web.Seeds.PROVIDER_SCHOOL;
import static uk.sse.brokerage.web.Seeds.SCHOOL;
import static uk.sse.brokerage.web.Seeds.SECOND_SCHOOL;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;

/**
 * Who may do what: advisers their area's requests, brokers their area's queue, a provider only what is proposed to
 * it, a school only its own requests. Every denial is checked to have changed nothing.
 */
@MicronautTest(environments = "test")
class BrokerageAccessTest extends BrokerageLambdaTest {

    String mathsOffer;
    String readingOffer;

    @BeforeAll
    void directoryAndCredits() {
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 200);
        mathsOffer = seeds.approvedOffer(HUB, "Maths mastery in key stage 1", List.of("CT.MATHS"), 30);
        readingOffer = seeds.approvedOffer(PROVIDER_SCHOOL, "Early reading: phonics", List.of("CT.READ"), 20);
    }

    String adviser(String area) {
        return seeds.token(Role.ADVISER, area, "la-" + area);
    }

    String broker(String area) {
        return seeds.token(Role.BROKER, area, "la-" + area);
    }

    String hub() {
        return seeds.token(Role.PROVIDER, AREA, HUB);
    }

    @Test
    void onlyAnAdviserRaisesARequestAndOnlyForASchoolInTheirArea() {
        int before = ids(api.get("/requests?listing=area&limit=100", seeds.adviser()))
                .size();
        assertThat(raise(
                                seeds.adviser(),
                                need(SCHOOL, List.of("CT.MATHS"), 10),
                                UUID.randomUUID().toString())
                        .status())
                .isEqualTo(201);
        Api.Reply outside = raise(
                adviser(OTHER_AREA),
                need(SCHOOL, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.problemFields()).containsExactly("/urn");
        for (Role role : List.of(Role.BROKER, Role.PROVIDER, Role.ASSURER, Role.COMMISSIONER, Role.ADMIN)) {
            Api.Reply denied = raise(
                    seeds.token(role, AREA, SCHOOL),
                    need(SCHOOL, List.of("CT.MATHS"), 10),
                    UUID.randomUUID().toString());
            assertThat(denied.status()).as(role + ": " + denied.body()).isEqualTo(403);
            assertThat(denied.contentType()).startsWith("application/problem+json");
        }
        assertThat(ids(api.get("/requests?listing=area&limit=100", seeds.adviser())))
                .hasSize(before + 1);
    }

    @Test
    void aRequestIsSeenByItsAreaItsSchoolAndAdminsAndIsNotFoundByEveryoneElse() {
        String id = raised(SCHOOL, List.of("CT.MATHS"), 10);
        for (String seer :
                List.of(seeds.adviser(), seeds.broker(), seeds.school(SCHOOL), seeds.token(Role.ADMIN, AREA, null))) {
            assertThat(read(seer, id).status()).isEqualTo(200);
        }
        for (String stranger : List.of(
                adviser(OTHER_AREA),
                broker(OTHER_AREA),
                seeds.school(SECOND_SCHOOL),
                hub(),
                seeds.token(Role.COMMISSIONER, AREA, null),
                seeds.token(Role.ASSURER, AREA, null))) {
            Api.Reply unseen = read(stranger, id);
            assertThat(unseen.status()).isEqualTo(404);
            assertThat(unseen.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.send(HttpRequest.GET("/requests/" + id)).status()).isEqualTo(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listingsShowEachCallerTheirOwn() {
        String mine = raised(SCHOOL, List.of("CT.MATHS"), 10);
        String theirs = raised(SECOND_SCHOOL, List.of("CT.READ"), 10);
        assertThat(ids(api.get("/requests", seeds.broker()))).contains(mine, theirs);
        assertThat(ids(api.get("/requests", broker(OTHER_AREA)))).doesNotContain(mine, theirs);
        assertThat(ids(api.get("/requests", seeds.school(SCHOOL))))
                .contains(mine)
                .doesNotContain(theirs);
        assertThat(ids(api.get("/requests?areaOfSupport=CT", seeds.broker()))).contains(mine, theirs);
        assertThat(ids(api.get("/requests?areaOfSupport=CT.READ", seeds.broker())))
                .contains(theirs)
                .doesNotContain(mine);
        assertThat(ids(api.get("/requests?urn=" + SCHOOL, seeds.broker())))
                .contains(mine)
                .doesNotContain(theirs);
        for (String listing : List.of("queue", "area")) {
            assertThat(api.get("/requests?listing=" + listing, seeds.school(SCHOOL))
                            .status())
                    .isEqualTo(403);
            assertThat(api.get("/requests?listing=" + listing, seeds.token(Role.COMMISSIONER, AREA, null))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(api.get("/requests?listing=addressed", seeds.broker()).status())
                .isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOffersAnAdviserLikedComeFirstAmongTheSuggestionsAndMustBeOffersTheyCanSee() {
        Map<String, Object> body = new java.util.HashMap<>(need(SCHOOL, List.of("CT.MATHS"), 10));
        body.put("likedOffers", List.of(readingOffer, readingOffer));
        var raised = Seeds.ok(raise(seeds.adviser(), body, UUID.randomUUID().toString()), 201)
                .map();
        List<Map<String, Object>> suggestions = (List<Map<String, Object>>) raised.get("suggestions");
        assertThat(suggestions.get(0))
                .containsEntry("offerId", readingOffer)
                .containsEntry("liked", true)
                .containsEntry("title", "Early reading: phonics")
                .containsEntry("priceCredits", 20)
                .hasEntrySatisfying("providerName", name -> assertThat(name).isNotNull());
        assertThat(suggestions.stream().filter(s -> readingOffer.equals(s.get("offerId"))))
                .as("once")
                .hasSize(1);
        assertThat(suggestions.stream().skip(1)).allSatisfy(s -> assertThat(s).containsEntry("liked", false));

        body.put("likedOffers", List.of(mathsOffer, "off_00000000000000000000000000"));
        int before = ids(api.get("/requests?listing=area&limit=100", seeds.adviser()))
                .size();
        var refused = raise(seeds.adviser(), body, UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemFields()).containsExactly("/likedOffers/1");
        assertThat(ids(api.get("/requests?listing=area&limit=100", seeds.adviser())))
                .hasSize(before);
    }

    @Test
    void anAdviserCanKeepToTheRequestsTheyRaised() {
        String mine = raised(SCHOOL, List.of("CT.MATHS"), 10);
        String colleague = seeds.token(Role.ADVISER, AREA, "another-desk");
        String theirs = (String) Seeds.ok(
                        raise(
                                colleague,
                                need(SCHOOL, List.of("CT.READ"), 10),
                                UUID.randomUUID().toString()),
                        201)
                .map()
                .get("id");
        assertThat(ids(api.get("/requests?listing=area&limit=100", seeds.adviser())))
                .contains(mine, theirs);
        assertThat(ids(api.get("/requests?listing=area&mine=true&limit=100", seeds.adviser())))
                .contains(mine)
                .doesNotContain(theirs);
        assertThat(ids(api.get("/requests?listing=area&mine=true&limit=100", colleague)))
                .contains(theirs)
                .doesNotContain(mine);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachStepIsForItsOwnRoleAndAProviderSeesOnlyWhatIsProposedToIt() {
        String id = raised(SCHOOL, List.of("CT.MATHS", "CT.READ"), 60);
        String admin = seeds.token(Role.ADMIN, AREA, null);
        assertThat(allowed(seeds.broker(), id)).containsExactly("PROPOSE", "CANCEL");
        assertThat(allowed(seeds.adviser(), id)).containsExactly("CANCEL");
        assertThat(allowed(seeds.school(SCHOOL), id)).containsExactly("WITHDRAW");
        assertThat(allowed(admin, id)).isEmpty();
        Map<String, Object> propose = Map.of(
                "offers",
                List.of(
                        Map.of("offerId", mathsOffer, "days", 2, "credits", 20),
                        Map.of("offerId", readingOffer, "days", 2, "credits", 20)));
        denied(id, 1, seeds.adviser(), "proposals", propose, 403);
        denied(id, 1, broker(OTHER_AREA), "proposals", propose, 404);
        denied(id, 1, hub(), "proposals", propose, 404);
        Seeds.ok(step(seeds.broker(), id, "proposals", 1, propose), 200);
        assertThat(allowed(hub(), id)).containsExactly("ACCEPT", "DECLINE");
        assertThat(allowed(seeds.school(PROVIDER_SCHOOL), id)).containsExactly("ACCEPT", "DECLINE");
        assertThat(allowed(seeds.school(SCHOOL), id)).containsExactly("WITHDRAW");
        assertThat(allowed(seeds.broker(), id)).containsExactly("PROPOSE", "CANCEL");

        Api.Reply asHub = read(hub(), id);
        assertThat(asHub.status()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) asHub.map().get("proposals"))
                .extracting(p -> p.get("providerId"))
                .containsExactly(HUB);
        assertThat((List<Object>) asHub.map().get("history")).isEmpty();
        assertThat((List<Object>) asHub.map().get("suggestions")).isEmpty();

        denied(id, 2, seeds.school(PROVIDER_SCHOOL), "proposals/P1/accept", Map.of(), 403); // P1 is the hub's
        denied(id, 2, seeds.broker(), "proposals/P1/accept", Map.of(), 403);
        denied(id, 2, seeds.school(SCHOOL), "proposals/P1/accept", Map.of(), 403);
        Seeds.ok(step(hub(), id, "proposals/P1/accept", 2), 200);
        assertThat(allowed(hub(), id))
                .as("the hub's one proposal is accepted: nothing more is its to do")
                .isEmpty();
        assertThat(allowed(seeds.school(PROVIDER_SCHOOL), id)).containsExactly("ACCEPT", "DECLINE");
        assertThat(allowed(seeds.school(SCHOOL), id)).containsExactly("AGREE", "WITHDRAW");
        assertThat(allowed(seeds.adviser(), id)).containsExactly("AGREE", "CANCEL");
        assertThat(allowed(seeds.broker(), id)).containsExactly("CANCEL");

        denied(id, 3, seeds.broker(), "proposals/P1/agree", Map.of(), 403);
        denied(id, 3, hub(), "proposals/P1/agree", Map.of(), 403);
        Seeds.ok(step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3), 200);
        assertThat(allowed(seeds.broker(), id)).containsExactly("START_DELIVERY", "CANCEL");
        assertThat(allowed(seeds.school(PROVIDER_SCHOOL), id))
                .as("its proposal superseded")
                .isEmpty();

        denied(id, 4, seeds.adviser(), "start", Map.of(), 403);
        denied(id, 4, hub(), "start", Map.of(), 403);
        Seeds.ok(step(seeds.broker(), id, "start", 4), 200);
        assertThat(allowed(seeds.broker(), id)).containsExactly("COMPLETE", "CANCEL");
        assertThat(allowed(hub(), id)).isEmpty();
        denied(id, 5, seeds.adviser(), "complete", Map.of("daysDelivered", 2), 403);
        denied(id, 5, seeds.school(SCHOOL), "complete", Map.of("daysDelivered", 2), 403);
        Seeds.ok(step(seeds.broker(), id, "complete", 5, Map.of("daysDelivered", 2)), 200);
        assertThat(allowed(seeds.adviser(), id)).containsExactly("EVALUATE");
        assertThat(allowed(seeds.school(SCHOOL), id)).containsExactly("EVALUATE");
        assertThat(allowed(seeds.broker(), id)).isEmpty();

        denied(id, 6, seeds.adviser(), "evaluations", Map.of("rating", "SCHOOL", "score", 5), 403);
        denied(id, 6, seeds.school(SCHOOL), "evaluations", Map.of("rating", "IMPACT", "score", 5), 403);
        denied(id, 6, seeds.broker(), "evaluations", Map.of("rating", "IMPACT", "score", 5), 403);
        Seeds.ok(step(seeds.adviser(), id, "evaluations", 6, Map.of("rating", "IMPACT", "score", 4)), 200);
        assertThat(allowed(seeds.adviser(), id)).as("the impact is rated").isEmpty();
        assertThat(allowed(seeds.school(SCHOOL), id)).containsExactly("EVALUATE");
        assertThat(queued(seeds.school(SCHOOL), id))
                .as("a listing says the same")
                .containsExactly("EVALUATE");
        assertThat(seeds.transfer(Brokerage.holdId(id, "P1", 3)).map()).containsEntry("state", "POSTED");
    }

    @Test
    void onlyTheSchoolWithdrawsAndOnlyItsAreaCancels() {
        String id = raised(SCHOOL, List.of("CT.MATHS"), 10);
        denied(id, 1, seeds.adviser(), "withdraw", Map.of("reason", "not ours to withdraw"), 403);
        denied(id, 1, seeds.broker(), "withdraw", Map.of("reason", "not ours to withdraw"), 403);
        denied(id, 1, seeds.school(SCHOOL), "cancel", Map.of("reason", "a school withdraws"), 403);
        denied(id, 1, broker(OTHER_AREA), "cancel", Map.of("reason", "not our area"), 404);
        Seeds.ok(step(seeds.school(SCHOOL), id, "withdraw", 1, Map.of("reason", "we found support ourselves")), 200);
    }

    /** The step is refused with {@code status} as problem+json and the request is as it was. */
    private void denied(String id, long version, String bearer, String path, Map<String, Object> body, int status) {
        Api.Reply before = read(seeds.broker(), id);
        Api.Reply denied = step(bearer, id, path, version, body);
        assertThat(denied.status()).as(path + ": " + denied.body()).isEqualTo(status);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(read(seeds.broker(), id).body()).isEqualTo(before.body());
    }

    /** What the caller's read of the request says they may do. */
    @SuppressWarnings("unchecked")
    private List<Object> allowed(String bearer, String id) {
        Api.Reply reply = read(bearer, id);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (List<Object>) reply.map().get("allowedActions");
    }

    /** What the caller's own listing says they may do to the request. */
    @SuppressWarnings("unchecked")
    private List<Object> queued(String bearer, String id) {
        Api.Reply listing = api.get("/requests?limit=100", bearer);
        assertThat(listing.status()).as(listing.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) listing.map().get("items"))
                .stream()
                        .filter(r -> id.equals(r.get("id")))
                        .map(r -> (List<Object>) r.get("allowedActions"))
                        .findFirst()
                        .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Api.Reply listing) {
        assertThat(listing.status()).as(listing.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) listing.map().get("items"))
                .stream().map(r -> r.get("id")).toList();
    }
}
