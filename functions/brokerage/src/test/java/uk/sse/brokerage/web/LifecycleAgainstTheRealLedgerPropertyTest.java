package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.PROVIDER_SCHOOL;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.reconcile.ReconcileOnSchedule;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;
import uk.sse.testing.Tokens;

/**
 * Random steps from random callers, with the version read or a stale one, through the deployed handler with the real
 * ledger and directory, some of them killed between the brokerage's two writes ({@link Crashes}: after an agreement's
 * hold and before its write, or after a completion or close is written and before the ledger posts or voids), with the
 * scheduled reconciliation run at random points: no answer but a killed one is a server error, every request stays in a
 * state the machine can reach with a history as long as its version, an engagement held by the request is held by the
 * ledger for exactly its credits, and after a last reconciliation the ledger and the request agree on every hold (held,
 * posted for what the request says, or voided; nothing else pending) and the ledger's invariants hold. The model's own
 * property test covers far more sequences; this one shows the store, the ledger and reconciliation keep to it.
 */
class LifecycleAgainstTheRealLedgerPropertyTest {

    private static World world;
    private static LambdaInstance brokerage;
    private static Seeds seeds;
    private static List<String> offers;

    enum Who {
        ADVISER,
        BROKER,
        SCHOOL,
        HUB,
        PROVIDER_SCHOOL,
        OTHER_BROKER
    }

    enum What {
        PROPOSE,
        ACCEPT,
        DECLINE,
        AGREE,
        START,
        COMPLETE,
        EVALUATE_SCHOOL,
        EVALUATE_IMPACT,
        CANCEL,
        WITHDRAW,
        RECONCILE
    }

    record Step(Who who, What what, int proposal, int days, boolean stale, boolean crash) {
        Step(Who who, What what, int proposal, int days, boolean stale) {
            this(who, what, proposal, days, stale, false);
        }
    }

    private static ReconcileOnSchedule reconciliation;

    @BeforeContainer
    static void start() {
        world = World.start(LifecycleAgainstTheRealLedgerPropertyTest.class);
        brokerage = world.brokerage(Map.of("sse.test.crashes", "on"));
        // no grace: a hold whose agreement was killed is released at the next run (the model's property covers the
        // grace)
        reconciliation = world.reconciliation(Map.of("sse.brokerage.orphan-grace", "0s"));
        seeds = new Seeds(world, brokerage.context().getBean(Tokens.class)).registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 100_000);
        offers = List.of(
                seeds.approvedOffer(HUB, "Maths mastery", List.of("CT.MATHS"), 30),
                seeds.approvedOffer(PROVIDER_SCHOOL, "Early reading", List.of("CT.READ"), 20));
    }

    @AfterContainer
    static void stop() {
        reconciliation.close();
        brokerage.close();
        world.close();
    }

    @Property(tries = 25)
    void randomStepsCrashesAndReconciliationKeepTheRequestAndTheLedgerAgreeing(@ForAll("journeys") List<Step> steps) {
        Api.Reply raised = brokerage.send(
                "POST",
                "/requests",
                seeds.adviser(),
                BrokerageLambdaTest.need(SCHOOL, List.of("CT.MATHS", "CT.READ"), 60),
                Map.of("idempotency-key", UUID.randomUUID().toString()));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = (String) raised.map().get("id");
        for (Step s : steps) {
            if (s.what() == What.RECONCILE) {
                reconcile();
                consistent(id, current(id));
                continue;
            }
            Map<String, Object> before = current(id);
            long version = ((Number) before.get("version")).longValue();
            if (s.crash()) {
                Crashes.arm(s.what() == What.AGREE ? Crashes.When.BEFORE_WRITE : Crashes.When.AFTER_WRITE);
            }
            Api.Reply reply;
            try {
                reply = brokerage.post(
                        "/requests/" + id + "/" + path(s), token(s.who()), body(s, s.stale() ? version - 1 : version));
            } finally {
                Crashes.disarm();
            }
            Map<String, Object> after = current(id);
            if (reply.status() == 500 && s.crash()) {
                // killed: before its write nothing of the request changed; after it, the step stands
                Statistics.label("killed").collect(s.what());
                long now = ((Number) after.get("version")).longValue();
                assertThat(now).isIn(version, version + 1);
                consistent(id, after);
                continue;
            }
            assertThat(reply.status()).as(s + ": " + reply.body()).isLessThan(500);
            if (reply.status() == 200) {
                assertThat(((Number) after.get("version")).longValue()).isEqualTo(version + 1);
            } else {
                assertThat(reply.contentType()).as(s + ": " + reply.body()).startsWith("application/problem+json");
                assertThat(after).as("a refused step changes nothing").isEqualTo(before);
            }
            consistent(id, after);
        }
        // the last reconciliation leaves nothing to repair: a second finds nothing to do
        reconcile();
        Map<String, Object> settled = current(id);
        agree(id, settled);
        assertThat(reconcile()).as("a second pass repairs nothing").isEmpty();
        seeds.assertLedgerChecksOut();
        String reached = (String) settled.get("status");
        Statistics.label("final status").collect(reached);
        Statistics.label("engaged").collect(current(id).get("engagement") != null);
        Statistics.label("engaged").coverage(c -> c.check(true).count(n -> n > 0));
    }

    /** After each step: the request is one the machine makes, and an engagement it holds is held by the ledger. */
    @SuppressWarnings("unchecked")
    private static void consistent(String id, Map<String, Object> r) {
        String status = (String) r.get("status");
        assertThat(Set.of(
                        "OPEN",
                        "PROPOSED",
                        "ACCEPTED",
                        "AGREED",
                        "IN_DELIVERY",
                        "COMPLETED",
                        "EVALUATED",
                        "CANCELLED",
                        "WITHDRAWN"))
                .contains(status);
        assertThat((List<Object>) r.get("history")).hasSize(((Number) r.get("version")).intValue());
        Map<String, Object> engagement = (Map<String, Object>) r.get("engagement");
        if (engagement == null) {
            assertThat(status).isIn("OPEN", "PROPOSED", "ACCEPTED", "CANCELLED", "WITHDRAWN");
        } else if ("HELD".equals(engagement.get("hold"))) {
            assertThat(Set.of("AGREED", "IN_DELIVERY")).contains(status);
            assertThat(seeds.transfer((String) engagement.get("holdId")).map())
                    .containsEntry("state", "PENDING")
                    .containsEntry("amount", engagement.get("credits"));
        }
    }

    /**
     * After the last reconciliation: the engagement's hold is as the request says (held, posted for its credits posted, or
     * voided), and the ledger holds nothing else pending for the request.
     */
    @SuppressWarnings("unchecked")
    private static void agree(String id, Map<String, Object> r) {
        consistent(id, r);
        Map<String, Object> engagement = (Map<String, Object>) r.get("engagement");
        String engaged = engagement == null ? null : (String) engagement.get("holdId");
        if (engagement != null) {
            Map<String, Object> hold = seeds.transfer(engaged).map();
            switch ((String) engagement.get("hold")) {
                case "HELD" -> assertThat(hold).containsEntry("state", "PENDING");
                case "POSTED" ->
                    assertThat(hold)
                            .containsEntry("state", "POSTED")
                            .containsEntry("postedAmount", engagement.get("creditsPosted"));
                default -> assertThat(hold).containsEntry("state", "VOIDED");
            }
        }
        List<String> pending = pendingHoldsOf(id);
        assertThat(pending)
                .as("pending holds of " + id)
                .allMatch(h -> h.equals(engaged) && "HELD".equals(engagement.get("hold")));
    }

    /** The ledger's pending engagement holds of the request, as the brokerage service lists them. */
    @SuppressWarnings("unchecked")
    private static List<String> pendingHoldsOf(String id) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply page = seeds.ledger()
                    .get("/holds?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), seeds.brokerageService());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            ((List<Map<String, Object>>) page.map().get("items"))
                    .stream()
                            .map(h -> (String) h.get("id"))
                            .filter(h -> h.startsWith(Brokerage.HOLD_PREFIX + id + "."))
                            .forEach(found::add);
            cursor = (String) page.map().get("next");
        } while (cursor != null);
        return found;
    }

    /** One run of the scheduled reconciliation, through its Lambda handler: the repairs it made. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> reconcile() {
        Map<String, Object> report = reconciliation.handleRequest(new ScheduledEvent(), null);
        Map<String, Object> repairs = (Map<String, Object>) report.get("repairs");
        repairs.keySet().forEach(k -> Statistics.label("repairs").collect(k));
        Map<String, Object> made = new HashMap<>(repairs);
        made.remove("extended");
        return made;
    }

    private static Map<String, Object> current(String id) {
        Api.Reply reply = brokerage.get("/requests/" + id, seeds.broker());
        assertThat(reply.status()).isEqualTo(200);
        return reply.map();
    }

    private static String token(Who who) {
        return switch (who) {
            case ADVISER -> seeds.adviser();
            case BROKER -> seeds.broker();
            case OTHER_BROKER -> seeds.token(Role.BROKER, Seeds.OTHER_AREA, "la-" + Seeds.OTHER_AREA);
            case SCHOOL -> seeds.school(SCHOOL);
            case HUB -> seeds.token(Role.PROVIDER, AREA, HUB);
            case PROVIDER_SCHOOL -> seeds.school(PROVIDER_SCHOOL);
        };
    }

    private static String path(Step s) {
        String p = "proposals/P" + s.proposal() + "/";
        return switch (s.what()) {
            case PROPOSE -> "proposals";
            case ACCEPT -> p + "accept";
            case DECLINE -> p + "decline";
            case AGREE -> p + "agree";
            case START -> "start";
            case COMPLETE -> "complete";
            case EVALUATE_SCHOOL, EVALUATE_IMPACT -> "evaluations";
            case CANCEL -> "cancel";
            case WITHDRAW -> "withdraw";
            case RECONCILE -> throw new IllegalStateException("not a request step");
        };
    }

    private static Map<String, Object> body(Step s, long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        switch (s.what()) {
            case PROPOSE ->
                body.put(
                        "offers",
                        List.of(Map.of(
                                "offerId",
                                offers.get((s.proposal() + 1) % 2),
                                "days",
                                1 + s.days() % 4,
                                "credits",
                                10 + s.days())));
            case DECLINE, CANCEL, WITHDRAW -> body.put("reason", "changed plans");
            case COMPLETE -> body.put("daysDelivered", s.days() % 5);
            case EVALUATE_SCHOOL -> body.putAll(Map.of("rating", "SCHOOL", "score", 1 + s.days() % 5));
            case EVALUATE_IMPACT -> body.putAll(Map.of("rating", "IMPACT", "score", 1 + s.days() % 5));
            default -> {}
        }
        return body;
    }

    /** The happy path, in order: a journey follows a prefix of it, with random steps from random callers in between. */
    private static final List<What> HAPPY_PATH = List.of(
            What.PROPOSE,
            What.ACCEPT,
            What.AGREE,
            What.START,
            What.COMPLETE,
            What.EVALUATE_SCHOOL,
            What.EVALUATE_IMPACT);

    @Provide
    Arbitrary<List<Step>> journeys() {
        // the shape of a happy-path step: its days (which also pick who sends it) and whether it names a stale version
        Arbitrary<Step> rightful = Combinators.combine(
                        Arbitraries.integers().between(0, 8),
                        Arbitraries.integers().between(0, 9))
                .as((days, chance) -> new Step(null, null, 1, days, chance == 9));
        Arbitrary<Step> random = Combinators.combine(
                        Arbitraries.of(What.class),
                        Arbitraries.of(Who.class),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(0, 8),
                        Arbitraries.integers().between(0, 9))
                .as((w, anyone, pick, proposal, days, chance) -> new Step(
                        w == What.RECONCILE || chance < 5 ? rightful(w, pick) : anyone,
                        w,
                        proposal,
                        days,
                        chance == 9,
                        killable(w) && chance >= 6));
        return Combinators.combine(
                        Arbitraries.integers().between(2, HAPPY_PATH.size()),
                        rightful.list().ofSize(HAPPY_PATH.size()),
                        random.list().ofMaxSize(8),
                        Arbitraries.integers().between(0, 100).list().ofSize(8))
                .as((length, path, detours, positions) -> {
                    List<Step> journey = new ArrayList<>();
                    for (int i = 0; i < length; i++) {
                        Step shape = path.get(i);
                        What w = HAPPY_PATH.get(i);
                        // one happy step in three that can be killed between its writes is
                        journey.add(new Step(
                                rightful(w, shape.days() % 3),
                                w,
                                1,
                                shape.days(),
                                shape.stale(),
                                killable(w) && shape.days() % 3 == 0));
                    }
                    for (int i = 0; i < detours.size(); i++) {
                        journey.add(positions.get(i) % (journey.size() + 1), detours.get(i));
                    }
                    return journey;
                });
    }

    /** The steps with two writes, the ledger's and the request's, that a crash can come between. */
    private static boolean killable(What what) {
        return what == What.AGREE || what == What.COMPLETE || what == What.CANCEL || what == What.WITHDRAW;
    }

    /** Who may take the step (the hub's offer is proposed first, so P1 is usually the hub's). */
    private static Who rightful(What what, int pick) {
        return switch (what) {
            case PROPOSE, START, COMPLETE -> Who.BROKER;
            case ACCEPT, DECLINE -> pick < 3 ? Who.HUB : Who.PROVIDER_SCHOOL;
            case AGREE -> pick % 2 == 0 ? Who.SCHOOL : Who.ADVISER;
            case EVALUATE_SCHOOL, WITHDRAW -> Who.SCHOOL;
            case EVALUATE_IMPACT -> Who.ADVISER;
            case CANCEL -> pick % 2 == 0 ? Who.ADVISER : Who.BROKER;
            case RECONCILE -> Who.BROKER;
        };
    }
}
