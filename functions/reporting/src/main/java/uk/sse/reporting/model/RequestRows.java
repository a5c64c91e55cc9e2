package uk.sse.reporting.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the read model holds for one brokerage request: the request, its areas of support, its engagement (null until
 * one is known) and its ratings. A time is null until the event that sets it has been applied.
 */
public record RequestRows(Request request, List<Area> areas, Engagement engagement, List<Rating> ratings) {

    public RequestRows {
        areas = List.copyOf(areas);
        ratings = List.copyOf(ratings);
    }

    /**
     * {@code status}, {@code version} and the descriptive fields are those of the highest version applied;
     * {@code closedAs} is CANCELLED or WITHDRAWN once the request was closed without completion.
     */
    public record Request(
            String requestId,
            String area,
            String urn,
            String schoolName,
            String urgency,
            String status,
            long version,
            BigDecimal daysWanted,
            Long creditsCommitted,
            int proposals,
            Instant raisedAt,
            Instant firstProposedAt,
            Instant agreedAt,
            Instant completedAt,
            Instant closedAt,
            String closedAs) {}

    /** One area of support of the request (a taxonomy code) and its top-level area. */
    public record Area(String code, String topCode) {}

    /**
     * The agreed support: days and credits agreed, the hold's state and what completion delivered and posted.
     * {@code cancelledAt} is set when the request was cancelled or withdrawn after agreement ({@code cancelledAs}).
     */
    public record Engagement(
            String engagementId,
            String providerId,
            String offerId,
            BigDecimal days,
            long credits,
            String hold,
            BigDecimal daysDelivered,
            long creditsPosted,
            Instant agreedAt,
            Instant startedAt,
            Instant completedAt,
            Instant cancelledAt,
            String cancelledAs) {}

    /** The school's (SCHOOL) or the adviser's (IMPACT) rating, 1 to 5, given at {@code ratedAt}. */
    public record Rating(
            String rating, int score, Instant ratedAt, String engagementId, String providerId, String offerId) {}
}
