package uk.sse.brokerage.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Engagement;
import uk.sse.brokerage.model.HoldState;
import uk.sse.brokerage.model.LedgerEffect;
import uk.sse.brokerage.model.Result;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/**
 * Brings the ledger's engagement holds and the brokerage's engagements into agreement, each disagreement the one right
 * way (decision 0031), with an event on the request for each repair:
 * <ul>
 *   <li>a pending hold the request says is posted or voided (a crash after the state was written), once
 *       {@code orphanGrace} has passed since: the post or void is re-driven ({@code post-redriven}, {@code void-redriven});</li>
 *   <li>a pending hold that is no engagement's and that no agreement of the request as it stands would place (the
 *       request moved on, was closed, or does not exist): voided ({@code hold-voided});</li>
 *   <li>a pending hold of an agreement that was never written and would still be (its caller never retried), once
 *       {@code orphanGrace} has passed: the request moves on a version, so a late retry is stale and a new agreement
 *       places a new hold, and the hold is voided ({@code brokerage.reconciliation.hold-released});</li>
 *   <li>an engagement held by the request whose hold the ledger no longer holds (lapsed, or missing), or a post or void
 *       the ledger refuses: flagged for a person ({@code needs-attention}), never guessed at.</li>
 * </ul>
 * And a held engagement's hold is extended while less than half of {@code holdTimeout} is left, so a hold lasts as
 * long as its delivery and no longer than a timeout after the brokerage stops keeping it.
 */
@Singleton
public class ReconcileEngagements {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileEngagements.class);
    private static final int PAGE = 100;

    private final RequestStore store;
    private final Ledger ledger;
    private final Clock clock;
    private final Duration holdTimeout;
    private final Duration orphanGrace;

    public ReconcileEngagements(RequestStore store, Ledger ledger, Clock clock, BrokerageSettings settings) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.holdTimeout = settings.holdTimeout();
        this.orphanGrace = settings.orphanGrace();
    }

    /** What a run saw and did: holds and engagements looked at, and how many of each repair (or extension) it made. */
    public record Report(int holds, int engagements, Map<String, Integer> repairs, Instant at) {}

    /** One pass over the pending holds and the held engagements, up to {@code max} of each. */
    public Report run(int max) {
        Instant now = clock.instant();
        Map<String, Integer> repairs = new TreeMap<>();
        int holds = 0;
        String cursor = null;
        do {
            Ledger.Holds page = switch (ledger.pendingHolds(cursor)) {
                case Lookup.Found<Ledger.Holds> found -> found.value();
                case Lookup.Missing<Ledger.Holds> none -> new Ledger.Holds(java.util.List.of(), null);
                case Lookup.Unavailable<Ledger.Holds> down ->
                    throw new uk.sse.kernel.problem.ServiceBusy(
                            "the ledger did not list its holds: " + down.why(), null);
            };
            for (Ledger.Hold hold : page.items()) {
                holds++;
                reconcile(hold, now).ifPresent(repair -> repairs.merge(repair, 1, Integer::sum));
            }
            cursor = page.next();
        } while (cursor != null && holds < max);
        int engagements = 0;
        String from = null;
        do {
            Page<String> held = store.heldEngagements(new PageRequest(PAGE, from));
            for (String requestId : held.items()) {
                engagements++;
                check(requestId, now).ifPresent(repair -> repairs.merge(repair, 1, Integer::sum));
            }
            from = held.next();
        } while (from != null && engagements < max);
        if (!repairs.isEmpty()) {
            LOG.info("reconciled {} holds and {} engagements: {}", holds, engagements, repairs);
        }
        return new Report(holds, engagements, repairs, now);
    }

    /** A pending hold against the request it names: the repair made, if any. */
    private Optional<String> reconcile(Ledger.Hold hold, Instant now) {
        Optional<BrokerageRequest> found = Brokerage.requestOfHold(hold.id()).flatMap(store::find);
        if (found.isEmpty()) {
            // no request placed it: nothing to record an event on, but the credits are released
            return done(ledger.carry(null, new LedgerEffect.VoidStrayHold(hold.id())))
                    ? Optional.of("hold-voided")
                    : Optional.empty();
        }
        BrokerageRequest r = found.get();
        Engagement e = r.engagement();
        if (e != null && e.holdId().equals(hold.id())) {
            if (e.hold() != HoldState.HELD && r.updatedAt().plus(orphanGrace).isAfter(now)) {
                return Optional.empty(); // the step that decided it may still be on its way to the ledger
            }
            return switch (e.hold()) {
                case HELD -> extendIfDue(hold, now);
                case POSTED ->
                    repair(r, hold, new LedgerEffect.PostHold(hold.id(), e.creditsPosted()), "post-redriven", now);
                case VOIDED -> repair(r, hold, new LedgerEffect.VoidHold(hold.id()), "void-redriven", now);
            };
        }
        if (Brokerage.agreeable(r, hold.id())) {
            if (hold.createdAt() != null && hold.createdAt().plus(orphanGrace).isAfter(now)) {
                return Optional.empty(); // its agreement may still be on its way, or its caller about to retry
            }
            if (!(Brokerage.releaseHold(r, hold.id(), now) instanceof Result.Applied released)
                    || !store.update(released)) {
                return Optional.empty(); // the request moved meanwhile: the next run decides on what it is then
            }
            released.ledgerAfter().forEach(effect -> ledger.carry(null, effect));
            return Optional.of("hold-released");
        }
        return repair(r, hold, new LedgerEffect.VoidStrayHold(hold.id()), "hold-voided", now);
    }

    /** A held engagement whose hold the ledger does not hold pending needs a person: it is flagged, once per state. */
    private Optional<String> check(String requestId, Instant now) {
        Optional<BrokerageRequest> found = store.find(requestId);
        if (found.isEmpty()
                || found.get().engagement() == null
                || found.get().engagement().hold() != HoldState.HELD) {
            return Optional.empty();
        }
        BrokerageRequest r = found.get();
        String holdId = r.engagement().holdId();
        String problem = switch (ledger.hold(holdId)) {
            case Lookup.Found<Ledger.Hold> h ->
                h.value().pending() ? null : "the ledger's hold is " + h.value().state();
            case Lookup.Missing<Ledger.Hold> none -> "the ledger has no such hold";
            case Lookup.Unavailable<Ledger.Hold> down -> null; // nothing can be concluded; the next run asks again
        };
        if (problem == null) {
            return Optional.empty();
        }
        return flag(
                r,
                holdId,
                "the engagement is agreed but " + problem + ": the school's credits are not held for it",
                now);
    }

    private Optional<String> extendIfDue(Ledger.Hold hold, Instant now) {
        if (hold.timeout() == null || Duration.between(now, hold.timeout()).compareTo(holdTimeout.dividedBy(2)) > 0) {
            return Optional.empty();
        }
        Ledger.Answer answer = ledger.carry(null, new LedgerEffect.ExtendHold(hold.id()));
        return answer instanceof Ledger.Answer.Done ? Optional.of("extended") : Optional.empty();
    }

    /** Carries out the effect; done, its event; refused, a flag for a person; no answer, nothing (the next run tries again). */
    private Optional<String> repair(
            BrokerageRequest r, Ledger.Hold hold, LedgerEffect effect, String repair, Instant now) {
        Ledger.Answer answer = ledger.carry(null, effect);
        switch (answer) {
            case Ledger.Answer.Done done -> {
                store.recordEvent(
                        r.id(),
                        r.version(),
                        "REPAIR#" + repair + "#" + hold.id(),
                        Brokerage.repaired(r, repair, hold.id(), describe(effect), now));
                return Optional.of(repair);
            }
            case Ledger.Answer.Refused no -> {
                return flag(r, hold.id(), "the ledger refused to " + describe(effect) + ": " + no.message(), now);
            }
            case Ledger.Answer.Unavailable down -> {
                return Optional.empty();
            }
        }
    }

    /** Flags the disagreement for a person, once per request version and hold: a repair only the first time. */
    private Optional<String> flag(BrokerageRequest r, String holdId, String detail, Instant now) {
        boolean first = store.recordEvent(
                r.id(),
                r.version(),
                "REPAIR#needs-attention#" + holdId,
                Brokerage.repaired(r, "needs-attention", holdId, detail, now));
        if (first) {
            LOG.warn("request {}: {}", r.id(), detail);
        }
        return first ? Optional.of("needs-attention") : Optional.empty();
    }

    private static boolean done(Ledger.Answer answer) {
        return answer instanceof Ledger.Answer.Done;
    }

    private static String describe(LedgerEffect effect) {
        return switch (effect) {
            case LedgerEffect.PostHold p -> "post " + p.amount() + " credits of hold " + p.transferId();
            case LedgerEffect.VoidHold v -> "void hold " + v.transferId();
            case LedgerEffect.VoidStrayHold v -> "void hold " + v.transferId() + ", which is no engagement's";
            case LedgerEffect.PlaceHold h -> "place hold " + h.transferId();
            case LedgerEffect.ExtendHold x -> "extend hold " + x.transferId();
        };
    }
}
