package uk.sse.directory.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One piece of support a provider publishes, with its assurance state and history. {@code version} counts
 * every change (content or assurance) and is the offer's ETag; {@code signals} (what brokerage reports of its
 * engagements) change beside it, without a new version.
 */
public record Offer(
        String id,
        String providerId,
        String providerName,
        ProviderType providerType,
        String area,
        List<Designation> designations,
        OfferContent content,
        OfferStatus status,
        LocalDate reviewDate,
        List<AssuranceRecord> history,
        long version,
        Instant createdAt,
        Instant updatedAt,
        QualitySignals signals) {

    public Offer {
        designations = designations == null ? List.of() : List.copyOf(designations);
        history = history == null ? List.of() : List.copyOf(history);
        signals = signals == null ? QualitySignals.NONE : signals;
    }

    /** Approved and not yet due for review: the only offers advisers see. */
    public boolean visibleToAdvisers(LocalDate today) {
        return status == OfferStatus.APPROVED && reviewDate != null && !reviewDate.isBefore(today);
    }

    /** An approval whose review date has passed. */
    public boolean expired(LocalDate today) {
        return status == OfferStatus.APPROVED && reviewDate != null && reviewDate.isBefore(today);
    }
}
