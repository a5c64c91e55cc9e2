package uk.sse.directory.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assurance state machine. Every move is checked against the current state; a refused move names the
 * actions the current state does allow.
 */
public final class OfferLifecycle {

    /** The furthest ahead an approval may run before the offer must be assured again. */
    public static final int MAX_REVIEW_YEARS = 3;

    private static final Map<AssuranceAction, Set<OfferStatus>> ALLOWED_FROM = Map.of(
            AssuranceAction.SUBMIT, EnumSet.of(OfferStatus.DRAFT, OfferStatus.CHANGES_REQUESTED),
            AssuranceAction.APPROVE, EnumSet.of(OfferStatus.SUBMITTED, OfferStatus.SUSPENDED),
            AssuranceAction.REJECT, EnumSet.of(OfferStatus.SUBMITTED),
            AssuranceAction.REQUEST_CHANGES, EnumSet.of(OfferStatus.SUBMITTED),
            AssuranceAction.SUSPEND, EnumSet.of(OfferStatus.APPROVED),
            AssuranceAction.EDIT,
                    EnumSet.of(
                            OfferStatus.DRAFT,
                            OfferStatus.CHANGES_REQUESTED,
                            OfferStatus.REJECTED,
                            OfferStatus.APPROVED,
                            OfferStatus.SUSPENDED),
            AssuranceAction.WITHDRAW, EnumSet.complementOf(EnumSet.of(OfferStatus.WITHDRAWN)));

    private OfferLifecycle() {}

    /** The outcome of asking for a move. */
    public sealed interface Move {
        record Made(Offer offer) implements Move {}

        record Refused(String why, List<String> allowed) implements Move {}

        /** The request itself is incomplete, e.g. a rejection without a reason. */
        record Incomplete(String field, String message) implements Move {}
    }

    /** A request to move an offer, with the decision's details where the action needs them. */
    public record Request(
            AssuranceAction action,
            String by,
            Instant at,
            String reason,
            LocalDate reviewDate,
            OfferContent newContent) {}

    public static List<String> allowedActions(OfferStatus status) {
        return Arrays.stream(AssuranceAction.values())
                .filter(a -> ALLOWED_FROM.get(a).contains(status))
                .map(Enum::name)
                .toList();
    }

    public static OfferStatus target(AssuranceAction action, OfferStatus from) {
        return switch (action) {
            case SUBMIT -> OfferStatus.SUBMITTED;
            case APPROVE -> OfferStatus.APPROVED;
            case REJECT -> OfferStatus.REJECTED;
            case REQUEST_CHANGES -> OfferStatus.CHANGES_REQUESTED;
            case SUSPEND -> OfferStatus.SUSPENDED;
            case WITHDRAW -> OfferStatus.WITHDRAWN;
            case EDIT ->
                switch (from) {
                    // an assured offer's changes are assured again before advisers see them
                    case APPROVED, SUSPENDED -> OfferStatus.SUBMITTED;
                    case REJECTED -> OfferStatus.DRAFT;
                    default -> from;
                };
        };
    }

    public static Move apply(Offer offer, Request request) {
        AssuranceAction action = request.action();
        if (!ALLOWED_FROM.get(action).contains(offer.status())) {
            return new Move.Refused(
                    "an offer that is " + offer.status() + " cannot be given " + action,
                    allowedActions(offer.status()));
        }
        if (action.needsReason()
                && (request.reason() == null || request.reason().isBlank())) {
            return new Move.Incomplete(
                    "reason",
                    "a reason is required to " + action.name().toLowerCase().replace('_', ' '));
        }
        LocalDate reviewDate = offer.reviewDate();
        if (action == AssuranceAction.APPROVE) {
            LocalDate today = request.at().atZone(java.time.ZoneOffset.UTC).toLocalDate();
            if (request.reviewDate() == null) {
                return new Move.Incomplete("reviewDate", "an approval needs a review date");
            }
            if (!request.reviewDate().isAfter(today)) {
                return new Move.Incomplete("reviewDate", "the review date must be after today");
            }
            if (request.reviewDate().isAfter(today.plusYears(MAX_REVIEW_YEARS))) {
                return new Move.Incomplete(
                        "reviewDate", "the review date may be at most " + MAX_REVIEW_YEARS + " years ahead");
            }
            reviewDate = request.reviewDate();
        }
        if (action == AssuranceAction.EDIT && request.newContent() == null) {
            return new Move.Incomplete("body", "an edit needs the offer's new content");
        }
        OfferStatus to = target(action, offer.status());
        long version = offer.version() + 1;
        List<AssuranceRecord> history = new ArrayList<>(offer.history());
        history.add(new AssuranceRecord(
                request.at(),
                request.by(),
                action,
                offer.status(),
                to,
                blankToNull(request.reason()),
                action == AssuranceAction.APPROVE ? reviewDate : null,
                version));
        OfferContent content = action == AssuranceAction.EDIT ? request.newContent() : offer.content();
        return new Move.Made(new Offer(
                offer.id(),
                offer.providerId(),
                offer.providerName(),
                offer.providerType(),
                offer.area(),
                offer.designations(),
                content,
                to,
                to == OfferStatus.APPROVED || to == OfferStatus.SUSPENDED ? reviewDate : null,
                history,
                version,
                offer.createdAt(),
                request.at(),
                offer.signals()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
