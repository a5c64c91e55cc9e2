package uk.sse.brokerage.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;
import uk.sse.testing.Tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.PROVIDER_SCHOOL;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

/**
 * Random steps from random callers, with the version read or a stale one, through the deployed handler with the real
 * ledger and directory: no answer is a server error, every request stays in a state the machine can reach with a
 * history as long as its version, an agreed engagement's hold is pending for exactly its credits, and once a request
 * is closed none of its holds is left pending. The model's own property test covers far more sequences; this one
 * shows the store and the ledger keep to it.
 */
class LifecycleAgainstTheRealLedgerPropertyTest {

    private static World world;
    private static LambdaInstance brokerage;
    private static Seeds seeds;
    private static List<String> offers;

    enum Who { ADVISER, BROKER, SCHOOL, HUB, PROVIDER_SCHOOL, OTHER_BROKER }

    enum What { PROPOSE, ACCEPT, DECLINE, AGREE, START, COMPLETE, EVALUATE_SCHOOL, EVALUATE_IMPACT, CANCEL, WITHDRAW }

    record Step(Who who, What what, int proposal, int days, boolean stale) { }

    @BeforeContainer
    static void start() {
        world = World.start(LifecycleAgainstTheRealLedgerPropertyTest.class);
        brokerage = world.brokerage();
        seeds = new Seeds(world, brokerage.context().getBean(Tokens.class)).registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 100_000);
        offers = List.of(seeds.approvedOffer(HUB, "Maths mastery", List.of("CT.MATHS"), 30),
                seeds.approvedOffer(PROVIDER_SCHOOL, "Early reading", List.of("CT.READ"), 20));
    }

    @AfterContainer
    static void stop() {
        brokerage.close();
        world.close();
    }

    @Property(tries = 12)
    void randomStepsKeepTheRequestAndItsHoldsConsistent(@ForAll("journeys") List<Step> steps) {
        Api.Reply raised = brokerage.send("POST", "/requests", seeds.adviser(),
                BrokerageLambdaTest.need(SCHOOL, List.of("CT.MATHS", "CT.READ"), 60), Map.of("idempotency-key", UUID.randomUUID().toString()));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = (String) raised.map().get("id");
        for (Step s : steps) {
            Map<String, Object> before = current(id);
            long version = ((Number) before.get("version")).longValue();
            Api.Reply reply = brokerage.post("/requests/" + id + "/" + path(s), token(s.who()), body(s, s.stale() ? version - 1 : version));
            assertThat(reply.status()).as(s + ": " + reply.body()).isLessThan(500);
            Map<String, Object> after = current(id);
            if (reply.status() == 200) {
                assertThat(((Number) after.get("version")).longValue()).isEqualTo(version + 1);
            } else {
                assertThat(reply.contentType()).as(s + ": " + reply.body()).startsWith("application/problem+json");
                assertThat(after).as("a refused step changes nothing").isEqualTo(before);
            }
            consistent(id, after);
        }
        String reached = (String) current(id).get("status");
        Statistics.label("final status").collect(reached);
        Statistics.label("engaged").collect(current(id).get("engagement") != null);
        Statistics.label("engaged").coverage(c -> c.check(true).count(n -> n > 0));
    }

    @SuppressWarnings("unchecked")
    private static void consistent(String id, Map<String, Object> r) {
        String status = (String) r.get("status");
        assertThat(Set.of("OPEN", "PROPOSED", "ACCEPTED", "AGREED", "IN_DELIVERY", "COMPLETED", "EVALUATED", "CANCELLED", "WITHDRAWN")).contains(status);
        assertThat((List<Object>) r.get("history")).hasSize(((Number) r.get("version")).intValue());
        Map<String, Object> engagement = (Map<String, Object>) r.get("engagement");
        boolean closed = Set.of("COMPLETED", "EVALUATED", "CANCELLED", "WITHDRAWN").contains(status);
        for (Map<String, Object> p : (List<Map<String, Object>>) r.get("proposals")) {
            String transfer = id + "." + p.get("id");
            Api.Reply hold = seeds.transfer(transfer);
            boolean engaged = engagement != null && transfer.equals(engagement.get("id"));
            if (engaged && Set.of("AGREED", "IN_DELIVERY").contains(status)) {
                assertThat(hold.map()).as(transfer).containsEntry("state", "PENDING").containsEntry("amount", engagement.get("credits"));
            } else if (hold.status() == 200) {
                assertThat(hold.map().get("state")).as(transfer + " in a request " + status).isNotEqualTo("PENDING");
            }
            if (closed && hold.status() == 200) {
                assertThat(hold.map().get("state")).as(transfer + " of a closed request").isNotEqualTo("PENDING");
            }
        }
        if (engagement == null) {
            assertThat(status).isIn("OPEN", "PROPOSED", "ACCEPTED", "CANCELLED", "WITHDRAWN");
        }
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
        };
    }

    private static Map<String, Object> body(Step s, long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        switch (s.what()) {
            case PROPOSE -> body.put("offers", List.of(Map.of("offerId", offers.get((s.proposal() + 1) % 2), "days", 1 + s.days() % 4, "credits", 10 + s.days())));
            case DECLINE, CANCEL, WITHDRAW -> body.put("reason", "changed plans");
            case COMPLETE -> body.put("daysDelivered", s.days() % 5);
            case EVALUATE_SCHOOL -> body.putAll(Map.of("rating", "SCHOOL", "score", 1 + s.days() % 5));
            case EVALUATE_IMPACT -> body.putAll(Map.of("rating", "IMPACT", "score", 1 + s.days() % 5));
            default -> { }
        }
        return body;
    }

    /** The happy path, in order: a journey follows a prefix of it, with random steps from random callers in between. */
    private static final List<What> HAPPY_PATH = List.of(What.PROPOSE, What.ACCEPT, What.AGREE, What.START, What.COMPLETE,
            What.EVALUATE_SCHOOL, What.EVALUATE_IMPACT);

    @Provide
    Arbitrary<List<Step>> journeys() {
        // the shape of a happy-path step: its days (which also pick who sends it) and whether it names a stale version
        Arbitrary<Step> rightful = Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 9))
                .as((days, chance) -> new Step(null, null, 1, days, chance == 9));
        Arbitrary<Step> random = Combinators.combine(Arbitraries.of(What.class), Arbitraries.of(Who.class), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 9))
                .as((w, anyone, pick, proposal, days, chance) -> new Step(chance < 5 ? rightful(w, pick) : anyone, w, proposal, days, chance == 9));
        return Combinators.combine(Arbitraries.integers().between(2, HAPPY_PATH.size()), rightful.list().ofSize(HAPPY_PATH.size()),
                random.list().ofMaxSize(8), Arbitraries.integers().between(0, 100).list().ofSize(8))
                .as((length, path, detours, positions) -> {
                    List<Step> journey = new ArrayList<>();
                    for (int i = 0; i < length; i++) {
                        Step shape = path.get(i);
                        What w = HAPPY_PATH.get(i);
                        journey.add(new Step(rightful(w, shape.days() % 3), w, 1, shape.days(), shape.stale()));
                    }
                    for (int i = 0; i < detours.size(); i++) {
                        journey.add(positions.get(i) % (journey.size() + 1), detours.get(i));
                    }
                    return journey;
                });
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
        };
    }
}
