package uk.sse.brokerage.model;

/**
 * An offer suggested when the request was raised, as it was then: one the adviser liked on the visit ({@code liked}),
 * or one the directory's search found; what the broker sees in the queue before proposing anything.
 * {@code distanceKm} and {@code priceCredits} may be null.
 */
public record Suggestion(
        String offerId,
        String providerId,
        String title,
        String providerName,
        Double distanceKm,
        Long priceCredits,
        boolean liked) {

    public Suggestion(
            String offerId,
            String providerId,
            String title,
            String providerName,
            Double distanceKm,
            Long priceCredits) {
        this(offerId, providerId, title, providerName, distanceKm, priceCredits, false);
    }

    /** A suggestion known only by its offer id (and provider). */
    public static Suggestion of(String offerId, String providerId) {
        return new Suggestion(offerId, providerId, null, null, null, null, false);
    }
}
