package uk.sse.brokerage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import uk.sse.brokerage.model.Command.Accept;
import uk.sse.brokerage.model.Command.Agree;
import uk.sse.brokerage.model.Command.Cancel;
import uk.sse.brokerage.model.Command.Change;
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

/**
 * Random sequences of commands from random actors (right and wrong kinds, areas and organisations), at current and
 * stale versions, some interrupted between the ledger and the write and some retried, never reach an illegal state,
 * keep the history consistent, change nothing when refused, and leave no hold unresolved once the request is closed.
 */
class BrokeragePropertiesTest {
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    static final String AREA = "888";
    static final String URN = "100001";
    static final String REQ = "R-1";
    static final String SCHOOL_ACCOUNT = AREA + "/" + URN;

    static final Actor ADVISER = Actor.adviser("ann", AREA);
    static final Actor BROKER = Actor.broker("bob", AREA);
    static final Actor SCHOOL = Actor.school("sue", URN);
    static final List<String> PROVIDERS = List.of("P-1", "P-2", "P-3");
    static final List<Actor> ACTORS = List.of(
            ADVISER,
            BROKER,
            SCHOOL,
            Actor.provider("p1", "P-1"),
            Actor.provider("p2", "P-2"),
            Actor.provider("p3", "P-3"),
            Actor.adviser("amy", "999"),
            Actor.broker("ben", "999"),
            Actor.school("sam", "100002"),
            new Actor("ava", ActorKind.ASSURER, AREA, null),
            new Actor("cal", ActorKind.COMMISSIONER, AREA, null),
            new Actor("ada", ActorKind.ADMIN, null, null),
            new Actor("x", ActorKind.ADVISER, null, null));

    /** FOLLOW takes one of the actions the machine allows from the current status (other than cancel and withdraw). */
    enum Kind {
        FOLLOW,
        PROPOSE,
        ACCEPT,
        DECLINE,
        AGREE,
        START,
        COMPLETE,
        EVALUATE,
        CANCEL,
        WITHDRAW,
        RETRY_CRASHED,
        RECONCILE
    }

    /** How long reconciliation leaves a hold whose agreement was not written, for its caller's retry. */
    static final java.time.Duration GRACE = java.time.Duration.ofMinutes(5);

    /**
     * One step. {@code rightActor}: use the actor the policy wants (else {@code actor} from the pool);
     * {@code versionDelta}: 0 = current; {@code crash}: interrupt between the ledger and the write;
     * the remaining numbers feed the command's fields.
     */
    record Step(
            Kind kind,
            boolean rightActor,
            int actor,
            int versionDelta,
            boolean crash,
            int proposal,
            int a,
            int b,
            int c,
            boolean flag) {}

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Kind> kind = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just(Kind.FOLLOW)),
                Tuple.of(6, Arbitraries.just(Kind.PROPOSE)),
                Tuple.of(6, Arbitraries.just(Kind.ACCEPT)),
                Tuple.of(3, Arbitraries.just(Kind.DECLINE)),
                Tuple.of(5, Arbitraries.just(Kind.AGREE)),
                Tuple.of(4, Arbitraries.just(Kind.START)),
                Tuple.of(4, Arbitraries.just(Kind.COMPLETE)),
                Tuple.of(5, Arbitraries.just(Kind.EVALUATE)),
                Tuple.of(1, Arbitraries.just(Kind.CANCEL)),
                Tuple.of(1, Arbitraries.just(Kind.WITHDRAW)),
                Tuple.of(2, Arbitraries.just(Kind.RETRY_CRASHED)),
                Tuple.of(2, Arbitraries.just(Kind.RECONCILE)));
        Arbitrary<Integer> delta = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.just(-3)));
        Arbitrary<Boolean> crash =
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(7, Arbitraries.just(false)));
        Arbitrary<Step> step = Combinators.combine(
                        kind,
                        Arbitraries.of(true, true, true, false),
                        Arbitraries.integers().between(0, ACTORS.size() - 1),
                        delta,
                        crash,
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.integers().between(-1, 7),
                        Arbitraries.integers().between(0, 25))
                .as((k, r, ac, d, cr, p, a, b) -> new Step(k, r, ac, d, cr, p, a, b, 0, false))
                .flatMap(s -> Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                        .as((c, f) -> new Step(
                                s.kind(),
                                s.rightActor(),
                                s.actor(),
                                s.versionDelta(),
                                s.crash(),
                                s.proposal(),
                                s.a(),
                                s.b(),
                                c,
                                f)));
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void noSequenceReachesAnIllegalStateOrLeavesAHoldOpen(
            @ForAll("scenarios") List<Step> steps, @ForAll @LongRange(min = 0, max = 40) long funds) {
        Desk desk = new Desk();
        desk.ledger.fund(SCHOOL_ACCOUNT, funds);
        Raise raise = new Raise(
                ADVISER,
                T0,
                REQ,
                URN,
                AREA,
                List.of("SEND"),
                "phonics catch-up",
                Urgency.MEDIUM,
                5,
                List.of(DeliveryMode.IN_SCHOOL),
                LocalDate.parse("2027-03-31"),
                20,
                List.of(Suggestion.of("O-1", "P-A"), Suggestion.of("O-2", "P-B")));
        assertThat(desk.raise(raise)).isInstanceOf(Desk.Written.class);
        Instant now = T0;
        Change crashed = null;
        for (Step step : steps) {
            now = now.plusSeconds(60);
            BrokerageRequest before = desk.get(REQ);
            int writtenBefore = desk.written.size();
            Change command;
            if (step.kind() == Kind.RECONCILE) {
                Statistics.label("reconciliation repairs").collect(desk.reconcile(REQ, now, GRACE));
                assertWellFormed(desk.get(REQ));
                continue;
            }
            if (step.kind() == Kind.RETRY_CRASHED) {
                if (crashed == null) continue;
                command = crashed;
            } else command = command(step, before, now);
            Desk.Outcome outcome = step.crash() && step.kind() != Kind.RETRY_CRASHED
                    ? desk.crashing(REQ, command)
                    : desk.handle(REQ, command);
            BrokerageRequest after = desk.get(REQ);
            Statistics.label("outcome").collect(label(command, outcome));
            switch (outcome) {
                case Desk.Refused r -> {
                    assertThat(after)
                            .as("refused %s changed the request", command)
                            .isEqualTo(before);
                    assertThat(desk.written).hasSize(writtenBefore);
                    assertThat(r.refused().allowed())
                            .isEqualTo(
                                    r.refused().reason() == Refusal.NOT_FOUND
                                            ? List.of()
                                            : Lifecycle.allowedActions(before.status()));
                }
                case Desk.LedgerRefused l -> {
                    // only placing a hold asks the ledger before the write, and only want of credits refuses it
                    assertThat(after).isEqualTo(before);
                    assertThat(l.effect()).isInstanceOf(PlaceHold.class);
                    assertThat(l.reason()).isEqualTo("INSUFFICIENT_FUNDS");
                }
                case Desk.Crashed c -> {
                    assertThat(after).isEqualTo(before);
                    assertThat(c.applied().ledgerBefore()).allMatch(e -> e instanceof PlaceHold);
                    crashed = command;
                }
                case Desk.Written w -> {
                    assertThat(after.version()).isEqualTo(before.version() + 1);
                    assertThat(after.history()).hasSize(before.history().size() + 1);
                    assertThat(after.history().subList(0, before.history().size()))
                            .isEqualTo(before.history());
                    Transition t = w.applied().transition();
                    assertThat(t.from()).isEqualTo(before.status());
                    assertThat(t.to()).isEqualTo(after.status());
                    assertThat(Policy.may(command.actor(), command, before)).isTrue();
                    assertThat(w.applied().event().id()).isEqualTo(REQ + "/" + after.version());
                    assertThat(w.applied().event().type()).isEqualTo(t.action().eventType());
                    if (command == crashed) crashed = null;
                }
            }
            assertWellFormed(after);
            assertHoldsResolvedAtMostOnce(desk);
            assertAllowedActionsAreWhatApplyTakes(after, now);
        }
        // reconciliation, once the grace has passed, leaves the ledger and the request agreeing
        now = now.plus(GRACE).plusSeconds(60);
        desk.reconcile(REQ, now, GRACE);
        BrokerageRequest last = desk.get(REQ);
        assertWellFormed(last);
        assertHoldsResolvedAtMostOnce(desk);
        for (FakeLedger.Hold h : desk.ledger.holds.values()) {
            Engagement e = last.engagement();
            boolean theEngagements = e != null && e.holdId().equals(h.id());
            switch (h.state()) {
                case PENDING ->
                    assertThat(theEngagements && e.hold() == HoldState.HELD)
                            .as("pending %s", h)
                            .isTrue();
                case POSTED ->
                    assertThat(theEngagements && e.hold() == HoldState.POSTED && e.creditsPosted() == h.posted())
                            .as("posted %s", h)
                            .isTrue();
                case VOIDED ->
                    assertThat(!theEngagements || e.hold() == HoldState.VOIDED)
                            .as("voided %s", h)
                            .isTrue();
            }
        }
        if (last.engagement() != null)
            assertThat(desk.ledger.holds).containsKey(last.engagement().holdId());
        Statistics.label("final status").collect(last.status());
        if (last.status().closed()) {
            // every hold the written transitions placed was posted or voided exactly once
            Map<String, Integer> resolutions = resolutions(desk);
            desk.written.stream()
                    .flatMap(a -> a.ledgerBefore().stream())
                    .filter(e -> e instanceof PlaceHold)
                    .forEach(p -> assertThat(resolutions.getOrDefault(p.transferId(), 0))
                            .as("resolutions of %s", p)
                            .isEqualTo(1));
            // and the ledger holds nothing pending, not even a hold an interrupted agreement placed
            assertThat(desk.ledger.holds.values()).noneMatch(h -> h.state() == FakeLedger.State.PENDING);
            assertThat(desk.ledger.pending.getOrDefault(SCHOOL_ACCOUNT, 0L)).isZero();
        }
        // the ledger and the request agree on what was paid
        long paid = last.engagement() == null ? 0 : last.engagement().creditsPosted();
        assertThat(desk.ledger.balances.getOrDefault(SCHOOL_ACCOUNT, 0L)).isEqualTo(funds - paid);
    }

    /** Whatever the history, the request is one the documented machine can produce. */
    static void assertWellFormed(BrokerageRequest r) {
        assertThat(Lifecycle.reachable()).contains(r.status());
        List<Transition> h = r.history();
        assertThat(h).isNotEmpty();
        assertThat(h.get(0).action()).isEqualTo(Action.RAISE);
        assertThat(h.get(0).from()).isNull();
        for (int i = 0; i < h.size(); i++) {
            Transition t = h.get(i);
            assertThat(t.version()).isEqualTo(i + 1);
            assertThat(Lifecycle.isEdge(t.from(), t.action(), t.to()))
                    .as("edge %s", t)
                    .isTrue();
            if (i > 0) assertThat(t.from()).isEqualTo(h.get(i - 1).to());
            if (i > 0) assertThat(t.at()).isAfterOrEqualTo(h.get(i - 1).at());
        }
        assertThat(r.version()).isEqualTo(h.size());
        assertThat(r.status()).isEqualTo(h.get(h.size() - 1).to());
        boolean agreed = h.stream().anyMatch(t -> t.action() == Action.AGREE);
        assertThat(r.engagement() != null).isEqualTo(agreed);
        long agreedProposals = r.proposals().stream()
                .filter(p -> p.status() == ProposalStatus.AGREED)
                .count();
        assertThat(agreedProposals).isEqualTo(agreed ? 1 : 0);
        if (r.engagement() != null) {
            Engagement e = r.engagement();
            assertThat(e.id()).isEqualTo(Brokerage.engagementId(r.id(), e.proposalId()));
            assertThat(Brokerage.requestOfHold(e.holdId())).contains(r.id());
            boolean held = r.status() == RequestStatus.AGREED || r.status() == RequestStatus.IN_DELIVERY;
            assertThat(e.hold() == HoldState.HELD)
                    .as("hold %s in %s", e.hold(), r.status())
                    .isEqualTo(held);
            assertThat(e.creditsPosted()).isBetween(0L, e.credits());
            assertThat(e.hold() == HoldState.POSTED).isEqualTo(e.creditsPosted() > 0);
            if (r.proposals().stream().anyMatch(p -> p.status().live()))
                assertThat(r.status()).isIn(RequestStatus.CANCELLED, RequestStatus.WITHDRAWN);
        }
        switch (r.status()) {
            case OPEN -> assertThat(r.proposals()).noneMatch(p -> p.status().live());
            case PROPOSED -> {
                assertThat(r.proposals()).anyMatch(p -> p.status() == ProposalStatus.PROPOSED);
                assertThat(r.proposals()).noneMatch(p -> p.status() == ProposalStatus.ACCEPTED);
            }
            case ACCEPTED -> assertThat(r.proposals()).anyMatch(p -> p.status() == ProposalStatus.ACCEPTED);
            case EVALUATED -> assertThat(r.evaluation().complete()).isTrue();
            case COMPLETED -> assertThat(r.evaluation().complete()).isFalse();
            default -> {}
        }
    }

    /** No written transition ever resolves a hold twice, nor one it never placed. */
    static void assertHoldsResolvedAtMostOnce(Desk desk) {
        List<String> placed = new ArrayList<>();
        desk.written.stream()
                .flatMap(a -> a.ledgerBefore().stream())
                .filter(e -> e instanceof PlaceHold)
                .forEach(e -> placed.add(e.transferId()));
        assertThat(placed).doesNotHaveDuplicates();
        resolutions(desk).forEach((id, n) -> {
            assertThat(placed).as("resolved %s without placing it", id).contains(id);
            assertThat(n).as("resolutions of %s", id).isEqualTo(1);
        });
    }

    static Map<String, Integer> resolutions(Desk desk) {
        Map<String, Integer> n = new HashMap<>();
        desk.written.stream()
                .flatMap(a -> a.ledgerAfter().stream())
                .filter(e -> e instanceof PostHold || e instanceof VoidHold)
                .forEach(e -> n.merge(e.transferId(), 1, Integer::sum));
        assertThat(desk.written.stream().flatMap(a -> a.ledgerBefore().stream()))
                .allMatch(e -> e instanceof PlaceHold);
        return n;
    }

    static Change command(Step s, BrokerageRequest r, Instant at) {
        if (s.kind() == Kind.FOLLOW) {
            List<Action> allowed = Lifecycle.allowedActions(r.status()).stream()
                    .filter(a -> a != Action.CANCEL && a != Action.WITHDRAW)
                    .toList();
            if (allowed.isEmpty()) allowed = Lifecycle.allowedActions(r.status());
            Kind k = allowed.isEmpty()
                    ? Kind.CANCEL
                    : switch (allowed.get((s.c() + s.b()) % allowed.size())) {
                        case PROPOSE -> Kind.PROPOSE;
                        case ACCEPT -> Kind.ACCEPT;
                        case DECLINE -> Kind.DECLINE;
                        case AGREE -> Kind.AGREE;
                        case START_DELIVERY -> Kind.START;
                        case COMPLETE -> Kind.COMPLETE;
                        case EVALUATE -> Kind.EVALUATE;
                        case CANCEL -> Kind.CANCEL;
                        case WITHDRAW -> Kind.WITHDRAW;
                        case RAISE, RELEASE_HOLD -> throw new IllegalStateException();
                    };
            s = new Step(
                    k,
                    s.rightActor(),
                    s.actor(),
                    s.versionDelta(),
                    s.crash(),
                    s.proposal(),
                    s.a(),
                    s.b(),
                    s.c(),
                    s.flag());
        }
        long version = Math.max(0, r.version() + s.versionDelta());
        String proposalId = s.rightActor() ? suitableProposal(s, r) : "P" + s.proposal();
        Actor actor = s.rightActor() ? rightActor(s, r, proposalId) : ACTORS.get(s.actor());
        return switch (s.kind()) {
            case PROPOSE -> {
                List<Offered> offers = new ArrayList<>();
                for (int i = 0; i <= s.c() % 2; i++)
                    offers.add(new Offered(
                            "O-" + ((s.b() + i) % 4),
                            PROVIDERS.get((s.proposal() + i) % PROVIDERS.size()),
                            Math.max(0, s.a()),
                            s.b() + i));
                yield new Propose(actor, at, version, offers, s.flag() ? "note" : null);
            }
            case ACCEPT -> new Accept(actor, at, version, proposalId);
            case DECLINE -> new Decline(actor, at, version, proposalId, s.flag() || s.c() > 0 ? "no capacity" : " ");
            case AGREE -> new Agree(actor, at, version, proposalId);
            case START -> new StartDelivery(actor, at, version);
            case COMPLETE ->
                new Complete(
                        actor, at, version, s.a(), s.flag() ? OptionalLong.of(s.b() - 2) : OptionalLong.empty(), null);
            case EVALUATE ->
                new Evaluate(
                        actor,
                        at,
                        version,
                        s.flag() ? Rating.SCHOOL : Rating.IMPACT,
                        s.a() == 0 ? 6 : Math.abs(s.a()),
                        null);
            case CANCEL -> new Cancel(actor, at, version, s.c() == 0 ? null : "changed plans");
            case WITHDRAW -> new Withdraw(actor, at, version, s.c() == 0 ? "" : "changed plans");
            case RETRY_CRASHED, FOLLOW, RECONCILE -> throw new IllegalStateException();
        };
    }

    /**
     * For every actor (those of {@link #ACTORS} and each provider proposed to), an action is among their
     * {@link Policy#allowedActions} exactly when {@link Brokerage#apply} takes a well-formed command of it from them
     * now: it is refused to them for nothing but its input (never as not theirs, not now, or not that proposal).
     */
    static void assertAllowedActionsAreWhatApplyTakes(BrokerageRequest r, Instant at) {
        List<Actor> actors = new ArrayList<>(ACTORS);
        r.proposals().forEach(p -> actors.add(Actor.provider("p-" + p.providerId(), p.providerId())));
        long v = r.version();
        for (Actor a : actors) {
            List<Action> taken = new ArrayList<>();
            for (Action action : Action.values()) {
                List<Change> probes = switch (action) {
                    case PROPOSE -> List.of(new Propose(a, at, v, List.of(new Offered("O-probe", "P-9", 1, 1)), null));
                    case ACCEPT ->
                        r.proposals().stream()
                                .<Change>map(p -> new Accept(a, at, v, p.id()))
                                .toList();
                    case DECLINE ->
                        r.proposals().stream()
                                .<Change>map(p -> new Decline(a, at, v, p.id(), "no capacity"))
                                .toList();
                    case AGREE ->
                        r.proposals().stream()
                                .<Change>map(p -> new Agree(a, at, v, p.id()))
                                .toList();
                    case START_DELIVERY -> List.of(new StartDelivery(a, at, v));
                    case COMPLETE -> List.of(new Complete(a, at, v, 0, OptionalLong.empty(), null));
                    case EVALUATE ->
                        List.of(
                                new Evaluate(a, at, v, Rating.SCHOOL, 3, null),
                                new Evaluate(a, at, v, Rating.IMPACT, 3, null));
                    case CANCEL -> List.of(new Cancel(a, at, v, "changed plans"));
                    case WITHDRAW -> List.of(new Withdraw(a, at, v, "changed plans"));
                    case RAISE, RELEASE_HOLD -> List.of();
                };
                if (probes.stream()
                        .map(c -> Brokerage.apply(r, c))
                        .anyMatch(res -> res instanceof Applied
                                || res instanceof Result.Refused x && x.reason() == Refusal.INVALID)) taken.add(action);
            }
            assertThat(Policy.allowedActions(a, r))
                    .as("%s may do to a %s request", a, r.status())
                    .isEqualTo(taken);
        }
    }

    /** For the right actor, a proposal in the state the action needs, if there is one. */
    static String suitableProposal(Step s, BrokerageRequest r) {
        ProposalStatus wanted = s.kind() == Kind.AGREE ? ProposalStatus.ACCEPTED : ProposalStatus.PROPOSED;
        List<Proposal> fit =
                r.proposals().stream().filter(p -> p.status() == wanted).toList();
        return fit.isEmpty()
                ? "P" + s.proposal()
                : fit.get(s.proposal() % fit.size()).id();
    }

    static Actor rightActor(Step s, BrokerageRequest r, String proposalId) {
        return switch (s.kind()) {
            case PROPOSE, START, COMPLETE -> BROKER;
            case ACCEPT, DECLINE ->
                r.proposal(proposalId)
                        .map(p -> Actor.provider("p", p.providerId()))
                        .orElse(ACTORS.get(s.actor()));
            case AGREE -> s.flag() ? SCHOOL : ADVISER;
            case EVALUATE -> s.flag() ? SCHOOL : ADVISER;
            case CANCEL -> s.flag() ? ADVISER : BROKER;
            case WITHDRAW -> SCHOOL;
            case RETRY_CRASHED, FOLLOW, RECONCILE -> ACTORS.get(s.actor());
        };
    }

    static String label(Change c, Desk.Outcome o) {
        return switch (o) {
            case Desk.Refused r -> "refused " + r.refused().reason();
            case Desk.LedgerRefused l -> "ledger refused " + l.reason();
            case Desk.Crashed x -> "crashed " + c.action();
            case Desk.Written w ->
                "written " + c.action() + " -> " + w.applied().transition().to();
        };
    }
}
