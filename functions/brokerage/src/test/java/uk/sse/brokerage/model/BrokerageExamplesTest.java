package uk.sse.brokerage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Command.Accept;
import uk.sse.brokerage.model.Command.Agree;
import uk.sse.brokerage.model.Command.Cancel;
import uk.sse.brokerage.model.Command.Complete;
import uk.sse.brokerage.model.Command.Decline;
import uk.sse.brokerage.model.Command.Evaluate;
import uk.sse.brokerage.model.Command.Offered;
import uk.sse.brokerage.model.Command.Propose;
import uk.sse.brokerage.model.Command.Raise;
import uk.sse.brokerage.model.Command.StartDelivery;
import uk.sse.brokerage.model.Command.Withdraw;
import uk.sse.brokerage.model.LedgerEffect.PlaceHold;
import uk.sse.brokerage.model.LedgerEffect.PostHold;
import uk.sse.brokerage.model.LedgerEffect.VoidHold;
import uk.sse.brokerage.model.Result.Applied;
import uk.sse.kernel.events.EventEnvelope;

class BrokerageExamplesTest {
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    static final String AREA = "888";
    static final String URN = "100001";
    static final String REQ = "R-1";

    final Actor adviser = Actor.adviser("ann", AREA);
    final Actor broker = Actor.broker("bob", AREA);
    final Actor school = Actor.school("sue", URN);
    final Actor providerA = Actor.provider("pat", "P-A");
    final Actor providerB = Actor.provider("pam", "P-B");
    final Actor otherBroker = Actor.broker("ben", "999");
    final Actor otherAdviser = Actor.adviser("amy", "999");
    final Actor otherSchool = Actor.school("sam", "100002");
    final Actor assurer = new Actor("ava", ActorKind.ASSURER, AREA, null);

    final Desk desk = new Desk();

    Desk desk() {
        desk.ledger.fund(AREA + "/" + URN, 50);
        return desk;
    }

    Raise raiseCommand(String id) {
        return new Raise(
                adviser,
                T0,
                id,
                URN,
                AREA,
                List.of("SEND", "LEADERSHIP.CURRICULUM"),
                "Help the new SENCo set up provision maps",
                Urgency.HIGH,
                4,
                List.of(DeliveryMode.IN_SCHOOL, DeliveryMode.COACHING),
                LocalDate.parse("2027-01-31"),
                20,
                List.of(Suggestion.of("O-1", "P-A"), Suggestion.of("O-2", "P-B"), Suggestion.of("O-3", "P-C")));
    }

    BrokerageRequest raised() {
        assertThat(desk().raise(raiseCommand(REQ))).isInstanceOf(Desk.Written.class);
        return desk.get(REQ);
    }

    Instant t(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    long v() {
        return desk.get(REQ).version();
    }

    Applied ok(Command.Change c) {
        Desk.Outcome o = desk.handle(REQ, c);
        assertThat(o).as("%s", c).isInstanceOf(Desk.Written.class);
        return ((Desk.Written) o).applied();
    }

    Result.Refused no(Command.Change c) {
        BrokerageRequest before = desk.get(REQ);
        Desk.Outcome o = desk.handle(REQ, c);
        assertThat(o).as("%s", c).isInstanceOf(Desk.Refused.class);
        assertThat(desk.get(REQ)).isEqualTo(before);
        return ((Desk.Refused) o).refused();
    }

    /** Raised, two offers proposed, P1 accepted by provider A. */
    void toAccepted() {
        raised();
        ok(new Propose(
                broker,
                t(1),
                v(),
                List.of(new Offered("O-1", "P-A", 4, 12), new Offered("O-2", "P-B", 3, 10)),
                "two good fits"));
        ok(new Accept(providerA, t(2), v(), "P1"));
    }

    @Test
    void theWholeLifecycle() {
        BrokerageRequest r = raised();
        assertThat(r.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.suggestions()).extracting(Suggestion::offerId).containsExactly("O-1", "O-2", "O-3");

        Applied proposed = ok(new Propose(
                broker,
                t(1),
                1,
                List.of(new Offered("O-1", "P-A", 4, 12), new Offered("O-2", "P-B", 3, 10)),
                "two good fits"));
        assertThat(proposed.request().proposals())
                .extracting(Proposal::id, Proposal::providerId, Proposal::status)
                .containsExactly(
                        tuple("P1", "P-A", ProposalStatus.PROPOSED), tuple("P2", "P-B", ProposalStatus.PROPOSED));
        ok(new Accept(providerA, t(2), 2, "P1"));
        assertThat(desk.get(REQ).status()).isEqualTo(RequestStatus.ACCEPTED);
        ok(new Decline(providerB, t(3), 3, "P2", "fully booked this term"));
        assertThat(desk.get(REQ).status()).isEqualTo(RequestStatus.ACCEPTED);

        Applied agreed = ok(new Agree(school, t(4), 4, "P1"));
        assertThat(agreed.ledgerBefore())
                .containsExactly(new PlaceHold(
                        "brk:R-1.P1.v4", "888/100001", "888/P-A", 12, "brokerage request R-1 proposal P1 offer O-1"));
        assertThat(agreed.ledgerAfter()).isEmpty();
        Engagement e = agreed.request().engagement();
        assertThat(e.id()).isEqualTo("R-1.P1");
        assertThat(e.holdId()).isEqualTo("brk:R-1.P1.v4");
        assertThat(e.hold()).isEqualTo(HoldState.HELD);
        assertThat(desk.ledger.available("888/100001")).isEqualTo(38);

        ok(new StartDelivery(broker, t(5), 5));
        Applied completed = ok(new Complete(broker, t(6), 6, 3, OptionalLong.empty(), "one day lost to snow"));
        assertThat(completed.ledgerBefore()).isEmpty(); // the completion is written first, then the hold posted
        assertThat(completed.ledgerAfter()).containsExactly(new PostHold("brk:R-1.P1.v4", 9)); // 12 * 3 / 4
        assertThat(completed.request().engagement())
                .extracting(Engagement::hold, Engagement::daysDelivered, Engagement::creditsPosted)
                .containsExactly(HoldState.POSTED, 3, 9L);
        assertThat(desk.ledger.balances).containsEntry("888/100001", 41L).containsEntry("888/P-A", 9L);
        assertThat(desk.ledger.available("888/100001")).isEqualTo(41);

        ok(new Evaluate(school, t(7), 7, Rating.SCHOOL, 4, "useful"));
        assertThat(desk.get(REQ).status()).isEqualTo(RequestStatus.COMPLETED);
        Applied evaluated = ok(new Evaluate(adviser, t(8), 8, Rating.IMPACT, 5, "provision maps in place"));
        BrokerageRequest done = evaluated.request();
        assertThat(done.status()).isEqualTo(RequestStatus.EVALUATED);
        assertThat(done.version()).isEqualTo(9);
        assertThat(done.evaluation())
                .extracting(Evaluation::schoolRating, Evaluation::impactRating, Evaluation::impactBy)
                .containsExactly(4, 5, "ann");
        assertThat(done.history())
                .extracting(Transition::action, Transition::from, Transition::to, Transition::version, Transition::by)
                .containsExactly(
                        tuple(Action.RAISE, null, RequestStatus.OPEN, 1L, "ann"),
                        tuple(Action.PROPOSE, RequestStatus.OPEN, RequestStatus.PROPOSED, 2L, "bob"),
                        tuple(Action.ACCEPT, RequestStatus.PROPOSED, RequestStatus.ACCEPTED, 3L, "pat"),
                        tuple(Action.DECLINE, RequestStatus.ACCEPTED, RequestStatus.ACCEPTED, 4L, "pam"),
                        tuple(Action.AGREE, RequestStatus.ACCEPTED, RequestStatus.AGREED, 5L, "sue"),
                        tuple(Action.START_DELIVERY, RequestStatus.AGREED, RequestStatus.IN_DELIVERY, 6L, "bob"),
                        tuple(Action.COMPLETE, RequestStatus.IN_DELIVERY, RequestStatus.COMPLETED, 7L, "bob"),
                        tuple(Action.EVALUATE, RequestStatus.COMPLETED, RequestStatus.COMPLETED, 8L, "sue"),
                        tuple(Action.EVALUATE, RequestStatus.COMPLETED, RequestStatus.EVALUATED, 9L, "ann"));
        assertThat(desk.events)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        "brokerage.request.created",
                        "brokerage.request.proposed",
                        "brokerage.proposal.accepted",
                        "brokerage.proposal.declined",
                        "brokerage.engagement.agreed",
                        "brokerage.engagement.started",
                        "brokerage.engagement.completed",
                        "brokerage.engagement.evaluated",
                        "brokerage.engagement.evaluated");
        assertThat(desk.events)
                .extracting(EventEnvelope::id)
                .startsWith("R-1/1", "R-1/2")
                .endsWith("R-1/9");
        assertThat(desk.events).allSatisfy(ev -> assertThat(ev.area()).isEqualTo(AREA));
        EventEnvelope last = desk.events.get(8);
        assertThat(last.occurredAt()).isEqualTo(t(8));
        assertThat(last.data())
                .containsEntry("requestId", "R-1")
                .containsEntry("version", 9L)
                .containsEntry("offerId", "O-1")
                .containsEntry("rating", "IMPACT")
                .containsEntry("score", 5)
                .containsEntry("impactRating", 5)
                .containsEntry("schoolRating", 4)
                .containsEntry("from", "COMPLETED")
                .containsEntry("to", "EVALUATED")
                .containsEntry("by", "ann");
        // nothing more can happen
        assertThat(no(new Cancel(adviser, t(9), 9, "too late")).allowed()).isEmpty();
    }

    @Test
    void aDeclineOfTheLastOpenProposalPutsTheRequestBackInTheQueue() {
        raised();
        ok(new Propose(
                broker, t(1), v(), List.of(new Offered("O-1", "P-A", 2, 8), new Offered("O-2", "P-B", 2, 8)), null));
        Applied first = ok(new Decline(providerA, t(2), v(), "P1", "no capacity"));
        assertThat(first.request().status()).isEqualTo(RequestStatus.PROPOSED);
        Applied second = ok(new Decline(providerB, t(3), v(), "P2", "not our phase"));
        assertThat(second.request().status()).isEqualTo(RequestStatus.OPEN);
        assertThat(second.transition())
                .extracting(Transition::from, Transition::to, Transition::reason)
                .containsExactly(RequestStatus.PROPOSED, RequestStatus.OPEN, "not our phase");
        // the same offer may be proposed again once declined; proposals keep counting
        Applied again = ok(new Propose(broker, t(4), v(), List.of(new Offered("O-1", "P-A", 2, 8)), "next term?"));
        assertThat(again.request().proposals())
                .extracting(Proposal::id, Proposal::status)
                .containsExactly(
                        tuple("P1", ProposalStatus.DECLINED),
                        tuple("P2", ProposalStatus.DECLINED),
                        tuple("P3", ProposalStatus.PROPOSED));
        // a declined proposal cannot be accepted
        assertThat(no(new Accept(providerA, t(5), v(), "P1")).reason()).isEqualTo(Refusal.PROPOSAL_STATE);
        assertThat(no(new Decline(providerA, t(5), v(), "P3", " ")).field()).isEqualTo("reason");
    }

    @Test
    void partialCompletionWithAnExplicitAmountAndANothingDeliveredCompletion() {
        toAccepted();
        ok(new Agree(adviser, t(3), v(), "P1"));
        ok(new StartDelivery(broker, t(4), v()));
        assertThat(no(new Complete(broker, t(5), v(), 5, OptionalLong.empty(), null))
                        .field())
                .isEqualTo("daysDelivered");
        assertThat(no(new Complete(broker, t(5), v(), 2, OptionalLong.of(13), null))
                        .field())
                .isEqualTo("credits");
        Applied done = ok(new Complete(broker, t(5), v(), 2, OptionalLong.of(5), "agreed with the school"));
        assertThat(done.ledgerAfter()).containsExactly(new PostHold("brk:R-1.P1.v3", 5));
        assertThat(desk.ledger.available("888/100001")).isEqualTo(45);

        Desk other = new Desk();
        other.ledger.fund("888/100001", 50);
        assertThat(other.raise(raiseCommand("R-2"))).isInstanceOf(Desk.Written.class);
        List<Command.Change> steps = List.of(
                new Propose(broker, t(1), 1, List.of(new Offered("O-1", "P-A", 4, 12)), null),
                new Accept(providerA, t(2), 2, "P1"),
                new Agree(school, t(3), 3, "P1"),
                new StartDelivery(broker, t(4), 4));
        steps.forEach(s -> assertThat(other.handle("R-2", s)).isInstanceOf(Desk.Written.class));
        Desk.Outcome none =
                other.handle("R-2", new Complete(broker, t(5), 5, 0, OptionalLong.empty(), "the provider fell ill"));
        Applied applied = ((Desk.Written) none).applied();
        assertThat(applied.ledgerAfter()).containsExactly(new VoidHold("brk:R-2.P1.v3"));
        assertThat(applied.request().engagement().hold()).isEqualTo(HoldState.VOIDED);
        assertThat(other.ledger.available("888/100001")).isEqualTo(50);
        assertThat(Brokerage.proRata(10, 1, 3)).isEqualTo(3);
        assertThat(Brokerage.proRata(10, 3, 3)).isEqualTo(10);
    }

    @Test
    void cancellingBeforeAnAgreementTouchesNoHoldAndReconciliationReleasesAStrayOne() {
        toAccepted();
        assertThat(desk.crashing(REQ, new Agree(school, t(3), v(), "P1"))).isInstanceOf(Desk.Crashed.class);
        Applied cancelled = ok(new Cancel(broker, t(3), v(), "the school found its own support"));
        assertThat(cancelled.ledgerBefore()).isEmpty();
        assertThat(cancelled.ledgerAfter()).isEmpty();
        assertThat(cancelled.request().status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(cancelled.event().data()).containsEntry("reason", "the school found its own support");
        // the interrupted agreement's hold can never be used now: reconciliation voids it at once
        assertThat(Brokerage.strayHold(cancelled.request(), "brk:R-1.P1.v3")).isTrue();
        assertThat(desk.reconcile(REQ, t(4), java.time.Duration.ofHours(1))).isEqualTo(1);
        assertThat(desk.ledger.holds.get("brk:R-1.P1.v3").state()).isEqualTo(FakeLedger.State.VOIDED);
        assertThat(desk.ledger.available("888/100001")).isEqualTo(50);
    }

    @Test
    void cancellingOrWithdrawingAfterAnAgreementVoidsTheHold() {
        toAccepted();
        ok(new Agree(school, t(3), v(), "P1"));
        ok(new StartDelivery(broker, t(4), v()));
        Applied cancelled = ok(new Cancel(adviser, t(5), v(), "head teacher left"));
        assertThat(cancelled.ledgerAfter()).containsExactly(new VoidHold("brk:R-1.P1.v3"));
        assertThat(cancelled.request().engagement().hold()).isEqualTo(HoldState.VOIDED);
        assertThat(desk.ledger.holds.get("brk:R-1.P1.v3").state()).isEqualTo(FakeLedger.State.VOIDED);
        assertThat(desk.ledger.available("888/100001")).isEqualTo(50);

        Desk other = new Desk();
        other.ledger.fund("888/100001", 50);
        other.raise(raiseCommand("R-2"));
        List.<Command.Change>of(
                        new Propose(broker, t(1), 1, List.of(new Offered("O-1", "P-A", 4, 12)), null),
                        new Accept(providerA, t(2), 2, "P1"),
                        new Agree(adviser, t(3), 3, "P1"))
                .forEach(s -> assertThat(other.handle("R-2", s)).isInstanceOf(Desk.Written.class));
        Applied withdrawn = ((Desk.Written) other.handle("R-2", new Withdraw(school, t(4), 4, "budget cut"))).applied();
        assertThat(withdrawn.ledgerAfter()).containsExactly(new VoidHold("brk:R-2.P1.v3"));
        assertThat(withdrawn.request().status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(other.ledger.available("888/100001")).isEqualTo(50);
    }

    @Test
    void aStaleVersionOrAnIllegalTransitionIsRefusedNamingWhatIsAllowed() {
        raised();
        Result.Refused illegal = no(new Complete(broker, t(1), 1, 1, OptionalLong.empty(), null));
        assertThat(illegal.reason()).isEqualTo(Refusal.ILLEGAL_TRANSITION);
        assertThat(illegal.allowed()).containsExactly(Action.PROPOSE, Action.CANCEL, Action.WITHDRAW);
        assertThat(illegal.status()).isEqualTo(RequestStatus.OPEN);

        ok(new Propose(broker, t(1), 1, List.of(new Offered("O-1", "P-A", 4, 12)), null));
        Result.Refused stale = no(new Propose(broker, t(2), 1, List.of(new Offered("O-2", "P-B", 4, 12)), null));
        assertThat(stale.reason()).isEqualTo(Refusal.STALE_VERSION);
        assertThat(stale.version()).isEqualTo(2);
        assertThat(stale.allowed())
                .containsExactly(Action.PROPOSE, Action.ACCEPT, Action.DECLINE, Action.CANCEL, Action.WITHDRAW);
        assertThat(no(new Cancel(adviser, t(2), 3, "from the future")).reason()).isEqualTo(Refusal.STALE_VERSION);
        assertThat(no(new Agree(school, t(2), 2, "P1")).reason()).isEqualTo(Refusal.ILLEGAL_TRANSITION);
        // two brokers decide on version 2: the first wins, the second is stale
        ok(new Cancel(broker, t(3), 2, "duplicate request"));
        assertThat(no(new StartDelivery(broker, t(3), 2)).reason()).isEqualTo(Refusal.STALE_VERSION);
    }

    @Test
    void onlyTheRightActorsMayAct() {
        raised();
        assertThat(no(new Propose(otherBroker, t(1), 1, List.of(new Offered("O-1", "P-A", 4, 12)), null))
                        .reason())
                .isEqualTo(Refusal.NOT_FOUND);
        assertThat(no(new Propose(adviser, t(1), 1, List.of(new Offered("O-1", "P-A", 4, 12)), null))
                        .reason())
                .isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Cancel(otherAdviser, t(1), 1, "not mine")).reason()).isEqualTo(Refusal.NOT_FOUND);
        assertThat(no(new Cancel(assurer, t(1), 1, "no")).reason()).isEqualTo(Refusal.NOT_FOUND);
        assertThat(no(new Withdraw(otherSchool, t(1), 1, "not mine")).reason()).isEqualTo(Refusal.NOT_FOUND);
        assertThat(no(new Withdraw(adviser, t(1), 1, "on the school's behalf")).reason())
                .isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Accept(providerA, t(1), 1, "P1")).reason())
                .isEqualTo(Refusal.NOT_FOUND); // nothing addressed to it yet
        ok(new Propose(
                broker, t(1), 1, List.of(new Offered("O-1", "P-A", 4, 12), new Offered("O-2", "P-B", 4, 12)), null));
        assertThat(no(new Accept(providerB, t(2), 2, "P1")).reason()).isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Accept(school, t(2), 2, "P1")).reason()).isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Accept(broker, t(2), 2, "P1")).reason()).isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Accept(providerA, t(2), 2, "P7")).reason()).isEqualTo(Refusal.UNKNOWN_PROPOSAL);
        ok(new Accept(providerA, t(2), 2, "P1"));
        assertThat(no(new Agree(providerA, t(3), 3, "P1")).reason()).isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Agree(broker, t(3), 3, "P1")).reason()).isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Agree(school, t(3), 3, "P2")).reason()).isEqualTo(Refusal.PROPOSAL_STATE);
        ok(new Agree(school, t(3), 3, "P1"));
        assertThat(no(new StartDelivery(providerA, t(4), 4)).reason()).isEqualTo(Refusal.FORBIDDEN);
        ok(new StartDelivery(broker, t(4), 4));
        assertThat(no(new Complete(adviser, t(5), 5, 4, OptionalLong.empty(), null))
                        .reason())
                .isEqualTo(Refusal.FORBIDDEN);
        ok(new Complete(broker, t(5), 5, 4, OptionalLong.empty(), null));
        assertThat(no(new Evaluate(school, t(6), 6, Rating.IMPACT, 5, null)).reason())
                .isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Evaluate(adviser, t(6), 6, Rating.SCHOOL, 5, null)).reason())
                .isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Evaluate(broker, t(6), 6, Rating.IMPACT, 5, null)).reason())
                .isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Evaluate(school, t(6), 6, Rating.SCHOOL, 6, null)).field())
                .isEqualTo("score");
        ok(new Evaluate(school, t(6), 6, Rating.SCHOOL, 3, null));
        assertThat(no(new Evaluate(school, t(7), 7, Rating.SCHOOL, 4, null)).reason())
                .isEqualTo(Refusal.ALREADY_RATED);
        // an admin of the area sees but does not act; another area's admin does not even see
        assertThat(no(new Cancel(new Actor("ada", ActorKind.ADMIN, "888", null), t(7), 7, "tidy up"))
                        .reason())
                .isEqualTo(Refusal.FORBIDDEN);
        assertThat(no(new Cancel(new Actor("ady", ActorKind.ADMIN, "999", null), t(7), 7, "tidy up"))
                        .reason())
                .isEqualTo(Refusal.NOT_FOUND);
        assertThat(Policy.maySee(new Actor("ady", ActorKind.ADMIN, "999", null), desk.get(REQ)))
                .isFalse();
    }

    @Test
    void aRequestIsRaisedOnlyByAnAdviserOfTheAreaAndOnlyWithGoodInputs() {
        desk();
        assertThat(Brokerage.raise(new Raise(
                        broker,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        List.of("SEND"),
                        "x",
                        Urgency.LOW,
                        1,
                        List.of(),
                        LocalDate.parse("2027-01-01"),
                        1,
                        List.of())))
                .isInstanceOfSatisfying(
                        Result.Refused.class, r -> assertThat(r.reason()).isEqualTo(Refusal.FORBIDDEN));
        assertThat(Brokerage.raise(new Raise(
                        otherAdviser,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        List.of("SEND"),
                        "x",
                        Urgency.LOW,
                        1,
                        List.of(),
                        LocalDate.parse("2027-01-01"),
                        1,
                        List.of())))
                .isInstanceOfSatisfying(
                        Result.Refused.class, r -> assertThat(r.reason()).isEqualTo(Refusal.FORBIDDEN));
        Raise good = raiseCommand(REQ);
        assertThat(invalidField(new Raise(
                        adviser,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        List.of(),
                        good.need(),
                        Urgency.LOW,
                        1,
                        List.of(),
                        good.wantedBy(),
                        1,
                        List.of())))
                .isEqualTo("areasOfSupport");
        assertThat(invalidField(new Raise(
                        adviser,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        List.of("a b"),
                        good.need(),
                        Urgency.LOW,
                        1,
                        List.of(),
                        good.wantedBy(),
                        1,
                        List.of())))
                .isEqualTo("areasOfSupport");
        assertThat(invalidField(new Raise(
                        adviser,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        good.areasOfSupport(),
                        "x".repeat(Brokerage.MAX_NEED + 1),
                        Urgency.LOW,
                        1,
                        List.of(),
                        good.wantedBy(),
                        1,
                        List.of())))
                .isEqualTo("need");
        assertThat(invalidField(new Raise(
                        adviser,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        good.areasOfSupport(),
                        good.need(),
                        Urgency.LOW,
                        -1,
                        List.of(),
                        good.wantedBy(),
                        1,
                        List.of())))
                .isEqualTo("daysWanted");
        assertThat(invalidField(new Raise(
                        adviser,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        good.areasOfSupport(),
                        good.need(),
                        Urgency.LOW,
                        1,
                        List.of(),
                        LocalDate.parse("2026-11-22"),
                        1,
                        List.of())))
                .isEqualTo("wantedBy");
        assertThat(invalidField(new Raise(
                        adviser,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        good.areasOfSupport(),
                        good.need(),
                        Urgency.LOW,
                        1,
                        List.of(),
                        good.wantedBy(),
                        0,
                        List.of())))
                .isEqualTo("credits");
        assertThat(invalidField(new Raise(
                        adviser,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        good.areasOfSupport(),
                        good.need(),
                        null,
                        1,
                        List.of(),
                        good.wantedBy(),
                        1,
                        List.of())))
                .isEqualTo("urgency");
        assertThat(invalidField(new Raise(
                        adviser,
                        T0,
                        "R.1",
                        URN,
                        AREA,
                        good.areasOfSupport(),
                        good.need(),
                        Urgency.LOW,
                        1,
                        List.of(),
                        good.wantedBy(),
                        1,
                        List.of())))
                .isEqualTo("requestId");
        List<Suggestion> eleven = java.util.stream.IntStream.rangeClosed(1, 11)
                .mapToObj(i -> Suggestion.of("O-" + i, "P-" + i))
                .toList();
        assertThat(invalidField(new Raise(
                        adviser,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        good.areasOfSupport(),
                        good.need(),
                        Urgency.LOW,
                        1,
                        List.of(),
                        good.wantedBy(),
                        1,
                        eleven)))
                .isEqualTo("suggestions");
        assertThat(Brokerage.raise(new Raise(
                        adviser,
                        T0,
                        REQ,
                        URN,
                        AREA,
                        good.areasOfSupport(),
                        good.need(),
                        Urgency.LOW,
                        1,
                        List.of(),
                        good.wantedBy(),
                        1,
                        eleven.subList(0, 10))))
                .isInstanceOf(Applied.class);
        Applied created = (Applied) Brokerage.raise(good);
        assertThat(created.event().type()).isEqualTo("brokerage.request.created");
        assertThat(created.event().id()).isEqualTo("R-1/1");
        assertThat(created.event().data())
                .containsEntry("urn", URN)
                .containsEntry("urgency", "HIGH")
                .containsEntry("credits", 20L)
                .containsEntry("deliveryModes", List.of("IN_SCHOOL", "COACHING"))
                .doesNotContainKey("from");
    }

    @Test
    void badProposalsAreRefused() {
        raised();
        assertThat(no(new Propose(broker, t(1), 1, List.of(), null)).field()).isEqualTo("offers");
        assertThat(no(new Propose(broker, t(1), 1, List.of(new Offered("O-1", "P-A", 0, 5)), null))
                        .field())
                .isEqualTo("offers.days");
        assertThat(no(new Propose(broker, t(1), 1, List.of(new Offered("O-1", "P-A", 2, 21)), null))
                        .field())
                .isEqualTo("offers.credits");
        assertThat(no(new Propose(broker, t(1), 1, List.of(new Offered("O-1", URN, 2, 5)), null))
                        .field())
                .isEqualTo("offers.providerId");
        assertThat(no(new Propose(
                                broker,
                                t(1),
                                1,
                                List.of(new Offered("O-1", "P-A", 2, 5), new Offered("O-1", "P-A", 3, 5)),
                                null))
                        .field())
                .isEqualTo("offers.offerId");
        ok(new Propose(broker, t(1), 1, List.of(new Offered("O-1", "P-A", 2, 5)), null));
        assertThat(no(new Propose(broker, t(2), 2, List.of(new Offered("O-1", "P-A", 2, 5)), null))
                        .message())
                .contains("already proposed");
    }

    @Test
    void aCrashBetweenTheHoldAndTheAgreementIsRepairedByRetryingAndOneAfterACompletionByReconciliation() {
        toAccepted();
        Agree agree = new Agree(school, t(3), v(), "P1");
        assertThat(desk.crashing(REQ, agree)).isInstanceOf(Desk.Crashed.class);
        assertThat(desk.get(REQ).status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(desk.ledger.holds).containsOnlyKeys("brk:R-1.P1.v3");
        assertThat(desk.ledger.available("888/100001")).isEqualTo(38);
        // the retry names the same hold, which the ledger answers as already placed
        Applied retried = ok(agree);
        assertThat(retried.ledgerBefore())
                .containsExactly(new PlaceHold(
                        "brk:R-1.P1.v3", "888/100001", "888/P-A", 12, "brokerage request R-1 proposal P1 offer O-1"));
        assertThat(desk.ledger.holds).hasSize(1);
        assertThat(desk.ledger.available("888/100001")).isEqualTo(38);

        ok(new StartDelivery(broker, t(4), v()));
        // a crash after the completion is written, before the post: the request says posted, the ledger still holds
        assertThat(desk.crashing(REQ, new Complete(broker, t(5), v(), 4, OptionalLong.empty(), null)))
                .isInstanceOf(Desk.Written.class);
        assertThat(desk.get(REQ).engagement().hold()).isEqualTo(HoldState.POSTED);
        assertThat(desk.ledger.holds.get("brk:R-1.P1.v3").state()).isEqualTo(FakeLedger.State.PENDING);
        assertThat(desk.reconcile(REQ, t(6), java.time.Duration.ofHours(1))).isEqualTo(1);
        assertThat(desk.ledger.balances).containsEntry("888/P-A", 12L).containsEntry("888/100001", 38L);
    }

    @Test
    void anAgreementNeverWrittenNorRetriedIsReleasedAfterTheGraceAndTheRequestMovesOn() {
        toAccepted();
        assertThat(desk.crashing(REQ, new Agree(school, t(3), v(), "P1"))).isInstanceOf(Desk.Crashed.class);
        java.time.Duration grace = java.time.Duration.ofMinutes(15);
        // within the grace the caller's retry may still come: nothing is done
        assertThat(desk.reconcile(REQ, t(3).plus(grace).minusSeconds(1), grace)).isZero();
        assertThat(desk.ledger.available("888/100001")).isEqualTo(38);
        assertThat(desk.reconcile(REQ, t(3).plus(grace), grace)).isEqualTo(1);
        BrokerageRequest released = desk.get(REQ);
        assertThat(released.version()).isEqualTo(4);
        assertThat(released.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(released.history().getLast().action()).isEqualTo(Action.RELEASE_HOLD);
        assertThat(desk.events.getLast().type()).isEqualTo("brokerage.reconciliation.hold-released");
        assertThat(desk.ledger.available("888/100001")).isEqualTo(50);
        // a late retry is stale; agreeing anew places a new hold
        assertThat(no(new Agree(school, t(4), 3, "P1")).reason()).isEqualTo(Refusal.STALE_VERSION);
        Applied agreed = ok(new Agree(school, t(4), v(), "P1"));
        assertThat(agreed.request().engagement().holdId()).isEqualTo("brk:R-1.P1.v4");
        assertThat(desk.ledger.available("888/100001")).isEqualTo(38);
        assertThat(Lifecycle.allowedActions(RequestStatus.ACCEPTED)).doesNotContain(Action.RELEASE_HOLD);
    }

    @Test
    void anAgreementInterruptedAndThenMadeForAnotherProposalReleasesTheFirstHold() {
        raised();
        ok(new Propose(
                broker, t(1), v(), List.of(new Offered("O-1", "P-A", 4, 12), new Offered("O-2", "P-B", 3, 10)), null));
        ok(new Accept(providerA, t(2), v(), "P1"));
        ok(new Accept(providerB, t(3), v(), "P2"));
        assertThat(desk.crashing(REQ, new Agree(school, t(4), v(), "P1"))).isInstanceOf(Desk.Crashed.class);
        BrokerageRequest between = desk.get(REQ);
        assertThat(Brokerage.strayHold(between, "brk:R-1.P1.v4"))
                .isFalse(); // P1 may still be agreed: keep its hold for the retry
        Applied agreed = ok(new Agree(adviser, t(5), v(), "P2"));
        assertThat(agreed.ledgerAfter()).isEmpty();
        assertThat(agreed.request().proposals())
                .extracting(Proposal::status)
                .containsExactly(ProposalStatus.SUPERSEDED, ProposalStatus.AGREED);
        assertThat(Brokerage.strayHold(agreed.request(), "brk:R-1.P1.v4")).isTrue();
        assertThat(Brokerage.strayHold(agreed.request(), "brk:R-1.P2.v4")).isFalse();
        assertThat(desk.reconcile(REQ, t(6), java.time.Duration.ofHours(1))).isEqualTo(1);
        assertThat(desk.ledger.holds.get("brk:R-1.P1.v4").state()).isEqualTo(FakeLedger.State.VOIDED);
        assertThat(desk.ledger.holds.get("brk:R-1.P2.v4").state()).isEqualTo(FakeLedger.State.PENDING);
        assertThat(desk.ledger.available("888/100001")).isEqualTo(40);
    }

    @Test
    void anAgreementTheSchoolCannotAffordIsRefusedByTheLedgerAndChangesNothing() {
        desk.ledger.fund("888/100001", -45); // 5 left
        toAccepted();
        BrokerageRequest before = desk.get(REQ);
        assertThat(desk.handle(REQ, new Agree(school, t(3), v(), "P1")))
                .isEqualTo(new Desk.LedgerRefused(
                        new PlaceHold(
                                "brk:R-1.P1.v3",
                                "888/100001",
                                "888/P-A",
                                12,
                                "brokerage request R-1 proposal P1 offer O-1"),
                        "INSUFFICIENT_FUNDS"));
        assertThat(desk.get(REQ)).isEqualTo(before);
        assertThat(desk.ledger.holds).isEmpty();
    }

    @Test
    void theMachineIsAsDocumented() {
        assertThat(Lifecycle.reachable()).containsExactlyInAnyOrder(RequestStatus.values());
        assertThat(Lifecycle.allowedActions(RequestStatus.ACCEPTED))
                .containsExactly(Action.ACCEPT, Action.DECLINE, Action.AGREE, Action.CANCEL, Action.WITHDRAW);
        assertThat(Lifecycle.allowedActions(RequestStatus.COMPLETED)).containsExactly(Action.EVALUATE);
        for (RequestStatus s : RequestStatus.values())
            if (s.terminal()) assertThat(Lifecycle.allowedActions(s)).isEmpty();
        assertThat(Brokerage.engagementId("R-1", "P12")).matches(Brokerage.ID.pattern());
        assertThat(Brokerage.engagementId("x".repeat(48), "P30")).matches(Brokerage.ID.pattern());
    }

    private String invalidField(Raise c) {
        Result r = Brokerage.raise(c);
        assertThat(r).isInstanceOf(Result.Refused.class);
        assertThat(((Result.Refused) r).reason()).isEqualTo(Refusal.INVALID);
        return ((Result.Refused) r).field();
    }
}
