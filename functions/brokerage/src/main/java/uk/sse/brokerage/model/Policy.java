package uk.sse.brokerage.model;

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
 *   <li>a BROKER of the area proposes, starts delivery, completes, cancels;</li>
 *   <li>a PROVIDER accepts or declines only the proposals addressed to it (its org is the proposal's provider);</li>
 *   <li>the school (a PROVIDER whose org is the request's URN) agrees, gives the school's rating, withdraws;</li>
 *   <li>an ADMIN of the area may see its requests but acts on none; ASSURER and COMMISSIONER neither see nor act.</li>
 * </ul>
 * Those who may not see a request are told it is not found; those who see it but may not act are forbidden.
 */
public final class Policy {
    private Policy() {}

    public static boolean isSchool(Actor a, BrokerageRequest r) { return a.is(ActorKind.PROVIDER) && a.ofOrg(r.urn()); }

    public static boolean isAdviser(Actor a, BrokerageRequest r) { return a.is(ActorKind.ADVISER) && a.inArea(r.area()); }

    public static boolean isBroker(Actor a, BrokerageRequest r) { return a.is(ActorKind.BROKER) && a.inArea(r.area()); }

    /** A provider with at least one proposal on the request. */
    public static boolean isAddressed(Actor a, BrokerageRequest r) {
        return a.is(ActorKind.PROVIDER) && r.proposals().stream().anyMatch(p -> a.ofOrg(p.providerId()));
    }

    public static boolean maySee(Actor a, BrokerageRequest r) {
        return (a.is(ActorKind.ADMIN) && a.inArea(r.area())) || isAdviser(a, r) || isBroker(a, r) || isSchool(a, r) || isAddressed(a, r);
    }

    public static boolean mayRaise(Actor a, String area) { return a.is(ActorKind.ADVISER) && a.inArea(area); }

    /** For ACCEPT and DECLINE of a proposal that does not exist, any provider who sees the request passes here (and is told it is unknown). */
    public static boolean may(Actor a, Change c, BrokerageRequest r) {
        return switch (c) {
            case Propose p -> isBroker(a, r);
            case StartDelivery s -> isBroker(a, r);
            case Complete x -> isBroker(a, r);
            case Accept x -> addressedOrUnknown(a, r, x.proposalId());
            case Decline x -> addressedOrUnknown(a, r, x.proposalId());
            case Agree x -> isSchool(a, r) || isAdviser(a, r);
            case Evaluate e -> e.rating() == Rating.SCHOOL ? isSchool(a, r) : e.rating() == Rating.IMPACT && isAdviser(a, r);
            case Cancel x -> isAdviser(a, r) || isBroker(a, r);
            case Withdraw x -> isSchool(a, r);
        };
    }

    private static boolean addressedOrUnknown(Actor a, BrokerageRequest r, String proposalId) {
        return a.is(ActorKind.PROVIDER) && r.proposal(proposalId).map(p -> a.ofOrg(p.providerId())).orElse(true);
    }
}
