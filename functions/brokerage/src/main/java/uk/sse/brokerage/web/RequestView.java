package uk.sse.brokerage.web;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Engagement;
import uk.sse.brokerage.model.Evaluation;
import uk.sse.brokerage.model.Policy;
import uk.sse.brokerage.model.Proposal;
import uk.sse.brokerage.model.Suggestion;
import uk.sse.brokerage.model.Transition;

/**
 * A request as its caller may see it. Those who own or broker it (the adviser's and broker's area, the school, an
 * admin) see all of it; a provider to whom something was proposed sees the need and only its own proposals and
 * engagement, not the suggestions, other providers' proposals or the history. {@code allowedActions} are what this
 * caller may do to it now ({@link uk.sse.brokerage.model.Policy#allowedActions}), not all its status allows.
 * {@code raisedBySchool}: the school raised it for itself, not an adviser (decision 0081).
 */
@Serdeable
public record RequestView(
        String id,
        String urn,
        String schoolName,
        String area,
        List<String> areasOfSupport,
        String need,
        String urgency,
        int daysWanted,
        List<String> deliveryModes,
        String wantedBy,
        long credits,
        String raisedBy,
        String raisedAt,
        String updatedAt,
        String status,
        long version,
        List<String> allowedActions,
        List<ProposalView> proposals,
        EngagementView engagement,
        List<SuggestionView> suggestions,
        EvaluationView evaluation,
        List<TransitionView> history,
        boolean raisedBySchool) {

    @Serdeable
    public record ProposalView(
            String id,
            String offerId,
            String providerId,
            int days,
            long credits,
            String status,
            String proposedBy,
            String proposedAt,
            String decidedBy,
            String decidedAt,
            String reason) {
        static ProposalView of(Proposal p) {
            return new ProposalView(
                    p.id(),
                    p.offerId(),
                    p.providerId(),
                    p.days(),
                    p.credits(),
                    p.status().name(),
                    p.proposedBy(),
                    text(p.proposedAt()),
                    p.decidedBy(),
                    text(p.decidedAt()),
                    p.reason());
        }
    }

    @Serdeable
    public record EngagementView(
            String id,
            String holdId,
            String proposalId,
            String offerId,
            String providerId,
            int days,
            long credits,
            String hold,
            int daysDelivered,
            long creditsPosted,
            String agreedBy,
            String agreedAt,
            String startedAt,
            String completedAt) {
        static EngagementView of(Engagement e) {
            return e == null
                    ? null
                    : new EngagementView(
                            e.id(),
                            e.holdId(),
                            e.proposalId(),
                            e.offerId(),
                            e.providerId(),
                            e.days(),
                            e.credits(),
                            e.hold().name(),
                            e.daysDelivered(),
                            e.creditsPosted(),
                            e.agreedBy(),
                            text(e.agreedAt()),
                            text(e.startedAt()),
                            text(e.completedAt()));
        }
    }

    @Serdeable
    public record SuggestionView(
            String offerId,
            String providerId,
            String title,
            String providerName,
            Double distanceKm,
            Long priceCredits,
            boolean liked) {
        static SuggestionView of(Suggestion s) {
            return new SuggestionView(
                    s.offerId(),
                    s.providerId(),
                    s.title(),
                    s.providerName(),
                    s.distanceKm(),
                    s.priceCredits(),
                    s.liked());
        }
    }

    @Serdeable
    public record EvaluationView(
            Integer schoolRating,
            String schoolNotes,
            String schoolBy,
            String schoolAt,
            Integer impactRating,
            String impactNotes,
            String impactBy,
            String impactAt) {
        static EvaluationView of(Evaluation e) {
            return e.schoolRating() == null && e.impactRating() == null
                    ? null
                    : new EvaluationView(
                            e.schoolRating(),
                            e.schoolNotes(),
                            e.schoolBy(),
                            text(e.schoolAt()),
                            e.impactRating(),
                            e.impactNotes(),
                            e.impactBy(),
                            text(e.impactAt()));
        }
    }

    @Serdeable
    public record TransitionView(
            long version, String action, String from, String to, String by, String byKind, String at, String reason) {
        static TransitionView of(Transition t) {
            return new TransitionView(
                    t.version(),
                    t.action().name(),
                    t.from() == null ? null : t.from().name(),
                    t.to().name(),
                    t.by(),
                    t.byKind().name(),
                    t.at().toString(),
                    t.reason());
        }
    }

    static RequestView of(BrokerageRequest r, Actor viewer) {
        boolean whole = !Policy.isAddressed(viewer, r)
                || Policy.isSchool(viewer, r)
                || Policy.isAdviser(viewer, r)
                || Policy.isBroker(viewer, r)
                || viewer.is(uk.sse.brokerage.model.ActorKind.ADMIN);
        List<Proposal> proposals = whole
                ? r.proposals()
                : r.proposals().stream()
                        .filter(p -> viewer.ofOrg(p.providerId()))
                        .toList();
        Engagement engagement =
                whole || r.engagement() != null && viewer.ofOrg(r.engagement().providerId()) ? r.engagement() : null;
        return new RequestView(
                r.id(),
                r.urn(),
                r.schoolName(),
                r.area(),
                r.areasOfSupport(),
                r.need(),
                r.urgency().name(),
                r.daysWanted(),
                r.deliveryModes().stream().map(Enum::name).toList(),
                r.wantedBy().toString(),
                r.credits(),
                r.raisedBy(),
                r.raisedAt().toString(),
                r.updatedAt().toString(),
                r.status().name(),
                r.version(),
                Policy.allowedActions(viewer, r).stream().map(Enum::name).toList(),
                proposals.stream().map(ProposalView::of).toList(),
                EngagementView.of(engagement),
                whole ? r.suggestions().stream().map(SuggestionView::of).toList() : List.of(),
                engagement == null && !whole ? null : EvaluationView.of(r.evaluation()),
                whole ? r.history().stream().map(TransitionView::of).toList() : List.of(),
                r.raisedBySchool());
    }

    private static String text(java.time.Instant at) {
        return at == null ? null : at.toString();
    }
}
