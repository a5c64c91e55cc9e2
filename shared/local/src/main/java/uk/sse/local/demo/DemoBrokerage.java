package uk.sse.local.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import uk.sse.brokerage.application.MoveRequest;
import uk.sse.brokerage.application.Moved;
import uk.sse.brokerage.application.ProposeOffers;
import uk.sse.brokerage.application.RaiseRequest;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Rating;
import uk.sse.brokerage.model.Urgency;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;

/**
 * The demo area's brokerage, made through the brokerage's own use cases (which call the directory and the ledger
 * over HTTP, as in AWS) by its adviser, broker, schools and providers: requests waiting in the queue, one proposed,
 * one agreed (its credits held), one delivered, paid and evaluated. The requesting schools are the area's own,
 * with accounts and a term's credits from {@link DemoLedger}.
 */
public final class DemoBrokerage {

    private DemoBrokerage() {}

    /** How many requests were made, by status. */
    public record Seeded(Map<String, Integer> byStatus) {
        public int requests() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The needs raised, most of the demo's areas of support, each with how far it is taken. */
    private record Visit(String code, String need, Urgency urgency, int days, long credits, int stage) {}

    private static final List<Visit> VISITS = List.of(
            new Visit(
                    "INC.SEND",
                    "Our SENCo is new and the provision map is out of date; 14 pupils with EHCPs.",
                    Urgency.URGENT,
                    3,
                    30,
                    0),
            new Visit(
                    "AB.ATT",
                    "Persistent absence is 24% in Year 9; we want a plan the pastoral team can run.",
                    Urgency.HIGH,
                    4,
                    30,
                    0),
            new Visit(
                    "CT.READ",
                    "Phonics screening check pass rate fell to 62%; Year 1 staff are new to the scheme.",
                    Urgency.MEDIUM,
                    4,
                    30,
                    1),
            new Visit(
                    "CT.MATHS",
                    "Number sense in key stage 1: half of Year 2 are not secure with bonds to 10.",
                    Urgency.HIGH,
                    3,
                    30,
                    2),
            new Visit(
                    "LG",
                    "A new governing board wants help to hold leaders to account on the curriculum.",
                    Urgency.LOW,
                    2,
                    20,
                    3));

    public static Seeded seed(DemoDirectory demo, RaiseRequest raise, ProposeOffers propose, MoveRequest move) {
        String area = demo.demoArea();
        List<Provider> schools = demo.providers().stream()
                .filter(p -> p.area().equals(area) && p.type() == ProviderType.SCHOOL)
                .toList();
        Caller adviser = new Caller("demo-adviser", Role.ADVISER, area, null);
        Caller broker = new Caller("demo-broker", Role.BROKER, area, null);
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (int i = 0; i < VISITS.size() && i + 6 < schools.size(); i++) {
            Visit v = VISITS.get(i);
            Provider school = schools.get(i + 6); // the first six already pay or hold in the demo ledger
            RaiseRequest.Form form = new RaiseRequest.Form(
                    school.urn(),
                    List.of(v.code()),
                    v.need(),
                    v.urgency(),
                    v.days(),
                    List.of(DeliveryMode.IN_SCHOOL),
                    LocalDate.now().plusWeeks(6),
                    v.credits(),
                    List.of());
            BrokerageRequest r =
                    done(raise.raise(adviser, form, "demo-visit-" + i)).request();
            if (v.stage() > 0) {
                List<String> notFrom = new java.util.ArrayList<>(
                        schools.subList(0, 3).stream().map(Provider::id).toList());
                notFrom.add(school.id()); // nor the school itself
                Offer offer = offerFor(demo, v.code(), notFrom);
                r = step(propose.propose(
                        broker,
                        r.id(),
                        r.version(),
                        List.of(new ProposeOffers.Offer(offer.id(), v.days(), Math.min(v.credits(), 20))),
                        "a good fit nearby"));
                if (v.stage() > 1) {
                    Caller provider =
                            new Caller("demo-provider-" + offer.providerId(), Role.PROVIDER, area, offer.providerId());
                    r = move(move, provider, r, (a, at, ver) -> new Command.Accept(a, at, ver, "P1"));
                    r = move(move, adviser, r, (a, at, ver) -> new Command.Agree(a, at, ver, "P1"));
                }
                if (v.stage() > 2) {
                    r = move(move, broker, r, (a, at, ver) -> new Command.StartDelivery(a, at, ver));
                    r = move(
                            move,
                            broker,
                            r,
                            (a, at, ver) ->
                                    new Command.Complete(a, at, ver, v.days(), OptionalLong.empty(), "delivered"));
                    Caller schoolCaller = new Caller("demo-school-" + school.urn(), Role.PROVIDER, area, school.urn());
                    r = move(
                            move,
                            schoolCaller,
                            r,
                            (a, at, ver) ->
                                    new Command.Evaluate(a, at, ver, Rating.SCHOOL, 5, "practical and well paced"));
                    r = move(
                            move,
                            adviser,
                            r,
                            (a, at, ver) -> new Command.Evaluate(
                                    a, at, ver, Rating.IMPACT, 4, "governors now ask sharper questions"));
                }
            }
            byStatus.merge(r.status().name(), 1, Integer::sum);
        }
        return new Seeded(byStatus);
    }

    /**
     * An approved offer in the area under {@code code}, from none of the schools causing concern (the first three,
     * given extra credits by {@link DemoLedger}): they receive support rather than give it.
     */
    private static Offer offerFor(DemoDirectory demo, String code, List<String> notFrom) {
        return demo.offers().stream()
                .filter(o -> o.area().equals(demo.demoArea())
                        && o.visibleToAdvisers(LocalDate.now())
                        && !notFrom.contains(o.providerId()))
                .filter(o ->
                        o.content().areasOfSupport().stream().anyMatch(a -> a.equals(code) || a.startsWith(code + ".")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo directory has no approved offer under " + code));
    }

    @FunctionalInterface
    private interface Step {
        Command.Change at(uk.sse.brokerage.model.Actor actor, java.time.Instant at, long version);
    }

    private static BrokerageRequest move(MoveRequest move, Caller caller, BrokerageRequest r, Step step) {
        return step(move.move(caller, r.id(), (actor, at) -> step.at(actor, at, r.version())));
    }

    private static BrokerageRequest step(Outcome<Moved> outcome) {
        if (outcome instanceof Outcome.Done<Moved> done && done.value() instanceof Moved.Done moved) {
            return moved.request();
        }
        throw new IllegalStateException("a demo brokerage step was refused: " + outcome);
    }

    private static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        throw new IllegalStateException("a demo request was refused: " + outcome);
    }
}
