package uk.sse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Rating;
import uk.sse.brokerage.model.Result;
import uk.sse.brokerage.model.Urgency;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.directory.application.OfferStore;
import uk.sse.directory.application.RecordOutcomes;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.notifier.model.Filters;
import uk.sse.notifier.model.NoticeKind;
import uk.sse.notifier.model.Notices;
import uk.sse.notifier.model.SlackMessages;
import uk.sse.notifier.model.TeamsCards;
import uk.sse.notifier.model.Watches;
import uk.sse.reporting.model.RequestHistory;
import uk.sse.reporting.model.RequestRows;

/**
 * Every type of the brokerage's events, made by the brokerage's own model, fed to every consumer of them: the notifier
 * (messages, notices, watches, filters), reporting (the request's rows) and the directory's quality signals. A change
 * to an event's shape that a consumer does not follow fails here, in the build.
 */
class BrokerageEventsReachEveryConsumerTest {

    static final Instant T0 = Instant.parse("2026-09-07T09:00:00Z");
    static final Actor ADVISER = Actor.adviser("ann", "888");
    static final Actor BROKER = Actor.broker("bob", "888");
    static final Actor SCHOOL = Actor.school("sue", "100001");
    static final Actor PROVIDER = Actor.provider("pat", "P-A");
    static final Taxonomy TAXONOMY = Taxonomy.standard();

    private static Instant t(int hours) {
        return T0.plusSeconds(3600L * hours);
    }

    private static Result.Applied raise(String id) {
        return (Result.Applied) Brokerage.raise(new Command.Raise(
                ADVISER,
                T0,
                id,
                "100001",
                "888",
                List.of("CT.READ", "INC.SEND"),
                "Phonics for year 1",
                Urgency.HIGH,
                4,
                List.of(DeliveryMode.IN_SCHOOL),
                LocalDate.of(2026, 12, 1),
                20,
                List.of(),
                "Ash Primary"));
    }

    private static BrokerageRequest step(List<EventEnvelope> events, BrokerageRequest r, Command.Change c) {
        Result result = Brokerage.apply(r, c);
        assertThat(result).as("the brokerage applies %s", c).isInstanceOf(Result.Applied.class);
        Result.Applied applied = (Result.Applied) result;
        events.add(applied.event());
        return applied.request();
    }

    /** R-1 through its whole life, with a refused hold, a released hold and every repair; R-2 cancelled; R-3 withdrawn. */
    static Map<String, List<EventEnvelope>> everyType() {
        Map<String, List<EventEnvelope>> byRequest = new LinkedHashMap<>();
        List<EventEnvelope> one = new ArrayList<>();
        Result.Applied raised = raise("R-1");
        one.add(raised.event());
        BrokerageRequest r = raised.request();
        r = step(
                one,
                r,
                new Command.Propose(
                        BROKER,
                        t(1),
                        1,
                        List.of(new Command.Offered("O-1", "P-A", 4, 12), new Command.Offered("O-2", "P-B", 2, 8)),
                        null));
        r = step(one, r, new Command.Accept(PROVIDER, t(2), 2, "P1"));
        r = step(one, r, new Command.Decline(Actor.provider("pia", "P-B"), t(3), 3, "P2", "no capacity this term"));
        one.add(Brokerage.holdRefused(
                r, new Command.Agree(SCHOOL, t(4), r.version(), "P1"), "INSUFFICIENT_FUNDS: 5 available"));
        Result.Applied released =
                (Result.Applied) Brokerage.releaseHold(r, Brokerage.holdId(r.id(), "P1", r.version()), t(5));
        one.add(released.event());
        r = released.request();
        r = step(one, r, new Command.Agree(SCHOOL, t(48), r.version(), "P1"));
        r = step(one, r, new Command.StartDelivery(BROKER, t(72), r.version()));
        r = step(one, r, new Command.Complete(BROKER, t(200), r.version(), 3, OptionalLong.empty(), null));
        r = step(one, r, new Command.Evaluate(SCHOOL, t(220), r.version(), Rating.SCHOOL, 4, null));
        r = step(one, r, new Command.Evaluate(ADVISER, t(240), r.version(), Rating.IMPACT, 5, null));
        String hold = r.engagement().holdId();
        for (String repair : List.of("post-redriven", "void-redriven", "hold-voided", "needs-attention")) {
            one.add(Brokerage.repaired(r, repair, hold, "what reconciliation found", t(300)));
        }
        byRequest.put("R-1", one);

        List<EventEnvelope> two = new ArrayList<>();
        raised = raise("R-2");
        two.add(raised.event());
        r = raised.request();
        r = step(two, r, new Command.Propose(BROKER, t(1), 1, List.of(new Command.Offered("O-1", "P-A", 4, 12)), null));
        r = step(two, r, new Command.Accept(PROVIDER, t(2), 2, "P1"));
        r = step(two, r, new Command.Agree(SCHOOL, t(3), 3, "P1"));
        step(two, r, new Command.Cancel(ADVISER, t(4), 4, "no longer needed"));
        byRequest.put("R-2", two);

        List<EventEnvelope> three = new ArrayList<>();
        raised = raise("R-3");
        three.add(raised.event());
        step(three, raised.request(), new Command.Withdraw(SCHOOL, t(1), 1, "found support elsewhere"));
        byRequest.put("R-3", three);
        return byRequest;
    }

    static List<EventEnvelope> all() {
        return everyType().values().stream().flatMap(List::stream).toList();
    }

    @Test
    void theBrokeragesModelMakesEveryTypeAndEachMeetsItsContract() {
        assertThat(all()).extracting(EventEnvelope::type).containsAll(BrokerageEvent.TYPES);
        assertThat(all().stream().map(EventEnvelope::type).distinct().toList()).hasSameSizeAs(BrokerageEvent.TYPES);
        for (EventEnvelope e : all()) {
            BrokerageEvent read = BrokerageEvent.read(e.type(), e.occurredAt(), e.area(), e.data())
                    .orElseThrow();
            assertThat(read.eventId()).isEqualTo(e.id());
            assertThat(read.data()).isEqualTo(e.data());
        }
    }

    /** The notifier's messages say what each type adds, in Slack's form and Teams'. */
    @Test
    void theNotifierSaysWhatEveryTypeAdds() {
        Map<String, List<String>> adds = Map.ofEntries(
                Map.entry(
                        BrokerageEvent.REQUEST_CREATED,
                        List.of("Days wanted", "Wanted by", "Credits", "Phonics for year 1")),
                Map.entry(BrokerageEvent.REQUEST_PROPOSED, List.of("Proposed", " offer")),
                Map.entry(BrokerageEvent.PROPOSAL_ACCEPTED, List.of("Proposal", "P1: offer O-1 from P-A")),
                Map.entry(
                        BrokerageEvent.PROPOSAL_DECLINED,
                        List.of("Proposal", "P2: offer O-2 from P-B", "no capacity this term")),
                Map.entry(BrokerageEvent.HOLD_REFUSED, List.of("Credits", "INSUFFICIENT_FUNDS")),
                Map.entry(BrokerageEvent.HOLD_RELEASED, List.of("Reason", "was never written")),
                Map.entry(BrokerageEvent.ENGAGEMENT_AGREED, List.of("Engagement", "4 days, 12 credits, provider P-A")),
                Map.entry(BrokerageEvent.ENGAGEMENT_STARTED, List.of("Engagement", "4 days, 12 credits, provider P-A")),
                Map.entry(BrokerageEvent.ENGAGEMENT_COMPLETED, List.of("Delivered", "3 days, 9 credits paid")),
                Map.entry(BrokerageEvent.ENGAGEMENT_EVALUATED, List.of("Rating", "of 5")),
                Map.entry(BrokerageEvent.REQUEST_CANCELLED, List.of("Reason", "no longer needed", "Engagement")),
                Map.entry(BrokerageEvent.REQUEST_WITHDRAWN, List.of("Reason", "found support elsewhere")),
                Map.entry(BrokerageEvent.POST_REDRIVEN, List.of("Engagement")),
                Map.entry(BrokerageEvent.VOID_REDRIVEN, List.of("Engagement")),
                Map.entry(BrokerageEvent.HOLD_VOIDED, List.of("Engagement")),
                Map.entry(BrokerageEvent.NEEDS_ATTENTION, List.of("Engagement")));
        assertThat(adds.keySet()).containsExactlyInAnyOrderElementsOf(BrokerageEvent.TYPES);
        for (EventEnvelope e : all()) {
            String slack = SlackMessages.of(e, "https://sse.test", TAXONOMY).toString();
            String teams = TeamsCards.of(e, "https://sse.test", TAXONOMY).toString();
            for (String message : List.of(slack, teams)) {
                assertThat(message)
                        .as("%s names the school and its request", e.type())
                        .contains("Ash Primary")
                        .contains(
                                "https://sse.test/support-requests/" + e.data().get("requestId"));
                assertThat(message)
                        .as("%s says its urgency and areas", e.type())
                        .contains("HIGH")
                        .contains("Early reading and phonics");
                adds.get(e.type())
                        .forEach(part -> assertThat(message)
                                .as("%s says %s", e.type(), part)
                                .contains(part));
            }
        }
    }

    @Test
    void theNotifierTellsWhoMustActAndFiltersByAreaAndUrgency() {
        Map<String, Set<NoticeKind>> expected = Map.of(
                BrokerageEvent.REQUEST_CREATED, Set.of(NoticeKind.REQUEST_RAISED),
                BrokerageEvent.REQUEST_PROPOSED, Set.of(NoticeKind.PROPOSAL_ADDRESSED, NoticeKind.REQUEST_PROPOSED),
                BrokerageEvent.PROPOSAL_ACCEPTED, Set.of(NoticeKind.AGREEMENT_AWAITED),
                BrokerageEvent.ENGAGEMENT_AGREED, Set.of(NoticeKind.REQUEST_AGREED),
                BrokerageEvent.ENGAGEMENT_COMPLETED, Set.of(NoticeKind.RATING_AWAITED),
                BrokerageEvent.REQUEST_CANCELLED, Set.of(NoticeKind.REQUEST_CANCELLED),
                BrokerageEvent.REQUEST_WITHDRAWN, Set.of(NoticeKind.REQUEST_CANCELLED));
        Filters reading = new Filters(List.of("CT"), Set.of(uk.sse.notifier.model.Urgency.HIGH));
        Filters maths = new Filters(List.of("CT.MATHS"), Set.of());
        Filters low = new Filters(List.of(), Set.of(uk.sse.notifier.model.Urgency.LOW));
        for (EventEnvelope e : all()) {
            assertThat(Notices.raiserOf(e)).isEqualTo(e.type().equals(BrokerageEvent.REQUEST_CREATED) ? "ann" : null);
            Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
            Notices.of(e, "ann").forEach(n -> kinds.add(n.kind()));
            assertThat(kinds).as("the notices of %s", e.type()).isEqualTo(expected.getOrDefault(e.type(), Set.of()));
            assertThat(reading.matches(e, TAXONOMY))
                    .as("%s is about reading, urgently", e.type())
                    .isTrue();
            assertThat(maths.matches(e, TAXONOMY))
                    .as("%s is not about maths", e.type())
                    .isFalse();
            assertThat(low.matches(e, TAXONOMY))
                    .as("%s is not of low urgency", e.type())
                    .isFalse();
            assertThat(SlackMessages.page(e, ""))
                    .contains("/support-requests/" + e.data().get("requestId"));
        }
    }

    /** A request's transitions move what the notifier watches of it; refusals and repairs do not; closing forgets. */
    @Test
    void theNotifierWatchesEachRequestThroughItsTransitions() {
        for (List<EventEnvelope> events : everyType().values()) {
            uk.sse.notifier.model.Watch watch = null;
            boolean forgotten = false;
            for (EventEnvelope e : events) {
                boolean transition = !e.type().startsWith("brokerage.reconciliation.")
                        && !e.type().equals(BrokerageEvent.HOLD_REFUSED);
                assertThat(Watches.keyOf(e))
                        .as("what %s is about", e.type())
                        .isEqualTo(
                                transition
                                        ? java.util.Optional.of(
                                                "REQUEST#" + e.data().get("requestId"))
                                        : java.util.Optional.empty());
                Watches.Change change = Watches.apply(watch, e);
                if (change instanceof Watches.Change.Put put) {
                    watch = put.watch();
                    assertThat(watch.name()).isEqualTo("Ash Primary");
                    assertThat(watch.dueBy()).isEqualTo(LocalDate.of(2026, 12, 1));
                } else if (change instanceof Watches.Change.Forget) {
                    forgotten = true;
                    watch = null;
                }
            }
            assertThat(forgotten)
                    .as("a request that is done or closed is forgotten")
                    .isTrue();
        }
    }

    @Test
    void reportingMakesEachRequestsRowsFromItsEvents() {
        Map<String, List<EventEnvelope>> byRequest = everyType();
        all().forEach(e -> assertThat(RequestHistory.defectOf(e))
                .as("%s is readable", e.type())
                .isEmpty());
        RequestRows one = RequestHistory.project(byRequest.get("R-1")).orElseThrow();
        assertThat(one.request().status()).isEqualTo("EVALUATED");
        assertThat(one.request().proposals()).isEqualTo(2);
        assertThat(one.request().creditsCommitted()).isEqualTo(20L);
        assertThat(one.request().raisedAt()).isEqualTo(T0);
        assertThat(one.engagement().hold()).isEqualTo("POSTED");
        assertThat(one.engagement().creditsPosted()).isEqualTo(9);
        assertThat(one.ratings())
                .extracting(RequestRows.Rating::rating, RequestRows.Rating::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SCHOOL", 4),
                        org.assertj.core.groups.Tuple.tuple("IMPACT", 5));
        assertThat(one.areas()).extracting(RequestRows.Area::topCode).containsExactly("CT", "INC");
        RequestRows two = RequestHistory.project(byRequest.get("R-2")).orElseThrow();
        assertThat(two.request().closedAs()).isEqualTo("CANCELLED");
        assertThat(two.engagement().hold()).isEqualTo("VOIDED");
        RequestRows three = RequestHistory.project(byRequest.get("R-3")).orElseThrow();
        assertThat(three.request().closedAs()).isEqualTo("WITHDRAWN");
        assertThat(three.engagement()).isNull();
    }

    /** The directory counts a delivered engagement and an impact rating towards the offer, and nothing else. */
    @Test
    void theDirectoryRecordsTheOutcomesOfOffers() {
        List<String> recorded = new ArrayList<>();
        OfferStore offers = (OfferStore) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {OfferStore.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("recordOutcome")) {
                        throw new AssertionError("the quality signals use only recordOutcome, not " + method.getName());
                    }
                    recorded.add(args[0] + " " + args[1] + " " + args[2] + " " + args[3]);
                    return true;
                });
        RecordOutcomes outcomes = new RecordOutcomes(offers, Clock.fixed(T0, ZoneOffset.UTC));
        List<String> changed =
                all().stream().filter(outcomes::record).map(EventEnvelope::type).toList();
        assertThat(changed).containsExactly(BrokerageEvent.ENGAGEMENT_COMPLETED, BrokerageEvent.ENGAGEMENT_EVALUATED);
        assertThat(recorded).containsExactly("O-1 R-1#COMPLETED true null", "O-1 R-1#IMPACT false 5");
    }
}
