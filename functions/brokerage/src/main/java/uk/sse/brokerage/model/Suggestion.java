package uk.sse.brokerage.model;

/**
 * An offer the directory's search suggested when the request was raised, as it was then: what the broker sees in the
 * queue before proposing anything. {@code distanceKm} and {@code priceCredits} may be null.
 */
public record Suggestion(String offerId, String providerId, String title, String providerName, Double distanceKm,
                         Long priceCredits) {

    /** A suggestion known only by its offer id (and provider). */
    public static Suggestion of(String offerId, String providerId) {
        return new Suggestion(offerId, providerId, null, null, null, null);
    }
}
