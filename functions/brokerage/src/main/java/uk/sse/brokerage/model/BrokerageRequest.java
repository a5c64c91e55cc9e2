package uk.sse.brokerage.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A request for support for one school (its URN) in one area, raised by an adviser (or by the school, decision 0081), followed by a broker through
 * proposals to an engagement, delivery and evaluation. {@code version} counts the transitions applied (1 once raised);
 * a command names the version it was decided on and is refused if the request has moved since.
 * {@code engagement} is null until agreed; {@code evaluation} is {@link Evaluation#NONE} until rated; {@code schoolName}
 * is the register's name for the URN when raised (null if not known).
 */
public record BrokerageRequest(
        String id,
        String urn,
        String area,
        List<String> areasOfSupport,
        String need,
        Urgency urgency,
        int daysWanted,
        List<DeliveryMode> deliveryModes,
        LocalDate wantedBy,
        long credits,
        String raisedBy,
        Instant raisedAt,
        RequestStatus status,
        long version,
        List<Proposal> proposals,
        Engagement engagement,
        List<Suggestion> suggestions,
        Evaluation evaluation,
        List<Transition> history,
        String schoolName) {

    /** The broker's queue: most urgent first, then oldest first, then by id (a total order, so pages are stable). */
    public static final Comparator<BrokerageRequest> QUEUE_ORDER = Comparator.comparing(
                    BrokerageRequest::urgency, Comparator.reverseOrder())
            .thenComparing(BrokerageRequest::raisedAt)
            .thenComparing(BrokerageRequest::id);

    public BrokerageRequest {
        areasOfSupport = List.copyOf(areasOfSupport);
        deliveryModes = List.copyOf(deliveryModes);
        proposals = List.copyOf(proposals);
        suggestions = List.copyOf(suggestions);
        history = List.copyOf(history);
        if (evaluation == null) evaluation = Evaluation.NONE;
    }

    public Optional<Proposal> proposal(String proposalId) {
        return proposals.stream().filter(p -> p.id().equals(proposalId)).findFirst();
    }

    public Optional<Engagement> engagementIfAny() {
        return Optional.ofNullable(engagement);
    }

    /** Whether the school raised it for itself (decision 0081): its first transition was made by the school, not an adviser. */
    public boolean raisedBySchool() {
        return !history.isEmpty()
                && history.getFirst().action() == Action.RAISE
                && history.getFirst().byKind() == ActorKind.PROVIDER;
    }

    /** The school's ledger account. */
    public String schoolAccount() {
        return LedgerEffect.account(area, urn);
    }

    /** The time of the last transition. */
    public Instant updatedAt() {
        return history.isEmpty() ? raisedAt : history.get(history.size() - 1).at();
    }

    BrokerageRequest next(
            RequestStatus to,
            List<Proposal> newProposals,
            Engagement newEngagement,
            Evaluation newEvaluation,
            Transition t) {
        List<Transition> h = new java.util.ArrayList<>(history);
        h.add(t);
        return new BrokerageRequest(
                id,
                urn,
                area,
                areasOfSupport,
                need,
                urgency,
                daysWanted,
                deliveryModes,
                wantedBy,
                credits,
                raisedBy,
                raisedAt,
                to,
                t.version(),
                newProposals,
                newEngagement,
                suggestions,
                newEvaluation,
                h,
                schoolName);
    }
}
