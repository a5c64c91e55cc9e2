package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;

/**
 * Retries are safe: the same Idempotency-Key answers the first request; a step retried after its answer was lost is
 * refused as stale, never done twice; and a crash between the ledger call and the state write is repaired by sending
 * the step again, the ledger answering the transfer it already made.
 */
@MicronautTest(environments = "test")
class BrokerageRetriesTest extends BrokerageLambdaTest {

    String offer;

    @BeforeAll
    void directoryAndCredits() {
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 300);
        offer = seeds.approvedOffer(HUB, "Maths mastery in key stage 1", List.of("CT.MATHS"), 30);
    }

    @Test
    void theSameKeyAnswersTheFirstRequestAndADifferentBodyUnderItIsRefused() {
        Map<String, Object> body = need(SCHOOL, List.of("CT.MATHS"), 20);
        Api.Reply first = raise(seeds.adviser(), body, "visit-42");
        Api.Reply again = raise(seeds.adviser(), body, "visit-42");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.map().get("id")).isEqualTo(first.map().get("id"));

        Map<String, Object> other = new HashMap<>(body);
        other.put("credits", 25);
        Api.Reply reused = raise(seeds.adviser(), other, "visit-42");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problemFields()).containsExactly("Idempotency-Key");
        // keys are the caller's own: another adviser's same key is a new request
        assertThat(raise(seeds.token(Role.ADVISER, AREA, "another-adviser"), body, "visit-42")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aStepRepeatedAfterItsAnswerWasLostIsStaleAndHoldsOnce() {
        String id = accepted();
        Seeds.ok(step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3), 200);
        long available = seeds.account(SCHOOL, "available");
        Api.Reply repeat = step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3);
        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.map().get("type").toString()).endsWith("/brokerage/stale-version");
        assertThat(seeds.account(SCHOOL, "available")).isEqualTo(available);
        assertThat(read(seeds.broker(), id).map())
                .containsEntry("status", "AGREED")
                .containsEntry("version", 4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCrashBetweenTheHoldAndTheAgreementIsRepairedBySendingTheStepAgain() {
        String id = accepted();
        String hold = Brokerage.holdId(id, "P1", 3);
        // the agreement's hold landed (placed by the brokerage service), then the function died before writing the
        // request
        Seeds.ok(
                seeds.ledger()
                        .post(
                                "/transfers",
                                seeds.brokerageService(),
                                Map.of(
                                        "id",
                                        hold,
                                        "debit",
                                        AREA + "/" + SCHOOL,
                                        "credit",
                                        AREA + "/" + HUB,
                                        "amount",
                                        30,
                                        "kind",
                                        "PAYMENT",
                                        "pending",
                                        true,
                                        "timeoutSeconds",
                                        2592000,
                                        "reference",
                                        "brokerage request " + id + " proposal P1 offer " + offer)),
                201);
        long available = seeds.account(SCHOOL, "available");
        Api.Reply agreed = step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3);
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
        assertThat((Map<String, Object>) agreed.map().get("engagement"))
                .containsEntry("holdId", hold)
                .containsEntry("hold", "HELD");
        assertThat(seeds.account(SCHOOL, "available")).as("held once").isEqualTo(available);
        seeds.assertLedgerChecksOut();
    }

    @Test
    void noPersonMayPostOrVoidAnEngagementsHoldAtTheLedger() {
        String id = accepted();
        Seeds.ok(step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3), 200);
        Seeds.ok(step(seeds.broker(), id, "start", 4), 200);
        String hold = Brokerage.holdId(id, "P1", 3);
        // the school voiding its hold mid-delivery would leave the provider unpaid; a broker posting it, paid off the
        // books
        for (String who : List.of(seeds.school(SCHOOL), seeds.broker(), seeds.adviser(), seeds.commissioner())) {
            assertThat(seeds.ledger()
                            .post("/transfers/" + hold + "/void", who, null)
                            .status())
                    .isIn(403, 404);
            assertThat(seeds.ledger()
                            .post("/transfers/" + hold + "/post", who, Map.of("amount", 30))
                            .status())
                    .isIn(403, 404);
        }
        assertThat(seeds.transfer(hold).map()).containsEntry("state", "PENDING");
        Seeds.ok(step(seeds.broker(), id, "complete", 5, Map.of("daysDelivered", 4)), 200);
        assertThat(seeds.transfer(hold).map()).containsEntry("state", "POSTED").containsEntry("postedAmount", 30);
    }

    /** A request with the hub's offer proposed (4 days, 30 credits) and accepted: at version 3. */
    private String accepted() {
        String id = raised(SCHOOL, List.of("CT.MATHS"), 40);
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", offer, "days", 4, "credits", 30)))),
                200);
        Seeds.ok(step(seeds.token(Role.PROVIDER, AREA, HUB), id, "proposals/P1/accept", 2), 200);
        return id;
    }
}
