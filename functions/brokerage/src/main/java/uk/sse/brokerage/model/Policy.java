package uk.sse.brokerage.model;

import java.util.List;
import uk.sse.brokerage.model.Command.Accept;
import uk.sse.brokerage.model.Command.Agree;
import uk.sse.brokerage.model.Command.Cancel;
import uk.sse.brokerage.model.Command.Change;
import uk.sse.brokerage.model.Command.Complete;
import uk.sse.brokerage.model.Command.Decline;
import uk.sse.brokerage.model.Command.Evaluate;
import uk.sse.brokerage.model.Command.Propose;
import uk.sse.brokerage.model.Command.StartDelivery;
import uk.sse.brokerage.model.Command.Withdraw;

/**
 * Who may do what, as a pure function of the actor, the command and the request.
 * <ul>
 *   <li>an ADVISER of the request's area raises it, agrees a proposal, gives the impact rating, cancels;</li>
 *   <li>the school raises a request for itself, where an area it belongs to lets its schools do so (decision 0081:
 *       the area's setting is the application's to check; the request goes to that area's queue);</li>
 *   <li>a BROKER of the area proposes, starts delivery, completes, cancels;</li>
 *   <li>a PROVIDER accepts or declines only the proposals addressed to it (its org is the proposal's provider);</li>
 *   <li>the school (a PROVIDER whose org is the request's URN) agrees, gives the school's rating, withdraws;</li>
 *   <li>an ADMIN of the area may see its requests but acts on none; ASSURER and COMMISSIONER neither see nor act.</li>
 * </ul>
 * Those who may not see a request are told it is not found; those who see it but may not act are forbidden.
 */
public final class Policy {
    private Policy() {}

    public static boolean isSchool(Actor a, BrokerageRequest r) {
        return a.is(ActorKind.PROVIDER) && a.ofOrg(r.urn());
    }

    public static boolean isAdviser(Actor a, BrokerageRequest r) {
        return a.is(ActorKind.ADVISER) && a.inArea(r.area());
    }

    public static boolean isBroker(Actor a, BrokerageRequest r) {
        return a.is(ActorKind.BROKER) && a.inArea(r.area());
    }

    /** A provider with at least one proposal on the request. */
    public static boolean isAddressed(Actor a, BrokerageRequest r) {
        return a.is(ActorKind.PROVIDER) && r.proposals().stream().anyMatch(p -> a.ofOrg(p.providerId()));
    }

    public static boolean maySee(Actor a, BrokerageRequest r) {
        return (a.is(ActorKind.ADMIN) && a.inArea(r.area()))
                || isAdviser(a, r)
                || isBroker(a, r)
                || isSchool(a, r)
                || isAddressed(a, r);
    }

    public static boolean mayRaise(Actor a, String area) {
        return a.is(ActorKind.ADVISER) && a.inArea(area);
    }

    /** An adviser of the area, or the school itself (a provider whose organisation is the URN) for its own school. */
    public static boolean mayRaise(Actor a, String area, String urn) {
        return mayRaise(a, area) || a.is(ActorKind.PROVIDER) && a.ofOrg(urn);
    }

    /** For ACCEPT and DECLINE of a proposal that does not exist, any provider who sees the request passes here (and is told it is unknown). */
    public static boolean may(Actor a, Change c, BrokerageRequest r) {
        return switch (c) {
            case Propose p -> isBroker(a, r);
            case StartDelivery s -> isBroker(a, r);
            case Complete x -> isBroker(a, r);
            case Accept x -> addressedOrUnknown(a, r, x.proposalId());
            case Decline x -> addressedOrUnknown(a, r, x.proposalId());
            case Agree x -> agrees(a, r);
            case Evaluate e -> rates(a, r, e.rating());
            case Cancel x -> isAdviser(a, r) || isBroker(a, r);
            case Withdraw x -> isSchool(a, r);
        };
    }

    /**
     * What this actor may do to the request now: the actions the {@link Lifecycle} allows from its status that are the
     * actor's to take and have something to act on (a proposal of theirs still open to accept or decline, their own
     * rating not yet given). What a page offers the person; {@link Brokerage#apply} would
     * refuse every other action to them for who they are or where the request stands.
     */
    public static List<Action> allowedActions(Actor a, BrokerageRequest r) {
        if (!maySee(a, r)) return List.of();
        return Lifecycle.allowedActions(r.status()).stream()
                .filter(action -> switch (action) {
                    case PROPOSE, START_DELIVERY, COMPLETE -> isBroker(a, r);
                    case ACCEPT, DECLINE ->
                        a.is(ActorKind.PROVIDER)
                                && r.proposals().stream()
                                        .anyMatch(
                                                p -> p.status() == ProposalStatus.PROPOSED && a.ofOrg(p.providerId()));
                    case AGREE -> agrees(a, r); // a request is ACCEPTED only while one of its proposals is
                    case EVALUATE ->
                        java.util.Arrays.stream(Rating.values())
                                .anyMatch(g -> rates(a, r, g) && !r.evaluation().has(g));
                    case CANCEL -> isAdviser(a, r) || isBroker(a, r);
                    case WITHDRAW -> isSchool(a, r);
                    case RAISE, RELEASE_HOLD -> false;
                })
                .toList();
    }

    private static boolean agrees(Actor a, BrokerageRequest r) {
        return isSchool(a, r) || isAdviser(a, r);
    }

    private static boolean rates(Actor a, BrokerageRequest r, Rating rating) {
        return rating == Rating.SCHOOL ? isSchool(a, r) : rating == Rating.IMPACT && isAdviser(a, r);
    }

    private static boolean addressedOrUnknown(Actor a, BrokerageRequest r, String proposalId) {
        return a.is(ActorKind.PROVIDER)
                && r.proposal(proposalId).map(p -> a.ofOrg(p.providerId())).orElse(true);
    }
}
