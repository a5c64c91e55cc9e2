package uk.sse.brokerage.model;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
import uk.sse.brokerage.model.LedgerEffect.VoidStrayHold;
import uk.sse.brokerage.model.Result.Applied;
import uk.sse.brokerage.model.Result.Refused;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.contracts.brokerage.BrokerageEvent.EngagementAgreed;
import uk.sse.contracts.brokerage.BrokerageEvent.EngagementCompleted;
import uk.sse.contracts.brokerage.BrokerageEvent.EngagementEvaluated;
import uk.sse.contracts.brokerage.BrokerageEvent.EngagementStarted;
import uk.sse.contracts.brokerage.BrokerageEvent.HoldRefused;
import uk.sse.contracts.brokerage.BrokerageEvent.HoldReleased;
import uk.sse.contracts.brokerage.BrokerageEvent.ProposalAccepted;
import uk.sse.contracts.brokerage.BrokerageEvent.ProposalDeclined;
import uk.sse.contracts.brokerage.BrokerageEvent.RequestCancelled;
import uk.sse.contracts.brokerage.BrokerageEvent.RequestCreated;
import uk.sse.contracts.brokerage.BrokerageEvent.RequestProposed;
import uk.sse.contracts.brokerage.BrokerageEvent.RequestWithdrawn;
import uk.sse.kernel.events.EventEnvelope;

/**
 * The brokerage's rules as pure functions: {@link #raise} makes a request, {@link #apply} moves one.
 * A command is checked in this order: may the actor see the request (else NOT_FOUND), may they take this action
 * (FORBIDDEN), is the version the one they decided on (STALE_VERSION), does the machine allow the action from the
 * status ({@link Lifecycle}; ILLEGAL_TRANSITION), then the action's own checks. Refusals change nothing.
 */
public final class Brokerage {
    public static final int MAX_SUGGESTIONS = 10;
    public static final int MAX_AREAS_OF_SUPPORT = 20;
    public static final int MAX_NEED = 4000;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_DAYS = 365;
    public static final int MAX_OFFERS_PER_PROPOSAL = 10;
    public static final int MAX_PROPOSALS = 30;
    public static final long MAX_CREDITS = 1_000_000_000L;
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;
    /** An id that can be part of a ledger account or transfer id: 1 to 64 of letters, digits and {@code : _ . -}. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9:_.\\-]{1,64}");
    /** A request id: short enough that its hold id ({@link #holdId}) is a valid transfer id; no dot, so that split is unambiguous. */
    public static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,40}");
    /** The ledger's namespace for engagement holds: only the brokerage, as a service, places or resolves them. */
    public static final String HOLD_PREFIX = "brk:";

    private static final Pattern HOLD_ID =
            Pattern.compile("brk:([A-Za-z0-9_\\-]{1,40})\\.(P[0-9]{1,3})\\.v([0-9]{1,9})");
    /** A taxonomy code. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private Brokerage() {}

    /** The engagement id for agreeing {@code proposalId} on {@code requestId}. */
    public static String engagementId(String requestId, String proposalId) {
        return requestId + "." + proposalId;
    }

    /**
     * The ledger transfer id of the hold an agreement of {@code proposalId} on the request at {@code version} places: the
     * same on every retry of that agreement, and another once the request has moved on (e.g. a released hold).
     */
    public static String holdId(String requestId, String proposalId, long version) {
        return HOLD_PREFIX + requestId + "." + proposalId + ".v" + version;
    }

    /** The request a hold id names, if it is one of {@link #holdId}'s. */
    public static Optional<String> requestOfHold(String holdId) {
        java.util.regex.Matcher m = HOLD_ID.matcher(holdId);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    // ---------------------------------------------------------------- raise

    public static Result raise(Raise c) {
        if (!Policy.mayRaise(c.actor(), c.area(), c.urn()))
            return refusedNew(
                    Refusal.FORBIDDEN,
                    null,
                    "only an adviser of area " + c.area() + ", or the school for itself, may raise a request there");
        Optional<Refused> bad = firstOf(
                check(
                        c.requestId() != null
                                && REQUEST_ID.matcher(c.requestId()).matches(),
                        "requestId",
                        "must be 1 to 48 letters, digits, _ or -"),
                check(c.urn() != null && ID.matcher(c.urn()).matches(), "urn", "must be a school's URN"),
                check(
                        c.areasOfSupport() != null
                                && !c.areasOfSupport().isEmpty()
                                && c.areasOfSupport().size() <= MAX_AREAS_OF_SUPPORT,
                        "areasOfSupport",
                        "must name 1 to " + MAX_AREAS_OF_SUPPORT + " taxonomy codes"),
                check(
                        c.areasOfSupport() == null
                                || c.areasOfSupport().stream()
                                        .allMatch(s ->
                                                s != null && CODE.matcher(s).matches()),
                        "areasOfSupport",
                        "each must be a taxonomy code"),
                check(
                        c.areasOfSupport() == null
                                || new HashSet<>(c.areasOfSupport()).size()
                                        == c.areasOfSupport().size(),
                        "areasOfSupport",
                        "must not repeat a code"),
                check(
                        c.need() != null && !c.need().isBlank() && c.need().length() <= MAX_NEED,
                        "need",
                        "must be 1 to " + MAX_NEED + " characters"),
                check(c.urgency() != null, "urgency", "is required"),
                check(c.daysWanted() >= 1 && c.daysWanted() <= MAX_DAYS, "daysWanted", "must be 1 to " + MAX_DAYS),
                check(
                        c.deliveryModes().stream().allMatch(m -> m != null)
                                && new HashSet<>(c.deliveryModes()).size()
                                        == c.deliveryModes().size(),
                        "deliveryModes",
                        "must not be null or repeated"),
                check(
                        c.wantedBy() != null
                                && !c.wantedBy()
                                        .isBefore(c.at().atZone(ZoneOffset.UTC).toLocalDate()),
                        "wantedBy",
                        "must be today or later"),
                check(c.credits() >= 1 && c.credits() <= MAX_CREDITS, "credits", "must be 1 to " + MAX_CREDITS),
                check(c.suggestions().size() <= MAX_SUGGESTIONS, "suggestions", "at most " + MAX_SUGGESTIONS),
                check(
                        c.schoolName() == null || c.schoolName().length() <= MAX_TEXT,
                        "schoolName",
                        "must be at most " + MAX_TEXT + " characters"),
                check(
                        c.suggestions().stream()
                                        .allMatch(s -> s != null
                                                && s.offerId() != null
                                                && ID.matcher(s.offerId()).matches()
                                                && s.providerId() != null
                                                && ID.matcher(s.providerId()).matches())
                                && c.suggestions().stream()
                                                .map(Suggestion::offerId)
                                                .distinct()
                                                .count()
                                        == c.suggestions().size(),
                        "suggestions",
                        "must be distinct offers, each with its provider"));
        if (bad.isPresent()) return bad.get();
        Transition t = new Transition(
                c.actor().subject(), c.actor().kind(), c.at(), Action.RAISE, null, RequestStatus.OPEN, null, 1);
        BrokerageRequest r = new BrokerageRequest(
                c.requestId(),
                c.urn(),
                c.area(),
                c.areasOfSupport(),
                c.need().strip(),
                c.urgency(),
                c.daysWanted(),
                c.deliveryModes(),
                c.wantedBy(),
                c.credits(),
                c.actor().subject(),
                c.at(),
                RequestStatus.OPEN,
                1,
                List.of(),
                null,
                c.suggestions(),
                Evaluation.NONE,
                List.of(t),
                c.schoolName());
        BrokerageEvent event = new RequestCreated(
                t.at(),
                r.area(),
                request(r, t),
                r.need(),
                r.daysWanted(),
                r.deliveryModes().stream().map(Enum::name).toList(),
                r.wantedBy(),
                r.credits(),
                r.suggestions().stream().map(Suggestion::offerId).toList());
        return applied(r, event, List.of(), List.of());
    }

    // ---------------------------------------------------------------- apply

    public static Result apply(BrokerageRequest r, Change c) {
        Actor a = c.actor();
        if (!Policy.maySee(a, r))
            return new Refused(Refusal.NOT_FOUND, "no request " + r.id(), null, null, 0, List.of());
        if (!Policy.may(a, c, r))
            return refused(
                    r,
                    Refusal.FORBIDDEN,
                    null,
                    a.kind() + " " + a.subject() + " may not " + name(c.action()) + " request " + r.id());
        if (c.expectedVersion() != r.version())
            return refused(
                    r,
                    Refusal.STALE_VERSION,
                    null,
                    "request " + r.id() + " is at version " + r.version() + ", not " + c.expectedVersion() + "; it is "
                            + r.status());
        if (!Lifecycle.allows(r.status(), c.action()))
            return refused(
                    r,
                    Refusal.ILLEGAL_TRANSITION,
                    null,
                    "a request that is " + r.status() + " cannot be given " + c.action());
        return switch (c) {
            case Propose p -> propose(r, p);
            case Accept x -> accept(r, x);
            case Decline x -> decline(r, x);
            case Agree x -> agree(r, x);
            case StartDelivery x -> start(r, x);
            case Complete x -> complete(r, x);
            case Evaluate x -> evaluate(r, x);
            case Cancel x -> close(r, x, RequestStatus.CANCELLED, x.reason());
            case Withdraw x -> close(r, x, RequestStatus.WITHDRAWN, x.reason());
        };
    }

    /**
     * Whether the hold {@code holdId} can never be this request's engagement hold as it now stands, so must be voided:
     * it is not the engagement's, and no agreement decided on the request as it is would place it.
     */
    public static boolean strayHold(BrokerageRequest current, String holdId) {
        return current.engagementIfAny().map(e -> !e.holdId().equals(holdId)).orElse(true)
                && !agreeable(current, holdId);
    }

    /** Whether agreeing one of the request's accepted proposals, now, would place the hold {@code holdId}. */
    public static boolean agreeable(BrokerageRequest r, String holdId) {
        return Lifecycle.allows(r.status(), Action.AGREE)
                && r.proposals().stream()
                        .anyMatch(p -> p.status() == ProposalStatus.ACCEPTED
                                && holdId(r.id(), p.id(), r.version()).equals(holdId));
    }

    /**
     * Reconciliation releasing the hold of an agreement that was placed but never written, once it has waited long
     * enough for the caller's retry: the request moves to its next version, unchanged otherwise, so that a retry of that
     * agreement is stale and a new one places a new hold. Refused unless the hold is one an agreement now would place.
     */
    public static Result releaseHold(BrokerageRequest r, String holdId, java.time.Instant at) {
        if (!agreeable(r, holdId))
            return refused(
                    r,
                    Refusal.ILLEGAL_TRANSITION,
                    null,
                    "hold " + holdId + " is not one request " + r.id() + " could agree now");
        Transition t = new Transition(
                RECONCILER,
                ActorKind.SERVICE,
                at,
                Action.RELEASE_HOLD,
                r.status(),
                r.status(),
                "the agreement that placed hold " + holdId + " was never written",
                r.version() + 1);
        BrokerageRequest next = r.next(r.status(), r.proposals(), r.engagement(), r.evaluation(), t);
        return applied(
                next,
                new HoldReleased(at, next.area(), request(next, t), holdId, t.reason()),
                List.of(),
                List.of(new VoidStrayHold(holdId)));
    }

    /** Who reconciliation's transitions and repairs are by. */
    public static final String RECONCILER = "brokerage-reconciliation";

    /**
     * The event of a repair reconciliation made to a request's hold without changing the request: {@code repair} is
     * {@code hold-voided}, {@code post-redriven}, {@code void-redriven} or {@code needs-attention}. Its id names the
     * request's version, the repair and the hold, so the same repair of the same disagreement is the same event.
     */
    public static EventEnvelope repaired(
            BrokerageRequest r, String repair, String holdId, String detail, java.time.Instant at) {
        BrokerageEvent.Request request = new BrokerageEvent.Request(
                r.id(),
                r.version(),
                r.urn(),
                r.schoolName(),
                r.areasOfSupport(),
                r.urgency().name(),
                null,
                null,
                r.status().name(),
                RECONCILER,
                ActorKind.SERVICE.name());
        return envelope(BrokerageEvent.repairOf(
                repair,
                at,
                r.area(),
                request,
                holdId,
                detail,
                r.engagementIfAny().map(Brokerage::engagement).orElse(null)));
    }

    /**
     * The event of an agreement the ledger refused for want of credits: the request stays as it is, and the event
     * tells brokers and reporting. Its id names the version the agreement was made on, so a retry is the same event.
     */
    public static EventEnvelope holdRefused(BrokerageRequest r, Agree c, String reason) {
        Proposal p = r.proposal(c.proposalId())
                .orElseThrow(() -> new IllegalArgumentException("no proposal " + c.proposalId()));
        Transition attempt = new Transition(
                c.actor().subject(),
                c.actor().kind(),
                c.at(),
                Action.AGREE,
                r.status(),
                r.status(),
                reason,
                r.version());
        return envelope(new HoldRefused(
                c.at(), r.area(), request(r, attempt), p.id(), p.offerId(), p.providerId(), p.credits(), reason));
    }

    private static Result propose(BrokerageRequest r, Propose c) {
        List<Offered> offers = c.offers();
        if (offers.isEmpty() || offers.size() > MAX_OFFERS_PER_PROPOSAL)
            return invalid(r, "offers", "must name 1 to " + MAX_OFFERS_PER_PROPOSAL + " offers");
        if (r.proposals().size() + offers.size() > MAX_PROPOSALS)
            return invalid(r, "offers", "a request takes at most " + MAX_PROPOSALS + " proposals");
        Set<String> live = new HashSet<>();
        r.proposals().stream().filter(p -> p.status().live()).forEach(p -> live.add(p.offerId()));
        for (Offered o : offers) {
            if (o == null || o.offerId() == null || !ID.matcher(o.offerId()).matches())
                return invalid(r, "offers.offerId", "must be an offer id");
            if (o.providerId() == null || !ID.matcher(o.providerId()).matches())
                return invalid(r, "offers.providerId", "must be a provider id");
            if (o.providerId().equals(r.urn()))
                return invalid(r, "offers.providerId", "a school cannot be its own provider");
            if (o.days() < 1 || o.days() > MAX_DAYS) return invalid(r, "offers.days", "must be 1 to " + MAX_DAYS);
            if (o.credits() < 1 || o.credits() > r.credits())
                return invalid(r, "offers.credits", "must be 1 to the " + r.credits() + " credits the school commits");
            if (!live.add(o.offerId()))
                return invalid(r, "offers.offerId", "offer " + o.offerId() + " is already proposed");
        }
        Optional<Refused> note = text(r, "note", c.note(), false);
        if (note.isPresent()) return note.get();
        List<Proposal> proposals = new ArrayList<>(r.proposals());
        List<BrokerageEvent.Proposal> added = new ArrayList<>();
        for (Offered o : offers) {
            Proposal p = new Proposal(
                    "P" + (proposals.size() + 1),
                    o.offerId(),
                    o.providerId(),
                    o.days(),
                    o.credits(),
                    ProposalStatus.PROPOSED,
                    c.actor().subject(),
                    c.at(),
                    null,
                    null,
                    null);
            proposals.add(p);
            added.add(proposal(p));
        }
        Transition t = transition(r, c, RequestStatus.PROPOSED, blankToNull(c.note()));
        BrokerageRequest next = r.next(RequestStatus.PROPOSED, proposals, r.engagement(), r.evaluation(), t);
        return applied(next, new RequestProposed(t.at(), next.area(), request(next, t), added), List.of(), List.of());
    }

    private static Result accept(BrokerageRequest r, Accept c) {
        Optional<Proposal> found = r.proposal(c.proposalId());
        if (found.isEmpty()) return unknownProposal(r, c.proposalId());
        Proposal p = found.get();
        if (p.status() != ProposalStatus.PROPOSED) return proposalState(r, p, "accepted");
        Transition t = transition(r, c, RequestStatus.ACCEPTED, null);
        BrokerageRequest next = r.next(
                RequestStatus.ACCEPTED,
                replace(
                        r.proposals(),
                        p.decided(ProposalStatus.ACCEPTED, c.actor().subject(), c.at(), null)),
                r.engagement(),
                r.evaluation(),
                t);
        return applied(
                next,
                new ProposalAccepted(
                        t.at(),
                        next.area(),
                        request(next, t),
                        proposal(next.proposal(p.id()).orElseThrow())),
                List.of(),
                List.of());
    }

    private static Result decline(BrokerageRequest r, Decline c) {
        Optional<Proposal> found = r.proposal(c.proposalId());
        if (found.isEmpty()) return unknownProposal(r, c.proposalId());
        Proposal p = found.get();
        if (p.status() != ProposalStatus.PROPOSED) return proposalState(r, p, "declined");
        Optional<Refused> reason = text(r, "reason", c.reason(), true);
        if (reason.isPresent()) return reason.get();
        List<Proposal> proposals = replace(
                r.proposals(),
                p.decided(
                        ProposalStatus.DECLINED,
                        c.actor().subject(),
                        c.at(),
                        c.reason().strip()));
        RequestStatus to = r.status() == RequestStatus.ACCEPTED
                ? RequestStatus.ACCEPTED
                : proposals.stream().anyMatch(x -> x.status().live()) ? RequestStatus.PROPOSED : RequestStatus.OPEN;
        Transition t = transition(r, c, to, c.reason().strip());
        BrokerageRequest next = r.next(to, proposals, r.engagement(), r.evaluation(), t);
        return applied(
                next,
                new ProposalDeclined(
                        t.at(),
                        next.area(),
                        request(next, t),
                        proposal(next.proposal(p.id()).orElseThrow()),
                        t.reason()),
                List.of(),
                List.of());
    }

    private static Result agree(BrokerageRequest r, Agree c) {
        Optional<Proposal> found = r.proposal(c.proposalId());
        if (found.isEmpty()) return unknownProposal(r, c.proposalId());
        Proposal p = found.get();
        if (p.status() != ProposalStatus.ACCEPTED) return proposalState(r, p, "agreed");
        String id = engagementId(r.id(), p.id());
        String providerAccount = LedgerEffect.account(r.area(), p.providerId());
        Engagement e = new Engagement(
                id,
                holdId(r.id(), p.id(), r.version()),
                p.id(),
                p.offerId(),
                p.providerId(),
                p.days(),
                p.credits(),
                r.schoolAccount(),
                providerAccount,
                c.actor().subject(),
                c.at(),
                HoldState.HELD,
                0,
                0,
                null,
                null);
        List<Proposal> proposals = new ArrayList<>();
        for (Proposal x : r.proposals()) {
            if (x.id().equals(p.id()))
                proposals.add(x.decided(ProposalStatus.AGREED, c.actor().subject(), c.at(), null));
            else if (x.status().live()) {
                proposals.add(x.decided(
                        ProposalStatus.SUPERSEDED, c.actor().subject(), c.at(), "proposal " + p.id() + " agreed"));
            } else proposals.add(x);
        }
        Transition t = transition(r, c, RequestStatus.AGREED, null);
        BrokerageRequest next = r.next(RequestStatus.AGREED, proposals, e, r.evaluation(), t);
        BrokerageEvent event = new EngagementAgreed(t.at(), next.area(), request(next, t), engagement(e));
        PlaceHold hold = new PlaceHold(
                e.holdId(),
                e.schoolAccount(),
                providerAccount,
                e.credits(),
                "brokerage request " + r.id() + " proposal " + p.id() + " offer " + p.offerId());
        return applied(next, event, List.of(hold), List.of());
    }

    private static Result start(BrokerageRequest r, StartDelivery c) {
        Transition t = transition(r, c, RequestStatus.IN_DELIVERY, null);
        Engagement e = r.engagement().started(c.at());
        BrokerageRequest next = r.next(RequestStatus.IN_DELIVERY, r.proposals(), e, r.evaluation(), t);
        return applied(
                next,
                new EngagementStarted(t.at(), next.area(), request(next, t), engagement(e)),
                List.of(),
                List.of());
    }

    private static Result complete(BrokerageRequest r, Complete c) {
        Engagement e = r.engagement();
        if (c.daysDelivered() < 0 || c.daysDelivered() > e.days())
            return invalid(r, "daysDelivered", "must be 0 to the " + e.days() + " days agreed");
        if (c.credits().isPresent()
                && (c.credits().getAsLong() < 0 || c.credits().getAsLong() > e.credits()))
            return invalid(r, "credits", "must be 0 to the " + e.credits() + " credits agreed");
        Optional<Refused> note = text(r, "note", c.note(), false);
        if (note.isPresent()) return note.get();
        long amount =
                c.credits().isPresent() ? c.credits().getAsLong() : proRata(e.credits(), c.daysDelivered(), e.days());
        Engagement done = e.completed(c.daysDelivered(), amount, c.at());
        Transition t = transition(r, c, RequestStatus.COMPLETED, blankToNull(c.note()));
        BrokerageRequest next = r.next(RequestStatus.COMPLETED, r.proposals(), done, r.evaluation(), t);
        BrokerageEvent event = new EngagementCompleted(t.at(), next.area(), request(next, t), engagement(done));
        // the state first, then the ledger: a crash between leaves a completed engagement whose post reconciliation
        // re-drives
        LedgerEffect ledger = amount > 0 ? new PostHold(e.holdId(), amount) : new VoidHold(e.holdId());
        return applied(next, event, List.of(), List.of(ledger));
    }

    /** The agreed credits for the days delivered, rounded down: {@code credits * delivered / agreed}. */
    public static long proRata(long credits, int delivered, int agreed) {
        if (agreed <= 0 || delivered < 0 || delivered > agreed)
            throw new IllegalArgumentException("delivered " + delivered + " of " + agreed);
        return Math.multiplyExact(credits, delivered) / agreed;
    }

    private static Result evaluate(BrokerageRequest r, Evaluate c) {
        if (c.score() < MIN_SCORE || c.score() > MAX_SCORE)
            return invalid(r, "score", "must be " + MIN_SCORE + " to " + MAX_SCORE);
        Optional<Refused> notes = c.notes() != null && c.notes().length() > MAX_NEED
                ? Optional.of(invalid(r, "notes", "must be at most " + MAX_NEED + " characters"))
                : Optional.empty();
        if (notes.isPresent()) return notes.get();
        if (r.evaluation().has(c.rating()))
            return refused(
                    r,
                    Refusal.ALREADY_RATED,
                    "rating",
                    "the " + c.rating().name().toLowerCase() + " rating is given already");
        Evaluation ev = r.evaluation()
                .with(c.rating(), c.score(), blankToNull(c.notes()), c.actor().subject(), c.at());
        RequestStatus to = ev.complete() ? RequestStatus.EVALUATED : RequestStatus.COMPLETED;
        Transition t = transition(r, c, to, null);
        BrokerageRequest next = r.next(to, r.proposals(), r.engagement(), ev, t);
        Engagement e = r.engagement();
        return applied(
                next,
                new EngagementEvaluated(
                        t.at(),
                        next.area(),
                        request(next, t),
                        e.id(),
                        e.offerId(),
                        e.providerId(),
                        c.rating().name(),
                        c.score(),
                        ev.complete() ? ev.schoolRating() : null,
                        ev.complete() ? ev.impactRating() : null),
                List.of(),
                List.of());
    }

    private static Result close(BrokerageRequest r, Change c, RequestStatus to, String reason) {
        Optional<Refused> bad = text(r, "reason", reason, true);
        if (bad.isPresent()) return bad.get();
        // the state first, then the void: reconciliation re-drives a void a crash left undone, and voids the hold of
        // any
        // agreement that was interrupted before it was written
        List<LedgerEffect> after = new ArrayList<>();
        Engagement e = r.engagement();
        if (e != null && e.hold() == HoldState.HELD) {
            after.add(new VoidHold(e.holdId()));
            e = e.voided();
        }
        Transition t = transition(r, c, to, reason.strip());
        BrokerageRequest next = r.next(to, r.proposals(), e, r.evaluation(), t);
        BrokerageEvent.Engagement engagement = e == null ? null : engagement(e);
        BrokerageEvent event = to == RequestStatus.CANCELLED
                ? new RequestCancelled(t.at(), next.area(), request(next, t), t.reason(), engagement)
                : new RequestWithdrawn(t.at(), next.area(), request(next, t), t.reason(), engagement);
        return applied(next, event, List.of(), after);
    }

    // ---------------------------------------------------------------- helpers

    private static Transition transition(BrokerageRequest r, Command c, RequestStatus to, String reason) {
        return new Transition(
                c.actor().subject(), c.actor().kind(), c.at(), c.action(), r.status(), to, reason, r.version() + 1);
    }

    private static Applied applied(
            BrokerageRequest r, BrokerageEvent event, List<LedgerEffect> before, List<LedgerEffect> after) {
        return new Applied(r, envelope(event), before, after);
    }

    /** The event in the envelope every table's stream carries (docs/events.md). */
    private static EventEnvelope envelope(BrokerageEvent e) {
        return new EventEnvelope(e.type(), e.eventId(), e.occurredAt(), e.area(), e.data());
    }

    private static BrokerageEvent.Request request(BrokerageRequest r, Transition t) {
        return new BrokerageEvent.Request(
                r.id(),
                t.version(),
                r.urn(),
                r.schoolName(),
                r.areasOfSupport(),
                r.urgency().name(),
                t.action().name(),
                t.from() == null ? null : t.from().name(),
                t.to().name(),
                t.by(),
                t.byKind().name());
    }

    private static BrokerageEvent.Proposal proposal(Proposal p) {
        return new BrokerageEvent.Proposal(
                p.id(),
                p.offerId(),
                p.providerId(),
                p.days(),
                p.credits(),
                p.status().name());
    }

    private static BrokerageEvent.Engagement engagement(Engagement e) {
        return new BrokerageEvent.Engagement(
                e.id(),
                e.holdId(),
                e.proposalId(),
                e.offerId(),
                e.providerId(),
                e.days(),
                e.credits(),
                e.hold().name(),
                e.daysDelivered(),
                e.creditsPosted());
    }

    private static List<Proposal> replace(List<Proposal> proposals, Proposal changed) {
        return proposals.stream()
                .map(p -> p.id().equals(changed.id()) ? changed : p)
                .toList();
    }

    private static Refused refused(BrokerageRequest r, Refusal reason, String field, String message) {
        return new Refused(reason, message, field, r.status(), r.version(), Lifecycle.allowedActions(r.status()));
    }

    private static Refused refusedNew(Refusal reason, String field, String message) {
        return new Refused(reason, message, field, null, 0, List.of());
    }

    private static Refused invalid(BrokerageRequest r, String field, String message) {
        return refused(r, Refusal.INVALID, field, field + " " + message);
    }

    private static Refused unknownProposal(BrokerageRequest r, String proposalId) {
        return refused(
                r, Refusal.UNKNOWN_PROPOSAL, "proposalId", "request " + r.id() + " has no proposal " + proposalId);
    }

    private static Refused proposalState(BrokerageRequest r, Proposal p, String wanted) {
        return refused(
                r,
                Refusal.PROPOSAL_STATE,
                "proposalId",
                "proposal " + p.id() + " is " + p.status() + " and cannot be " + wanted);
    }

    private static Optional<Refused> text(BrokerageRequest r, String field, String value, boolean required) {
        if (required && (value == null || value.isBlank())) return Optional.of(invalid(r, field, "is required"));
        if (value != null && value.length() > MAX_TEXT)
            return Optional.of(invalid(r, field, "must be at most " + MAX_TEXT + " characters"));
        return Optional.empty();
    }

    private static Optional<Refused> check(boolean ok, String field, String message) {
        return ok ? Optional.empty() : Optional.of(refusedNew(Refusal.INVALID, field, field + " " + message));
    }

    @SafeVarargs
    private static Optional<Refused> firstOf(Optional<Refused>... checks) {
        for (Optional<Refused> c : checks) if (c.isPresent()) return c;
        return Optional.empty();
    }

    private static String name(Action a) {
        return a.name().toLowerCase().replace('_', ' ');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
