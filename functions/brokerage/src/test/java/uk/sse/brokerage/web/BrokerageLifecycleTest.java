package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.PROVIDER_SCHOOL;
import static uk.sse.brokerage.web.Seeds.SCHOOL;
import static uk.sse.brokerage.web.Seeds.SECOND_SCHOOL;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventJson;
import uk.sse.testing.Api;
import uk.sse.testing.Polling;

/**
 * Requests from raising to evaluation through the brokerage's Lambda handler, with the real directory (search
 * suggestions, offers, quality signals in the index) and the real ledger (holds placed, posted in part, voided,
 * refused) behind it over HTTP, and the events in the brokerage table's stream.
 */
@MicronautTest(environments = "test")
class BrokerageLifecycleTest extends BrokerageLambdaTest {

    @Inject
    EventJson json;

    String mathsOffer;
    String readingOffer;

    @BeforeAll
    void directoryAndCredits() throws Exception {
        world.indexing().signals();
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 100);
        seeds.allocate(SECOND_SCHOOL, 10);
        mathsOffer = seeds.approvedOffer(
                HUB, "Maths mastery: number sense and fluency in key stage 1", List.of("CT.MATHS"), 30);
        readingOffer = seeds.approvedOffer(
                PROVIDER_SCHOOL, "Early reading: phonics for the lowest 20%", List.of("CT.READ"), 20);
        seeds.awaitSearchable(mathsOffer);
        seeds.awaitSearchable(readingOffer);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRequestGoesFromTheVisitToDeliveredPaidAndEvaluatedSupport() throws Exception {
        long balance = seeds.account(SCHOOL, "balance");
        long available = seeds.account(SCHOOL, "available");
        long earned = seeds.account(HUB, "balance");
        Api.Reply raised = raise(seeds.adviser(), need(SCHOOL, List.of("CT.MATHS"), 40), "visit-1");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(raised.header("ETag")).isEqualTo("\"v1\"");
        Map<String, Object> r = raised.map();
        String id = (String) r.get("id");
        assertThat(r)
                .containsEntry("status", "OPEN")
                .containsEntry("urn", SCHOOL)
                .containsEntry("schoolName", "Lea Community Primary School")
                .containsEntry("area", AREA);
        List<Map<String, Object>> suggestions = (List<Map<String, Object>>) r.get("suggestions");
        assertThat(suggestions)
                .extracting(s -> s.get("offerId"))
                .contains(mathsOffer)
                .doesNotContain(readingOffer);
        assertThat(suggestions)
                .filteredOn(s -> s.get("offerId").equals(mathsOffer))
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .containsEntry("providerId", HUB)
                        .containsEntry("providerName", "Lancashire Maths Hub")
                        .containsKey("distanceKm")
                        .containsEntry("priceCredits", 30));

        Api.Reply queue = api.get("/requests", seeds.broker());
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) queue.map().get("items"))
                .extracting(q -> q.get("id"))
                .contains(id);

        Api.Reply proposed = step(
                seeds.broker(),
                id,
                "proposals",
                1,
                Map.of(
                        "offers",
                        List.of(Map.of("offerId", mathsOffer, "days", 4, "credits", 30)),
                        "note",
                        "the hub's KS1 specialist"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        assertThat(proposed.map()).containsEntry("status", "PROPOSED").containsEntry("version", 2);
        assertThat((List<Map<String, Object>>) proposed.map().get("proposals"))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("id", "P1")
                        .containsEntry("providerId", HUB)
                        .containsEntry("status", "PROPOSED"));

        String hub = seeds.token(uk.sse.kernel.identity.Role.PROVIDER, AREA, HUB);
        Api.Reply addressed = api.get("/requests?listing=addressed", hub);
        assertThat((List<Map<String, Object>>) addressed.map().get("items"))
                .extracting(q -> q.get("id"))
                .contains(id);
        Seeds.ok(step(hub, id, "proposals/P1/accept", 2), 200);

        Api.Reply agreed = step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3);
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
        Map<String, Object> engagement = (Map<String, Object>) agreed.map().get("engagement");
        String engagementId = (String) engagement.get("id");
        assertThat(engagementId).isEqualTo(id + ".P1");
        assertThat(engagement).containsEntry("hold", "HELD").containsEntry("credits", 30);
        assertThat(engagement).containsEntry("holdId", Brokerage.holdId(id, "P1", 3));
        assertThat(seeds.transfer(Brokerage.holdId(id, "P1", 3)).map())
                .containsEntry("state", "PENDING")
                .containsEntry("amount", 30);
        assertThat(seeds.account(SCHOOL, "available")).isEqualTo(available - 30);
        assertThat(seeds.account(SCHOOL, "balance")).isEqualTo(balance);

        Seeds.ok(step(seeds.broker(), id, "start", 4), 200);
        Api.Reply completed = step(
                seeds.broker(), id, "complete", 5, Map.of("daysDelivered", 3, "note", "one day moved to next term"));
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat((Map<String, Object>) completed.map().get("engagement"))
                .containsEntry("hold", "POSTED")
                .containsEntry("daysDelivered", 3)
                .containsEntry("creditsPosted", 22);
        assertThat(seeds.transfer(Brokerage.holdId(id, "P1", 3)).map())
                .containsEntry("state", "POSTED")
                .containsEntry("postedAmount", 22);
        assertThat(seeds.account(SCHOOL, "balance")).isEqualTo(balance - 22);
        assertThat(seeds.account(SCHOOL, "available")).isEqualTo(available - 22);
        assertThat(seeds.account(HUB, "balance")).isEqualTo(earned + 22);

        Seeds.ok(
                step(
                        seeds.school(SCHOOL),
                        id,
                        "evaluations",
                        6,
                        Map.of("rating", "SCHOOL", "score", 4, "notes", "practical")),
                200);
        Api.Reply evaluated = step(
                seeds.adviser(),
                id,
                "evaluations",
                7,
                Map.of("rating", "IMPACT", "score", 5, "notes", "bonds to 10 secure for 24 of 28 pupils"));
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        assertThat(evaluated.map()).containsEntry("status", "EVALUATED").containsEntry("version", 8);
        assertThat((Map<String, Object>) evaluated.map().get("evaluation"))
                .containsEntry("schoolRating", 4)
                .containsEntry("impactRating", 5);
        assertThat((List<Map<String, Object>>) evaluated.map().get("history"))
                .extracting(h -> h.get("action"), h -> h.get("to"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RAISE", "OPEN"),
                        org.assertj.core.groups.Tuple.tuple("PROPOSE", "PROPOSED"),
                        org.assertj.core.groups.Tuple.tuple("ACCEPT", "ACCEPTED"),
                        org.assertj.core.groups.Tuple.tuple("AGREE", "AGREED"),
                        org.assertj.core.groups.Tuple.tuple("START_DELIVERY", "IN_DELIVERY"),
                        org.assertj.core.groups.Tuple.tuple("COMPLETE", "COMPLETED"),
                        org.assertj.core.groups.Tuple.tuple("EVALUATE", "COMPLETED"),
                        org.assertj.core.groups.Tuple.tuple("EVALUATE", "EVALUATED"));
        assertThat(api.get("/requests", seeds.broker()).body()).doesNotContain(id); // evaluated: out of the queue

        Api.Reply signals = Polling.until(
                () -> seeds.directory().get("/search/offers?near=" + SCHOOL + "&area=CT.MATHS", seeds.adviser()),
                s -> hit(s, mathsOffer)
                        .map(h -> Integer.valueOf(1).equals(h.get("completedEngagements"))
                                && Double.valueOf(5.0).equals(((Number) h.get("averageImpact")).doubleValue()))
                        .orElse(false),
                Duration.ofSeconds(30));
        assertThat(hit(signals, mathsOffer))
                .as(signals.body())
                .hasValueSatisfying(h ->
                        assertThat(h).containsEntry("completedEngagements", 1).containsEntry("averageImpact", 5.0));
        seeds.assertLedgerChecksOut();

        List<EventEnvelope> events = events(id, 8);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        "brokerage.request.created",
                        "brokerage.request.proposed",
                        "brokerage.proposal.accepted",
                        "brokerage.engagement.agreed",
                        "brokerage.engagement.started",
                        "brokerage.engagement.completed",
                        "brokerage.engagement.evaluated",
                        "brokerage.engagement.evaluated");
        assertThat(events).allSatisfy(e -> assertThat(e.area()).isEqualTo(AREA));
        assertThat(events.get(0).data())
                .containsEntry("schoolName", "Lea Community Primary School")
                .containsEntry("urgency", "HIGH")
                .containsKey("need");
        assertThat((Map<String, Object>) events.get(5).data().get("engagement")).containsEntry("creditsPosted", 22);
    }

    @Test
    void cancellingAnAgreedRequestVoidsItsHold() {
        String id = raised(SCHOOL, List.of("CT.READ"), 30);
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", readingOffer, "days", 2, "credits", 20)))),
                200);
        Seeds.ok(step(seeds.school(PROVIDER_SCHOOL), id, "proposals/P1/accept", 2), 200);
        long before = seeds.account(SCHOOL, "available");
        Seeds.ok(step(seeds.adviser(), id, "proposals/P1/agree", 3), 200);
        assertThat(seeds.account(SCHOOL, "available")).isEqualTo(before - 20);

        Api.Reply cancelled = step(
                seeds.adviser(),
                id,
                "cancel",
                4,
                Map.of("reason", "the school's new head has brought in a reading lead"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.map()).containsEntry("status", "CANCELLED");
        assertThat(seeds.transfer(Brokerage.holdId(id, "P1", 3)).map()).containsEntry("state", "VOIDED");
        assertThat(seeds.account(SCHOOL, "available")).isEqualTo(before);
        seeds.assertLedgerChecksOut();
    }

    @Test
    void theSchoolWithdrawingAfterAgreementReleasesItsCredits() {
        String id = raised(SCHOOL, List.of("CT.READ"), 30);
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", readingOffer, "days", 2, "credits", 12)))),
                200);
        Seeds.ok(step(seeds.school(PROVIDER_SCHOOL), id, "proposals/P1/accept", 2), 200);
        long before = seeds.account(SCHOOL, "available");
        Seeds.ok(step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3), 200);
        Seeds.ok(step(seeds.broker(), id, "start", 4), 200);
        Api.Reply withdrawn = step(
                seeds.school(SCHOOL),
                id,
                "withdraw",
                5,
                Map.of("reason", "staff absence: we will ask again in spring"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(seeds.transfer(Brokerage.holdId(id, "P1", 3)).map()).containsEntry("state", "VOIDED");
        assertThat(seeds.account(SCHOOL, "available")).isEqualTo(before);
    }

    @Test
    void anAgreementTheSchoolCannotAffordIsRefusedAndChangesNothing() throws Exception {
        String id = raised(SECOND_SCHOOL, List.of("CT.MATHS"), 40);
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", mathsOffer, "days", 4, "credits", 30)))),
                200);
        Seeds.ok(step(seeds.token(uk.sse.kernel.identity.Role.PROVIDER, AREA, HUB), id, "proposals/P1/accept", 2), 200);

        Api.Reply refused = step(seeds.school(SECOND_SCHOOL), id, "proposals/P1/agree", 3);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.map().get("type").toString()).endsWith("/brokerage/insufficient-credits");
        assertThat(refused.problemFields()).containsExactly("credits");
        Api.Reply after = read(seeds.broker(), id);
        assertThat(after.map()).containsEntry("status", "ACCEPTED").containsEntry("version", 3);
        assertThat(after.map().get("engagement")).isNull();
        assertThat(seeds.transfer(Brokerage.holdId(id, "P1", 3)).status()).isEqualTo(404);
        assertThat(seeds.account(SECOND_SCHOOL, "available")).isEqualTo(10);

        assertThat(events(id, 4)).extracting(EventEnvelope::type).endsWith("brokerage.engagement.hold-refused");
    }

    @Test
    void completionCanPostAnAgreedSumAndNothingDeliveredReleasesTheWholeHold() {
        String partly = raised(SCHOOL, List.of("CT.READ"), 30);
        agreeReading(partly, 20);
        Api.Reply done = step(seeds.broker(), partly, "complete", 5, Map.of("daysDelivered", 1, "credits", 15));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(seeds.transfer(Brokerage.holdId(partly, "P1", 3)).map())
                .containsEntry("state", "POSTED")
                .containsEntry("postedAmount", 15);

        String none = raised(SCHOOL, List.of("CT.READ"), 30);
        agreeReading(none, 20);
        Api.Reply nothing = step(seeds.broker(), none, "complete", 5, Map.of("daysDelivered", 0));
        assertThat(nothing.status()).as(nothing.body()).isEqualTo(200);
        assertThat(seeds.transfer(Brokerage.holdId(none, "P1", 3)).map()).containsEntry("state", "VOIDED");
        seeds.assertLedgerChecksOut();
    }

    private void agreeReading(String id, long credits) {
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", readingOffer, "days", 2, "credits", credits)))),
                200);
        Seeds.ok(step(seeds.school(PROVIDER_SCHOOL), id, "proposals/P1/accept", 2), 200);
        Seeds.ok(step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3), 200);
        Seeds.ok(step(seeds.broker(), id, "start", 4), 200);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> hit(Api.Reply search, String offerId) {
        if (search.status() != 200) {
            return Optional.empty();
        }
        return ((List<Map<String, Object>>) search.map().get("hits"))
                .stream().filter(h -> offerId.equals(h.get("id"))).findFirst();
    }

    /** The request's events, read from the brokerage table's stream as real stream records. */
    private List<EventEnvelope> events(String requestId, int atLeast) throws Exception {
        return world.events(requestId, atLeast, json);
    }
}
