package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.PROVIDER_SCHOOL;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.reconcile.ReconcileOnSchedule;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.identity.Role;
import uk.sse.ledger.application.ExpireDueHolds;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;

/**
 * Reconciliation repairs each kind of disagreement between the ledger and the brokerage, injected by killing the
 * brokerage between its two writes ({@link Crashes}) through the deployed handlers, and says so with an event in the
 * request's stream; then the same with many journeys killed at random on real threads while reconciliation runs beside
 * them, after which every hold agrees with its request and the ledger's invariants hold.
 */
@MicronautTest(environments = "test")
class ReconciliationTest extends BrokerageLambdaTest {

    LambdaInstance killable;
    ReconcileOnSchedule reconciliation;
    EventJson json;
    String mathsOffer;
    String readingOffer;

    @BeforeAll
    void worldWithCredits() {
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 100_000);
        mathsOffer = seeds.approvedOffer(HUB, "Maths mastery in key stage 1", List.of("CT.MATHS"), 30);
        readingOffer = seeds.approvedOffer(PROVIDER_SCHOOL, "Early reading: phonics", List.of("CT.READ"), 20);
        killable = world.brokerage(Map.of("sse.test.crashes", "on"));
        reconciliation = world.reconciliation(Map.of("sse.brokerage.orphan-grace", "0s"));
        json = killable.context().getBean(EventJson.class);
    }

    @AfterAll
    void close() {
        reconciliation.close();
        killable.close();
    }

    @Test
    void anAgreementKilledBeforeItsWriteAndNeverRetriedIsReleasedAndTheRequestMovesOn() throws Exception {
        String id = accepted(mathsOffer, HUB, 30);
        long available = seeds.account(SCHOOL, "available");
        assertThat(killed(Crashes.When.BEFORE_WRITE, id, "proposals/P1/agree", 3, Map.of(), seeds.school(SCHOOL)))
                .isEqualTo(500);
        String hold = Brokerage.holdId(id, "P1", 3);
        assertThat(seeds.transfer(hold).map()).containsEntry("state", "PENDING");
        assertThat(read(seeds.broker(), id).map())
                .containsEntry("status", "ACCEPTED")
                .containsEntry("version", 3);
        // within its grace the hold is left for the caller's retry
        try (ReconcileOnSchedule patient = world.reconciliation(Map.of("sse.brokerage.orphan-grace", "1h"))) {
            assertThat(repairs(patient)).isEmpty();
        }
        assertThat(seeds.transfer(hold).map()).containsEntry("state", "PENDING");

        assertThat(repairs(reconciliation)).containsEntry("hold-released", 1);
        assertThat(seeds.transfer(hold).map()).containsEntry("state", "VOIDED");
        assertThat(seeds.account(SCHOOL, "available")).isEqualTo(available);
        assertThat(read(seeds.broker(), id).map())
                .containsEntry("status", "ACCEPTED")
                .containsEntry("version", 4);
        assertThat(eventsOf(id, 4)).extracting(EventEnvelope::type).contains("brokerage.reconciliation.hold-released");
        // a late retry is stale; the agreement made anew places a hold of its own
        assertThat(step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3).status())
                .isEqualTo(409);
        Seeds.ok(step(seeds.school(SCHOOL), id, "proposals/P1/agree", 4), 200);
        assertThat(seeds.transfer(Brokerage.holdId(id, "P1", 4)).map()).containsEntry("state", "PENDING");
        seeds.assertLedgerChecksOut();
    }

    @Test
    void aCompletionKilledAfterItsWriteHasItsPostReDriven() throws Exception {
        String id = delivering(readingOffer, PROVIDER_SCHOOL, 20);
        long earned = seeds.account(PROVIDER_SCHOOL, "balance");
        assertThat(killed(Crashes.When.AFTER_WRITE, id, "complete", 5, Map.of("daysDelivered", 1), seeds.broker()))
                .isEqualTo(500);
        String hold = Brokerage.holdId(id, "P1", 3);
        assertThat(read(seeds.broker(), id).map()).containsEntry("status", "COMPLETED");
        assertThat(seeds.transfer(hold).map()).containsEntry("state", "PENDING");

        assertThat(repairs(reconciliation)).containsEntry("post-redriven", 1);
        assertThat(seeds.transfer(hold).map()).containsEntry("state", "POSTED").containsEntry("postedAmount", 10);
        assertThat(seeds.account(PROVIDER_SCHOOL, "balance")).isEqualTo(earned + 10);
        EventEnvelope repair = eventsOf(id, 6).stream()
                .filter(e -> e.type().equals("brokerage.reconciliation.post-redriven"))
                .findFirst()
                .orElseThrow();
        assertThat(repair.data()).containsEntry("holdId", hold).containsEntry("to", "COMPLETED");
        seeds.assertLedgerChecksOut();
    }

    @Test
    void aCancellationKilledAfterItsWriteHasItsVoidReDriven() throws Exception {
        String id = delivering(readingOffer, PROVIDER_SCHOOL, 20);
        long available = seeds.account(SCHOOL, "available");
        assertThat(killed(
                        Crashes.When.AFTER_WRITE,
                        id,
                        "cancel",
                        5,
                        Map.of("reason", "the school closed for repairs"),
                        seeds.adviser()))
                .isEqualTo(500);
        assertThat(read(seeds.broker(), id).map()).containsEntry("status", "CANCELLED");
        assertThat(repairs(reconciliation)).containsEntry("void-redriven", 1);
        assertThat(seeds.transfer(Brokerage.holdId(id, "P1", 3)).map()).containsEntry("state", "VOIDED");
        assertThat(seeds.account(SCHOOL, "available")).isEqualTo(available + 20);
        assertThat(eventsOf(id, 6)).extracting(EventEnvelope::type).contains("brokerage.reconciliation.void-redriven");
    }

    @Test
    void aKilledAgreementsHoldIsVoidedOnceAnotherProposalIsAgreed() throws Exception {
        String id = raised(SCHOOL, List.of("CT.MATHS", "CT.READ"), 60);
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of(
                                "offers",
                                List.of(
                                        Map.of("offerId", mathsOffer, "days", 2, "credits", 20),
                                        Map.of("offerId", readingOffer, "days", 2, "credits", 20)))),
                200);
        Seeds.ok(step(seeds.token(Role.PROVIDER, AREA, HUB), id, "proposals/P1/accept", 2), 200);
        Seeds.ok(step(seeds.school(PROVIDER_SCHOOL), id, "proposals/P2/accept", 3), 200);
        assertThat(killed(Crashes.When.BEFORE_WRITE, id, "proposals/P1/agree", 4, Map.of(), seeds.school(SCHOOL)))
                .isEqualTo(500);
        Seeds.ok(step(seeds.adviser(), id, "proposals/P2/agree", 4), 200);
        // the first agreement's hold can never be used: voided at once, grace or not
        try (ReconcileOnSchedule patient = world.reconciliation(Map.of("sse.brokerage.orphan-grace", "1h"))) {
            assertThat(repairs(patient)).containsEntry("hold-voided", 1);
        }
        assertThat(seeds.transfer(Brokerage.holdId(id, "P1", 4)).map()).containsEntry("state", "VOIDED");
        assertThat(seeds.transfer(Brokerage.holdId(id, "P2", 4)).map()).containsEntry("state", "PENDING");
        assertThat(eventsOf(id, 6)).extracting(EventEnvelope::type).contains("brokerage.reconciliation.hold-voided");
        seeds.assertLedgerChecksOut();
    }

    @Test
    void anEngagementWhoseHoldLapsedIsFlaggedForAPersonAndAHoldNearItsTimeoutIsExtended() throws Exception {
        try (LambdaInstance shortHolds = world.brokerage(Map.of("sse.brokerage.hold-timeout", "2s"))) {
            String lapses = accepted(readingOffer, PROVIDER_SCHOOL, 20);
            Seeds.ok(
                    shortHolds.post(
                            "/requests/" + lapses + "/proposals/P1/agree", seeds.school(SCHOOL), Map.of("version", 3)),
                    200);
            // nobody kept the hold: it lapses, and the ledger's sweeper releases the school's credits
            Thread.sleep(2_100);
            world.ledger.lambda().context().getBean(ExpireDueHolds.class).sweep(1000);
            assertThat(seeds.transfer(Brokerage.holdId(lapses, "P1", 3)).map()).containsEntry("state", "VOIDED");
            assertThat(repairs(reconciliation)).containsEntry("needs-attention", 1);
            assertThat(repairs(reconciliation)).as("flagged once").doesNotContainKey("needs-attention");
            EventEnvelope flag = eventsOf(lapses, 5).stream()
                    .filter(e -> e.type().equals("brokerage.reconciliation.needs-attention"))
                    .findFirst()
                    .orElseThrow();
            assertThat((String) flag.data().get("detail")).contains("VOIDED");
            // a person decides: cancelling it settles the request with the ledger
            Seeds.ok(
                    step(seeds.adviser(), lapses, "cancel", 4, Map.of("reason", "the hold lapsed; agreeing again")),
                    200);
            assertAgrees(lapses);
        }
        // a hold placed for two minutes and kept by a reconciliation that keeps holds for an hour is extended at once
        try (LambdaInstance brief = world.brokerage(Map.of("sse.brokerage.hold-timeout", "2m"));
                ReconcileOnSchedule keeper = world.reconciliation(Map.of("sse.brokerage.hold-timeout", "1h"))) {
            String id = accepted(readingOffer, PROVIDER_SCHOOL, 20);
            Seeds.ok(
                    brief.post("/requests/" + id + "/proposals/P1/agree", seeds.school(SCHOOL), Map.of("version", 3)),
                    200);
            String hold = Brokerage.holdId(id, "P1", 3);
            Instant before = Instant.parse((String) seeds.transfer(hold).map().get("timeout"));
            assertThat(repairs(keeper)).containsKey("extended");
            Instant after = Instant.parse((String) seeds.transfer(hold).map().get("timeout"));
            assertThat(after).isAfter(before.plus(Duration.ofMinutes(50)));
        }
    }

    /**
     * Eight threads, each on a Lambda instance of its own, take requests through their lives with a third of the
     * two-write steps killed between the writes, while reconciliation runs over and over on another; the last run leaves
     * every request and its holds agreeing and the ledger checking out.
     */
    @Test
    void manyJourneysKilledAtRandomWhileReconciliationRunsEndAgreeing() throws Exception {
        int threads = 8;
        List<LambdaInstance> instances = java.util.stream.IntStream.range(0, threads)
                .parallel()
                .mapToObj(i -> world.brokerage(Map.of("sse.test.crashes", "on")))
                .toList();
        List<String> requests = new CopyOnWriteArrayList<>();
        AtomicInteger kills = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Integer> repaired = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> reconciler = pool.submit(() -> {
                while (running.get()) {
                    repairs(reconciliation).forEach((k, v) -> repaired.merge(k, ((Number) v).intValue(), Integer::sum));
                }
                return null;
            });
            List<Future<?>> journeys = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                LambdaInstance instance = instances.get(t);
                Random random = new Random(20261206L + t);
                journeys.add(pool.submit(() -> {
                    for (int j = 0; j < 3; j++) {
                        requests.add(journey(instance, random, kills));
                    }
                    return null;
                }));
            }
            for (Future<?> f : journeys) {
                f.get();
            }
            running.set(false);
            reconciler.get();
        } finally {
            pool.shutdownNow();
            instances.forEach(LambdaInstance::close);
        }
        repairs(reconciliation);
        assertThat(kills.get()).as("journeys killed").isPositive();
        for (String id : requests) {
            assertAgrees(id);
        }
        assertThat(repairs(reconciliation)).as("nothing left to repair").isEmpty();
        seeds.assertLedgerChecksOut();
        System.out.printf(
                "reconciliation under load: %d requests, %d kills, repairs %s%n",
                requests.size(), kills.get(), repaired);
    }

    // ---- helpers

    /** One request taken as far as it goes: proposed, accepted, agreed, started, completed or cancelled; steps killed at random. */
    private String journey(LambdaInstance instance, Random random, AtomicInteger kills) {
        String id = (String) Seeds.ok(
                        instance.send(
                                "POST",
                                "/requests",
                                seeds.adviser(),
                                need(SCHOOL, List.of("CT.READ"), 60),
                                Map.of("idempotency-key", UUID.randomUUID().toString())),
                        201)
                .map()
                .get("id");
        List<String[]> path = List.of(
                new String[] {"proposals", "broker"},
                new String[] {"proposals/P1/accept", "provider"},
                new String[] {"proposals/P1/agree", "school"},
                new String[] {"start", "broker"},
                new String[] {random.nextBoolean() ? "complete" : "cancel", "broker"});
        for (String[] step : path) {
            Api.Reply current = instance.get("/requests/" + id, seeds.broker());
            long version = ((Number) current.map().get("version")).longValue();
            Map<String, Object> body = new HashMap<>();
            body.put("version", version);
            switch (step[0]) {
                case "proposals" ->
                    body.put(
                            "offers",
                            List.of(Map.of("offerId", readingOffer, "days", 2, "credits", 10 + random.nextInt(10))));
                case "complete" -> body.put("daysDelivered", random.nextInt(3));
                case "cancel" -> body.put("reason", "changed plans");
                default -> {}
            }
            boolean kill = (step[0].endsWith("agree") || step[0].equals("complete") || step[0].equals("cancel"))
                    && random.nextInt(3) == 0;
            if (kill) {
                Crashes.arm(step[0].endsWith("agree") ? Crashes.When.BEFORE_WRITE : Crashes.When.AFTER_WRITE);
            }
            Api.Reply reply;
            try {
                reply = instance.post("/requests/" + id + "/" + step[0], who(step[1]), body);
            } finally {
                Crashes.disarm();
            }
            if (reply.status() == 500 && kill) {
                kills.incrementAndGet();
                if (step[0].endsWith("agree")) {
                    return id; // the caller walked away: reconciliation releases the hold
                }
                continue;
            }
            if (reply.status() != 200) {
                return id; // e.g. stale after reconciliation moved the request on: a person would read it again
            }
        }
        return id;
    }

    private String who(String role) {
        return switch (role) {
            case "broker" -> seeds.broker();
            case "provider" -> seeds.school(PROVIDER_SCHOOL);
            default -> seeds.school(SCHOOL);
        };
    }

    /** The request's engagement hold is as it says; no other hold of it is pending at the ledger. */
    @SuppressWarnings("unchecked")
    private void assertAgrees(String id) {
        Map<String, Object> r = read(seeds.broker(), id).map();
        Map<String, Object> engagement = (Map<String, Object>) r.get("engagement");
        String engaged = engagement == null ? null : (String) engagement.get("holdId");
        if (engagement != null) {
            Map<String, Object> hold = seeds.transfer(engaged).map();
            switch ((String) engagement.get("hold")) {
                case "HELD" -> assertThat(hold).as(id).containsEntry("state", "PENDING");
                case "POSTED" ->
                    assertThat(hold)
                            .as(id)
                            .containsEntry("state", "POSTED")
                            .containsEntry("postedAmount", engagement.get("creditsPosted"));
                default -> assertThat(hold).as(id).containsEntry("state", "VOIDED");
            }
        }
        String cursor = null;
        do {
            Api.Reply page = seeds.ledger()
                    .get("/holds?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), seeds.brokerageService());
            for (Map<String, Object> h : (List<Map<String, Object>>) page.map().get("items")) {
                String hold = (String) h.get("id");
                if (hold.startsWith(Brokerage.HOLD_PREFIX + id + ".")) {
                    assertThat(hold).as("a pending hold of " + id).isEqualTo(engaged);
                    assertThat(engagement.get("hold")).isEqualTo("HELD");
                }
            }
            cursor = (String) page.map().get("next");
        } while (cursor != null);
    }

    private int killed(
            Crashes.When when, String id, String step, long version, Map<String, Object> rest, String bearer) {
        Map<String, Object> body = new HashMap<>(rest);
        body.put("version", version);
        Crashes.arm(when);
        try {
            return killable.post("/requests/" + id + "/" + step, bearer, body).status();
        } finally {
            Crashes.disarm();
        }
    }

    /** Proposed the offer, accepted by its provider: at version 3. */
    private String accepted(String offer, String provider, long credits) {
        String id = raised(SCHOOL, List.of("CT.MATHS", "CT.READ"), 60);
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", offer, "days", 2, "credits", credits)))),
                200);
        Seeds.ok(
                step(
                        provider.equals(HUB) ? seeds.token(Role.PROVIDER, AREA, HUB) : seeds.school(provider),
                        id,
                        "proposals/P1/accept",
                        2),
                200);
        return id;
    }

    /** Agreed by the school and started: at version 5. */
    private String delivering(String offer, String provider, long credits) {
        String id = accepted(offer, provider, credits);
        Seeds.ok(step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3), 200);
        Seeds.ok(step(seeds.broker(), id, "start", 4), 200);
        return id;
    }

    @SuppressWarnings("unchecked")
    /**
     * One scheduled run's repairs. A run the ledger did not answer in time (ServiceBusy, on a loaded machine) repairs
     * nothing and the schedule runs again: so does this, a few times.
     */
    private static Map<String, Object> repairs(ReconcileOnSchedule handler) {
        for (int attempt = 1; ; attempt++) {
            try {
                return (Map<String, Object>)
                        handler.handleRequest(new ScheduledEvent(), null).get("repairs");
            } catch (uk.sse.kernel.problem.ServiceBusy busy) {
                if (attempt == 5) {
                    throw busy;
                }
            }
        }
    }

    private List<EventEnvelope> eventsOf(String id, int atLeast) throws Exception {
        return world.events(id, atLeast, json);
    }
}
