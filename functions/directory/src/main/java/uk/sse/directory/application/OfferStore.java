package uk.sse.directory.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferStatus;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.idempotency.PriorRequest;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/** Where offers and every version of them are kept. */
public interface OfferStore {

    Optional<Offer> find(String id);

    /**
     * Stores the first version and, if given, claims the idempotency key for it in the same write;
     * false if that key was claimed first (the offer is then not stored).
     */
    boolean create(Offer offer, IdempotencyKey key);

    /** What an earlier create with this key made, if any. */
    Optional<PriorRequest> priorRequest(IdempotencyKey key);

    /** Stores a new version; false if the stored version is no longer {@code expectedVersion}. */
    boolean update(Offer offer, long expectedVersion);

    /**
     * Records one outcome of brokerage for the offer, once: {@code outcomeId} names it, and a repeat changes nothing.
     * A completed engagement counts towards its completed engagements, an impact score (1-5) towards its average.
     * False if it was recorded before or there is no such offer.
     */
    boolean recordOutcome(
            String offerId, String outcomeId, boolean completed, Integer impactScore, java.time.Instant at);

    /** Every stored version of the offer, oldest first. */
    List<Offer> versions(String id);

    /** Offers in a status, optionally in one area, oldest change first. */
    Page<Offer> inStatus(OfferStatus status, String area, PageRequest page);

    /** Approved offers whose review date is not before {@code today}: what advisers may use. */
    Page<Offer> approvedAndCurrent(String area, LocalDate today, PageRequest page);

    Page<Offer> ofProvider(String providerId, PageRequest page);
}
