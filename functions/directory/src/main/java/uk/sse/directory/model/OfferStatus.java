package uk.sse.directory.model;

/** Where an offer is in quality assurance. Expiry is not a stored state: an approval lapses on its review date. */
public enum OfferStatus {
    DRAFT,
    SUBMITTED,
    CHANGES_REQUESTED,
    APPROVED,
    REJECTED,
    SUSPENDED,
    WITHDRAWN
}
